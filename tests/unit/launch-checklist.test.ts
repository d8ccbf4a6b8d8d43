import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKLIST_PATH, collectChecklist, itemsIn, renderChecklist } from '../../tools/launch-checklist.ts';

const root = process.cwd();

describe('the launch checklist (docs/launch-checklist.md)', () => {
  it('is up to date with every "toConfirm" entry in the content: run `npm run launch:checklist` when this fails', () => {
    expect(readFileSync(join(root, CHECKLIST_PATH), 'utf8')).toBe(renderChecklist(collectChecklist(root)));
  });

  it('lists what the operator must confirm: the controller, the contacts, the thresholds, the press kit logo', () => {
    const items = collectChecklist(root);
    const has = (file: string, where: string, field: string) =>
      items.some((i) => i.file === file && i.where.includes(where) && i.entry.field === field);
    expect(has('content/contacts.json', 'controller', 'address')).toBe(true);
    expect(has('content/contacts.json', 'controller', 'organisation')).toBe(true);
    expect(has('content/contacts.json', 'intake', 'phone')).toBe(true);
    expect(has('content/contacts.json', 'press', 'email')).toBe(true);
    expect(has('content/referral-rules.json', 'the file itself', 'eligibleWhen')).toBe(true);
    expect(has('content/site.json', 'pressKit', 'logo')).toBe(true);
  });

  it('picks up whatever entries a content file gains, anywhere in it, and page front matter too', () => {
    const copy = mkdtempSync(join(tmpdir(), 'co3-checklist-'));
    cpSync(join(root, 'content'), join(copy, 'content'), {
      recursive: true,
      filter: (src) => !src.includes('/videos'),
    });
    const before = collectChecklist(copy).length;
    const centresFile = join(copy, 'content/centres.json');
    const centres = JSON.parse(readFileSync(centresFile, 'utf8')) as Record<string, unknown>[];
    centres[0]!.toConfirm = [
      { field: 'region', why: 'Only pilot police zones are named by the sources.', ask: 'The centre' },
    ];
    writeFileSync(centresFile, JSON.stringify(centres));
    mkdirSync(join(copy, 'content/pages/xx'), { recursive: true });
    writeFileSync(
      join(copy, 'content/pages/xx/test.md'),
      '---\ntitle: T\ntoConfirm:\n  - field: hours\n    why: No opening hours are published.\n    ask: The service\n---\nText\n',
    );
    const after = collectChecklist(copy);
    expect(after.length).toBe(before + 2);
    const md = renderChecklist(after);
    expect(md).toContain('## content/centres.json');
    expect(md).toContain('| `region` |');
    expect(md).toContain('## content/pages/xx/test.md');
    expect(md).toContain('No opening hours are published.');
  });

  it('refuses an entry without a reason or someone to ask, naming where it is', () => {
    expect(() => itemsIn('content/x.json', { a: { toConfirm: [{ field: 'phone', why: '' }] } })).toThrow(
      /content\/x\.json a: toConfirm\[0\]/,
    );
    expect(() => itemsIn('content/x.json', [{ id: 'y', toConfirm: [] }])).toThrow(/non-empty/);
  });

  it('shows what the field holds now, and keeps table cells intact', () => {
    const md = renderChecklist(
      itemsIn('content/x.json', [
        {
          id: 'a',
          phone: '',
          note: 'with | pipe',
          toConfirm: [{ field: 'note', why: 'A reason\nover two lines.', ask: 'Someone' }],
        },
      ]),
    );
    expect(md).toContain('| `a` | `note` | with \\| pipe | A reason over two lines. | Someone |');
  });
});
