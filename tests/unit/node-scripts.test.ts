import { readFileSync, readdirSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm run …` runs scripts/ and tools/ with Node's own type stripping, which refuses TypeScript
// that needs compiling (parameter properties, enums, namespaces). Vitest compiles such code
// without a word, so the tests would pass while the command fails: check every file here.
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

describe('scripts and tools run under plain Node', () => {
  it.each([...files('scripts'), ...files('tools'), ...files('src/features/translations')])('%s', (file) => {
    expect(() => stripTypeScriptTypes(readFileSync(file, 'utf8'))).not.toThrow();
  });
});
