// The translation workflow (docs/translating.md) on a copy of the real content: export → import
// leaves every file as it was; a changed Dutch paragraph makes exactly that page outdated;
// placeholders keep links whole; a stale file is refused, naming the segment; the XLIFF
// validates against the OASIS XLIFF 1.2 schema; the JSON report has its documented shape.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { LOCALES } from '../../src/i18n/locales.ts';
import { entryStaleSegments, parseInline, renderInline } from '../../src/i18n/segments.ts';
import { unitReport } from '../../src/features/translations/state.ts';
import { filmOutdated } from '../../src/features/translations/film-staleness.ts';
import { missingKeys } from '../../src/i18n/completeness.ts';
import { exportXliff, importXliff } from '../../src/features/translations/workflow.ts';

const repo = process.cwd();
/** The copy, made on first use in a test (the pure tests need none) and removed after it. */
let copy: string | undefined;
const tree = () => (copy ??= copyTree());

/** A copy of what the workflow reads and writes (no film media). */
function copyTree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'co3-i18n-'));
  cpSync(join(repo, 'locales'), join(dir, 'locales'), { recursive: true });
  cpSync(join(repo, 'content'), join(dir, 'content'), {
    recursive: true,
    filter: (src) => statSync(src).isDirectory() || !/\.(mp4|webm|jpg|png|webp)$/.test(src),
  });
  return dir;
}

function treeHash(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).sort();
}

/** Replaces the first match in one file of the copy. */
function edit(rel: string, from: string | RegExp, to: string) {
  const path = join(tree(), rel);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  expect(next, `${rel} should contain ${String(from)}`).not.toBe(text);
  writeFileSync(path, next);
}

afterEach(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
  copy = undefined;
});

describe('export then import without changes', () => {
  it('leaves every file byte for byte as it was, in every locale', () => {
    const before = treeHash(tree());
    for (const locale of LOCALES.filter((l) => l !== 'nl')) {
      const { xml, segments } = exportXliff(tree(), locale);
      expect(segments).toBeGreaterThan(900);
      const result = importXliff(tree(), xml);
      expect(result.refused).toEqual([]);
      expect(result.written).toEqual([]);
    }
    expect(changed(before, treeHash(tree()))).toEqual([]);
  }, 30_000);
});

describe('a changed Dutch paragraph', () => {
  it('makes exactly that page outdated, in every locale, and nothing else', () => {
    const before = unitReport(tree()).units;
    edit(
      'content/pages/nl/about.md',
      'De partners willen het geweld in gezinnen stoppen',
      'De partners willen het geweld in alle gezinnen stoppen',
    );
    const after = unitReport(tree()).units;
    for (const unit of after) {
      const old = before.find((u) => u.key === unit.key)!;
      for (const locale of LOCALES.filter((l) => l !== 'nl')) {
        if (unit.key === 'page:about') {
          expect(unit.locales[locale].state, locale).toBe('outdated');
          expect(unit.locales[locale].stale, locale).toEqual(['s2.1']);
        } else {
          expect(unit.locales[locale].state, `${unit.key} ${locale}`).toBe(old.locales[locale].state);
        }
      }
    }
  });

  it('is what the build compares too: the same stale segment from the parsed entries', () => {
    const sidecar = JSON.parse(readFileSync(join(tree(), 'content/translations/fr.json'), 'utf8'));
    const entry = (l: string) => {
      const text = readFileSync(join(tree(), `content/pages/${l}/about.md`), 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n/.exec(text)!;
      const title = /^title: (.*)$/m.exec(m[1]!)![1]!;
      const description = /^description: (.*)$/m.exec(m[1]!)![1]!;
      return { data: { title, description }, body: text.slice(m[0].length) };
    };
    const hashes = sidecar.units['page:about'].hashes;
    expect(entryStaleSegments('page', entry('nl'), entry('fr'), hashes)).toEqual([]);
    edit(
      'content/pages/nl/about.md',
      'De partners willen het geweld in gezinnen stoppen',
      'De partners willen het geweld in alle gezinnen stoppen',
    );
    expect(entryStaleSegments('page', entry('nl'), entry('fr'), hashes)).toEqual(['s2.1']);
  });
});

describe('a changed Dutch caption', () => {
  it('makes that film outdated (its page says so) and no other film', () => {
    expect(filmOutdated('families', 'fr', tree())).toBe(false);
    edit('content/videos/families/captions.nl.vtt', 'Je bent niet alleen.', 'Je staat er niet alleen voor.');
    for (const l of LOCALES.filter((x) => x !== 'nl')) {
      expect(filmOutdated('families', l, tree()), l).toBe(true);
      expect(filmOutdated('professionals', l, tree()), l).toBe(false);
    }
    const unit = unitReport(tree()).units.find((u) => u.key === 'film:families')!;
    expect(unit.locales.fr.stale).toEqual(['cue.2']);
  });
});

describe('the editors’ page strings', () => {
  it('are Dutch only by design: the completeness check skips the editors namespace, and only it', () => {
    const resources = { nl: { editors: { title: 'Vertaalstatus' }, common: { a: 'x' } }, fr: { common: {} } };
    expect(missingKeys(resources, 'nl')).toEqual([{ locale: 'fr', key: 'common:a' }]);
  });
});

describe('placeholders', () => {
  it('turn links, emphasis and phone numbers into tags and give the same Markdown back', () => {
    const md = 'Bel **101** of [1712](tel:1712), lees [veilig surfen](/nl/safety/) en *dit* met {{count}}.';
    const inline = parseInline(md);
    expect(inline.placeholders.map((p) => `${p.kind}:${p.ctype}`)).toEqual([
      'x:x-number',
      'x:x-tel',
      'g:link',
      'g:italic',
      'x:x-variable',
    ]);
    expect(renderInline(inline.parts, new Map(inline.placeholders.map((p) => [p.id, p])))).toBe(md);
  });

  it('keep a link whole: a new link text is written with the link target of the translation', () => {
    const { xml } = exportXliff(tree(), 'fr');
    const before = '<g id="1" ctype="link">surfer en sécurité</g>';
    expect(xml).toContain(before);
    const after = xml.replace(before, '<g id="1" ctype="link">naviguer en sécurité</g>');
    const result = importXliff(tree(), after);
    expect(result.refused).toEqual([]);
    expect(result.written).toContain('content/pages/fr/families/call-1712.md');
    expect(readFileSync(join(tree(), 'content/pages/fr/families/call-1712.md'), 'utf8')).toContain(
      '[naviguer en sécurité](/fr/safety/)',
    );
  });

  it('refuse a file whose translation lost a link, naming the segment, and write nothing', () => {
    const before = treeHash(tree());
    const { xml } = exportXliff(tree(), 'fr');
    const broken = xml.replace('<g id="1" ctype="link">surfer en sécurité</g>', 'surfer en sécurité');
    const result = importXliff(tree(), broken);
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0]).toMatch(/^page:families\/call-1712#s4\.2: tag 1 \(link to \/nl\/safety\/\) is missing/);
    expect(changed(before, treeHash(tree()))).toEqual([]);
  });
});

describe('a stale file', () => {
  it('is refused, naming each segment whose Dutch changed since the export, and the CLI exits 1', () => {
    const { xml } = exportXliff(tree(), 'de');
    writeFileSync(join(tree(), 'de.xlf'), xml.replace(/(<target xml:lang="de"[^>]*>)Die Partner/, '$1Alle Partner'));
    edit(
      'content/pages/nl/about.md',
      'De partners willen het geweld in gezinnen stoppen',
      'De partners willen het geweld in alle gezinnen stoppen',
    );
    const before = treeHash(tree());
    const run = spawnSync(process.execPath, [join(repo, 'scripts/i18n-import.ts'), 'de.xlf'], {
      cwd: tree(),
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('page:about#s2.1: the Dutch source changed since the export');
    expect(run.stderr.match(/^ {2}\S/gm)).toHaveLength(1);
    expect(changed(before, treeHash(tree()))).toEqual([]);
  });
});

describe('states', () => {
  it('records a reviewed page as checked with the reviewer and date named in the file', () => {
    const { xml } = exportXliff(tree(), 'en');
    // A reviewer signs off every segment of the accessibility page.
    const file = /<file original="page:accessibility"[\s\S]*?<\/file>/.exec(xml)![0];
    const reviewed = file
      .replace(
        '<header>',
        '<header>\n      <phase-group><phase phase-name="review" process-name="review" contact-name="A. Reviewer" company-name="native-speaker reviewer" date="2026-11-30T10:00:00Z"/></phase-group>',
      )
      .replace(
        /state="needs-review-translation" state-qualifier="mt-suggestion"/g,
        'state="signed-off" phase-name="review"',
      );
    const result = importXliff(tree(), xml.replace(file, reviewed));
    expect(result.refused).toEqual([]);
    // The Dutch hashes were current already: only the page's front matter changes.
    expect(result.written).toEqual(['content/pages/en/accessibility.md']);
    const front = readFileSync(join(tree(), 'content/pages/en/accessibility.md'), 'utf8');
    expect(front).toMatch(
      /translation:\n {2}status: checked\n {2}by: A\. Reviewer, native-speaker reviewer\n {2}date: 2026-11-30\n/,
    );
    const unit = unitReport(tree()).units.find((u) => u.key === 'page:accessibility')!;
    expect(unit.locales.en).toMatchObject({
      state: 'checked',
      by: 'A. Reviewer, native-speaker reviewer',
      date: '2026-11-30',
    });
  });

  it('refuses a reviewed segment when nobody is named as reviewer', () => {
    const { xml } = exportXliff(tree(), 'en');
    const signed = xml.replace(
      'state="needs-review-translation" state-qualifier="mt-suggestion"',
      'state="signed-off"',
    );
    const result = importXliff(tree(), signed);
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0]).toMatch(/marked as reviewed, but the file names no reviewer/);
  });
});

describe('the XLIFF file', () => {
  it('validates against the OASIS XLIFF 1.2 strict schema', async () => {
    const fixtures = join(repo, 'tests/fixtures/xliff');
    const schema = readFileSync(join(fixtures, 'xliff-core-1.2-strict.xsd'), 'utf8').replace(
      'http://www.w3.org/2001/xml.xsd',
      'xml.xsd',
    );
    const { xml } = exportXliff(tree(), 'ar');
    const result = await validateXML({
      xml: [{ fileName: 'ar.xlf', contents: xml }],
      schema: [{ fileName: 'xliff-core-1.2-strict.xsd', contents: schema }],
      preload: [{ fileName: 'xml.xsd', contents: readFileSync(join(fixtures, 'xml.xsd'), 'utf8') }],
      maxMemoryPages: 16384,
    });
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe('npm run i18n:report -- --json', () => {
  it('gives every unit × locale a state, and segment totals per locale', () => {
    const run = spawnSync(process.execPath, [join(repo, 'scripts/i18n-report.ts'), '--json'], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.locales).toEqual([...LOCALES]);
    const kinds = new Set(report.units.map((u: { kind: string }) => u.kind));
    expect([...kinds].sort()).toEqual(['campaign', 'data', 'film', 'news', 'page', 'ui']);
    const states = ['source', 'missing', 'unchecked', 'translated', 'outdated', 'checked'];
    for (const unit of report.units) {
      expect(unit).toEqual({
        key: expect.stringMatching(/^(page|news|campaign|ui|data|film):/),
        kind: expect.any(String),
        files: expect.any(Array),
        locales: expect.any(Object),
      });
      expect(Object.keys(unit.locales).sort()).toEqual([...LOCALES].sort());
      expect(unit.locales.nl.state).toBe('source');
      for (const l of LOCALES) {
        expect(states).toContain(unit.locales[l].state);
        if (unit.locales[l].changed !== undefined) expect(unit.locales[l].changed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    for (const l of LOCALES)
      expect(Object.values(report.totals[l]).reduce((a: number, b) => a + (b as number), 0)).toBeGreaterThan(900);
    expect(report.missingKeys).toEqual([]);
  });
});
