import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../i18n/locales.ts';
import { PAGES, type PageSlug } from '../../i18n/routes.ts';
import { missingKeys, type MissingKey, type Resources } from '../../i18n/completeness.ts';
import { loadUnits, readSidecar, segmentState, unitState, type State, type UnitKind } from './units.ts';

/** `missing`: no file, the Dutch text is shown with a notice. */
export type PageState = 'source' | 'unchecked' | 'translated' | 'checked' | 'missing';

/** One unit (page, news item, campaign, UI string file, data file, film) in one locale. */
export interface UnitLocaleState {
  state: State;
  /** For `checked`: who reviewed and when. */
  by?: string | undefined;
  date?: string | undefined;
  /** Segments per state (Dutch: all `source`). */
  segments: Partial<Record<State, number>>;
  /** Out-of-date or missing segment ids (for `outdated`). */
  stale?: string[] | undefined;
  /** The date (YYYY-MM-DD) of the last commit that changed the unit's files in this locale, when git knows it. */
  changed?: string | undefined;
}

export interface UnitReport {
  key: string;
  kind: UnitKind;
  files: string[];
  locales: Record<Locale, UnitLocaleState>;
}

export interface TranslationReport {
  pages: Record<PageSlug, Record<Locale, PageState>>;
  missingPages: { locale: Locale; page: PageSlug }[];
  missingKeys: MissingKey[];
  /** Every unit × locale with its state, from the translation workflow (docs/translating.md). */
  units: UnitReport[];
  /** Segments per locale and state. */
  totals: Record<Locale, Partial<Record<State, number>>>;
}

/** Reads `locales/<lng>/<ns>.json` from disk (for scripts and tests; the site bundles them). */
export function readResources(root: string): Resources {
  const resources: Resources = {};
  for (const locale of readdirSync(join(root, 'locales'))) {
    const dir = join(root, 'locales', locale);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      (resources[locale] ??= {})[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    }
  }
  return resources;
}

/** The translation status recorded in a page's frontmatter (`translation: status: …`). */
export function pageState(markdown: string): PageState {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(markdown)?.[1] ?? '';
  const status = /^translation:\s*\r?\n\s+status:\s*['"]?(\w+)/m.exec(front)?.[1];
  return status === 'source' || status === 'checked' || status === 'unchecked' || status === 'translated'
    ? status
    : 'missing';
}

/** Pages × locales with their state, and every missing page and UI key. */
export function translationReport(root: string): TranslationReport {
  const pages = {} as TranslationReport['pages'];
  const missingPages: TranslationReport['missingPages'] = [];
  for (const page of PAGES) {
    pages[page] = {} as Record<Locale, PageState>;
    for (const locale of LOCALES) {
      const file = join(root, 'content', 'pages', locale, `${page}.md`);
      const state = existsSync(file) ? pageState(readFileSync(file, 'utf8')) : 'missing';
      pages[page][locale] = state;
      if (state === 'missing') missingPages.push({ locale, page });
    }
  }
  const { units, totals } = unitReport(root);
  return {
    pages,
    missingPages,
    missingKeys: missingKeys(readResources(root), DEFAULT_LOCALE, [...LOCALES]),
    units,
    totals,
  };
}

/** Every unit × locale with its state, date and reviewer, and the segment counts. */
export function unitReport(root: string): { units: UnitReport[]; totals: TranslationReport['totals'] } {
  const dates = lastChanged(root);
  const changedOf = (files: string[]) =>
    files
      .map((f) => dates.get(f))
      .filter((d): d is string => !!d)
      .sort()
      .at(-1);
  const byKey = new Map<string, UnitReport>();
  const totals = {} as TranslationReport['totals'];
  for (const locale of LOCALES) {
    if (locale === DEFAULT_LOCALE) continue;
    const sidecar = readSidecar(root, locale);
    const total: Partial<Record<State, number>> = (totals[locale] = {});
    for (const unit of loadUnits(root, locale)) {
      const hashes = sidecar.units[unit.key]?.hashes;
      const report = byKey.get(unit.key) ?? {
        key: unit.key,
        kind: unit.kind,
        files: unit.files.map((f) => f.replace(`.${locale}.`, '.<l>.').replace(`/${locale}/`, '/<l>/')),
        locales: {} as Record<Locale, UnitLocaleState>,
      };
      byKey.set(unit.key, report);
      const nlFiles = unit.files.map((f) => f.replace(`.${locale}.`, '.nl.').replace(`/${locale}/`, '/nl/'));
      report.locales[DEFAULT_LOCALE] = {
        state: 'source',
        segments: { source: unit.segments.length },
        changed: changedOf(nlFiles),
      };
      const segments: Partial<Record<State, number>> = {};
      const stale: string[] = [];
      for (const seg of unit.segments) {
        const st = unit.exists ? segmentState(unit, seg, hashes) : 'missing';
        segments[st] = (segments[st] ?? 0) + 1;
        total[st] = (total[st] ?? 0) + 1;
        if (st === 'outdated' || (st === 'missing' && unit.exists)) stale.push(seg.id);
      }
      const state = unitState(unit, hashes);
      const entry: UnitLocaleState = { state, segments, changed: changedOf(unit.files) };
      if (unit.stored?.status === 'checked') Object.assign(entry, { by: unit.stored.by, date: unit.stored.date });
      if (stale.length) entry.stale = stale;
      report.locales[locale] = entry;
    }
  }
  totals[DEFAULT_LOCALE] = {
    source: [...byKey.values()].reduce((n, u) => n + (u.locales[DEFAULT_LOCALE].segments.source ?? 0), 0),
  };
  return { units: [...byKey.values()], totals };
}

/**
 * The date of the last commit that changed each file under content/ and locales/ (one `git log`),
 * as Lunaria's dashboard shows it; empty when there is no git history (a tarball, a shallow CI clone
 * gives the clone's date).
 */
export function lastChanged(root: string): Map<string, string> {
  const out = new Map<string, string>();
  try {
    const log = execFileSync('git', ['log', '--format=%x00%cs', '--name-only', '--', 'content', 'locales'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    for (const commit of log.split('\0')) {
      const [date, ...files] = commit.split('\n').filter(Boolean);
      if (!date) continue;
      for (const f of files) if (!out.has(f)) out.set(f, date);
    }
  } catch {
    // No git here: no dates.
  }
  return out;
}
