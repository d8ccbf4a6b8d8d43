/**
 * The plain HTML form and the referral object: the form's field names are the schema's dotted
 * paths (`referrer.email`), lists are repeated checkboxes, the children's ages one text field.
 * The same code runs on the server (no-JS posts) and in the island. The fields and their kinds
 * come from the table of questions (questions.ts).
 */
import { CHECK_QUESTIONS, REFERRAL_QUESTIONS, type Question } from './questions.ts';

/** Raw form values as the visitor typed them: kept to re-render the form after an error. */
export type FormValues = Record<string, string | string[]>;

const paths = (kinds: readonly Question['kind'][]) =>
  new Set(REFERRAL_QUESTIONS.filter((q) => kinds.includes(q.kind)).map((q) => q.path));
const LIST_FIELDS = paths(['checkboxes']);
const NUMBER_FIELDS = paths(['count']);
const AGE_LIST_FIELDS = paths(['ages']);
const BOOLEAN_FIELDS = paths(['checkbox']);

/** Every field of the referral form, in order: the no-JS parser reads only these. */
export const REFERRAL_FIELDS: readonly string[] = REFERRAL_QUESTIONS.map((q) => q.path);

/** The fields of the eligibility check (step one). */
export const ELIGIBILITY_FIELDS: readonly string[] = CHECK_QUESTIONS.map((q) => q.path);

/** Read the listed fields from form entries (FormData or URLSearchParams). */
export function readForm(
  entries: Iterable<[string, FormDataEntryValue | string]>,
  fields: readonly string[],
): FormValues {
  const wanted = new Set(fields);
  const values: FormValues = {};
  for (const [name, raw] of entries) {
    if (!wanted.has(name) || typeof raw !== 'string') continue;
    if (LIST_FIELDS.has(name)) {
      const list = values[name];
      values[name] = Array.isArray(list) ? [...list, raw] : [raw];
    } else if (!(name in values)) {
      values[name] = raw;
    }
  }
  return values;
}

/**
 * One-answer fields sent more than once with different values: the form never does that, and
 * taking the first or the last would be a guess. Each is a field error (`ambiguous`).
 */
export function ambiguousFields(
  entries: Iterable<[string, FormDataEntryValue | string]>,
  fields: readonly string[],
): { field: string; code: 'ambiguous' }[] {
  const wanted = new Set(fields);
  const seen = new Map<string, string>();
  const out: { field: string; code: 'ambiguous' }[] = [];
  for (const [name, raw] of entries) {
    if (!wanted.has(name) || LIST_FIELDS.has(name) || typeof raw !== 'string') continue;
    const first = seen.get(name);
    if (first === undefined) seen.set(name, raw);
    else if (first !== raw && !out.some((e) => e.field === name)) out.push({ field: name, code: 'ambiguous' });
  }
  return out;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node = (typeof next === 'object' && next !== null ? next : (node[key] = {})) as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/**
 * Form values → the object the schema validates. Empty inputs become absent (so the schema
 * says `required`, not `invalid`); numbers that are not numbers stay NaN (so it says `number`).
 * @example toReferralInput({ 'family.children': '3, 7' }) // => { family: { children: [3, 7] } }
 */
export function toReferralInput(values: FormValues, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = values[field];
    if (LIST_FIELDS.has(field)) {
      setPath(out, field, Array.isArray(raw) ? raw : raw ? [raw] : []);
    } else if (BOOLEAN_FIELDS.has(field)) {
      setPath(out, field, raw === 'yes');
    } else if (typeof raw !== 'string' || raw.trim() === '') {
      // Absent, but inside its section: the schema then names the field itself as required.
      setPath(out, field, AGE_LIST_FIELDS.has(field) ? [] : undefined);
    } else if (NUMBER_FIELDS.has(field)) {
      setPath(out, field, /^\s*\d{1,3}\s*$/.test(raw) ? Number(raw) : Number.NaN);
    } else if (AGE_LIST_FIELDS.has(field)) {
      setPath(
        out,
        field,
        raw
          .split(/[,;\s]+/)
          .filter(Boolean)
          .map((a) => (/^\d{1,3}$/.test(a) ? Number(a) : Number.NaN)),
      );
    } else {
      setPath(out, field, raw);
    }
  }
  return out;
}

/** A referral object back to form values (to prefill the form from the check's answers). */
export function toFormValues(input: Record<string, unknown>, fields: readonly string[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    let node: unknown = input;
    for (const key of field.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
    if (node === undefined || node === null) continue;
    if (Array.isArray(node)) values[field] = AGE_LIST_FIELDS.has(field) ? node.join(', ') : node.map(String);
    else if (typeof node === 'boolean') values[field] = node ? 'yes' : '';
    else values[field] = String(node);
  }
  return values;
}
