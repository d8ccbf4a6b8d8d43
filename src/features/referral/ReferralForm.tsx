import { createInstance, type TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { ELIGIBILITY_FIELDS, REFERRAL_FIELDS, readForm, toReferralInput, type FormValues } from './form.ts';
import {
  CALLBACK,
  LEGAL_BASES,
  LIFE_DOMAINS,
  LIMITS,
  ORGANISATIONS,
  PROTECTIVE_FACTORS,
  ROLES,
  TRI_STATE,
  VIOLENCE_FORMS,
  eligibilitySchema,
  fieldErrors,
  makeReferralSchema,
  type FieldError,
} from './schema.ts';

/**
 * The referral form (step two) and the eligibility questions (step one), rendered on the
 * server as a plain form that posts without JavaScript. Hydrated (step two only), it
 * validates as you type with the same schema, hides questions that do not apply and counts
 * characters. It never stores anything in the browser.
 */

export interface ReferralFormProps {
  mode: 'check' | 'form';
  locale: string;
  dir: 'ltr' | 'rtl';
  strings: Record<string, unknown>;
  action: string;
  values: FormValues;
  errors: FieldError[];
  /** Step two: the check said the criteria are not met, so a motivation is asked. */
  needsMotivation?: boolean;
}

const fieldId = (field: string) => `f-${field.replace(/\./g, '-')}`;
/** The element an error summary link points at: the first input of a group. */
export const errorTarget = (field: string, options?: readonly string[]) =>
  options ? `${fieldId(field)}-${options[0]}` : fieldId(field);

const GROUPS: Record<string, readonly string[]> = {
  'referrer.role': ROLES,
  'referrer.callback': CALLBACK,
  'violence.forms': VIOLENCE_FORMS,
  'violence.repeated': TRI_STATE,
  'violence.childWitness': TRI_STATE,
  'organisations.involved': ORGANISATIONS,
  lifeDomains: LIFE_DOMAINS,
  protective: PROTECTIVE_FACTORS,
  'situation.unsafe': TRI_STATE,
  'situation.hardStart': TRI_STATE,
  'safety.acuteDanger': ['yes', 'no'],
  'safety.weapons': TRI_STATE,
  'safety.threats': TRI_STATE,
  'safety.childrenPresent': TRI_STATE,
  'safety.recentEscalation': TRI_STATE,
  'sharing.familyInformed': ['yes', 'no'],
  'sharing.legalBasis': LEGAL_BASES,
};
// `referrer.role` is a <select>: its error target is the select itself.
export const summaryTarget = (field: string) =>
  field === 'referrer.role' || !GROUPS[field] ? fieldId(field) : errorTarget(field, GROUPS[field]);

interface Ctx {
  t: TFunction;
  values: FormValues;
  errors: Map<string, FieldError>;
  onChange: (field: string) => void;
  onBlur: (field: string) => void;
}

function ErrorText({ ctx, field }: { ctx: Ctx; field: string }) {
  const error = ctx.errors.get(field);
  if (!error) return null;
  return (
    <p id={`${fieldId(field)}-error`} className="field-error">
      <span className="sr-only">{ctx.t('errors.hidden')} </span>
      {ctx.t(`errors.${error.code}`, { max: error.max })}
    </p>
  );
}

function describedBy(ctx: Ctx, field: string, hint: boolean): string | undefined {
  const ids = [hint ? `${fieldId(field)}-hint` : '', ctx.errors.has(field) ? `${fieldId(field)}-error` : '']
    .filter(Boolean)
    .join(' ');
  return ids || undefined;
}

const hasHint = (t: TFunction, key: string) => t(key, { defaultValue: '' }) !== '';

/** Label, hint and error of a single input, in the GOV.UK order. */
function FieldHead({ ctx, field, hint, optional }: { ctx: Ctx; field: string; hint: boolean; optional?: boolean | undefined }) {
  return (
    <>
      <label htmlFor={fieldId(field)} className="field-label">
        {ctx.t(`fields.${field}.label`)}
        {optional && <span className="field-optional"> {ctx.t('form.optional')}</span>}
      </label>
      {hint && (
        <p id={`${fieldId(field)}-hint`} className="field-hint">
          {ctx.t(`fields.${field}.hint`)}
        </p>
      )}
      <ErrorText ctx={ctx} field={field} />
    </>
  );
}

function TextField(props: {
  ctx: Ctx;
  field: string;
  type?: 'text' | 'email' | 'tel';
  autoComplete?: string;
  inputMode?: 'numeric' | 'text';
  optional?: boolean;
  width?: string;
  max?: number;
}) {
  const { ctx, field } = props;
  const hint = hasHint(ctx.t, `fields.${field}.hint`);
  const value = ctx.values[field];
  return (
    <div className={`field ${ctx.errors.has(field) ? 'field--error' : ''}`}>
      <FieldHead ctx={ctx} field={field} hint={hint} optional={props.optional} />
      <input
        id={fieldId(field)}
        name={field}
        type={props.type ?? 'text'}
        defaultValue={typeof value === 'string' ? value : ''}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        maxLength={props.max}
        spellCheck={props.type === 'email' ? false : undefined}
        aria-describedby={describedBy(ctx, field, hint)}
        aria-invalid={ctx.errors.has(field) || undefined}
        className={`input ${props.width ?? 'w-full'}`}
        onChange={() => ctx.onChange(field)}
        onBlur={() => ctx.onBlur(field)}
      />
    </div>
  );
}

function TextArea(props: { ctx: Ctx; field: string; max: number; optional?: boolean; counter: boolean }) {
  const { ctx, field, max } = props;
  const hint = hasHint(ctx.t, `fields.${field}.hint`);
  const initial = typeof ctx.values[field] === 'string' ? (ctx.values[field] as string) : '';
  const [length, setLength] = useState(initial.length);
  return (
    <div className={`field ${ctx.errors.has(field) ? 'field--error' : ''}`}>
      <FieldHead ctx={ctx} field={field} hint={hint} optional={props.optional} />
      <textarea
        id={fieldId(field)}
        name={field}
        rows={field === 'description' ? 8 : 4}
        defaultValue={initial}
        aria-describedby={[describedBy(ctx, field, hint), props.counter ? `${fieldId(field)}-count` : ''].filter(Boolean).join(' ') || undefined}
        aria-invalid={ctx.errors.has(field) || undefined}
        className="input w-full"
        onChange={(e) => {
          setLength(e.currentTarget.value.length);
          ctx.onChange(field);
        }}
        onBlur={() => ctx.onBlur(field)}
      />
      {props.counter && (
        // Announced politely, and only the count: a screen reader is not interrupted per key.
        <p id={`${fieldId(field)}-count`} className={`field-hint ${length > max ? 'text-exit font-bold' : ''}`} aria-live="polite">
          {length > max ? ctx.t('form.counterOver', { count: length - max }) : ctx.t('form.counter', { count: length, max })}
        </p>
      )}
    </div>
  );
}

function Choice(props: {
  ctx: Ctx;
  field: string;
  options: readonly string[];
  optionKey: string;
  multiple?: boolean;
  inline?: boolean;
  hintKey?: (option: string) => string | null;
}) {
  const { ctx, field, options } = props;
  const hint = hasHint(ctx.t, `fields.${field}.hint`);
  const value = ctx.values[field];
  const selected = new Set(Array.isArray(value) ? value : value ? [value] : []);
  return (
    <fieldset
      className={`field ${ctx.errors.has(field) ? 'field--error' : ''}`}
      aria-describedby={describedBy(ctx, field, hint)}
    >
      <legend className="field-label">{ctx.t(`fields.${field}.label`)}</legend>
      {hint && (
        <p id={`${fieldId(field)}-hint`} className="field-hint">
          {ctx.t(`fields.${field}.hint`)}
        </p>
      )}
      <ErrorText ctx={ctx} field={field} />
      <div className={props.inline ? 'flex flex-wrap gap-x-6 gap-y-2' : 'grid gap-2'}>
        {options.map((option) => {
          const id = `${fieldId(field)}-${option}`;
          const optionHint = props.hintKey?.(option) ?? null;
          return (
            <div key={option} className="choice">
              <input
                id={id}
                type={props.multiple ? 'checkbox' : 'radio'}
                name={field}
                value={option}
                defaultChecked={selected.has(option)}
                aria-describedby={optionHint ? `${id}-hint` : undefined}
                onChange={() => ctx.onChange(field)}
              />
              <label htmlFor={id}>{ctx.t(`${props.optionKey}.${option}`)}</label>
              {optionHint && (
                <p id={`${id}-hint`} className="field-hint choice-hint">
                  {optionHint}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function Section({ title, children, hidden }: { title: string; children: ReactNode; hidden?: boolean }) {
  if (hidden) return null;
  return (
    <section className="form-section">
      <h2 className="mb-3 text-xl font-bold">{title}</h2>
      {children}
    </section>
  );
}

function EligibilityQuestions({ ctx, show }: { ctx: Ctx; show: (field: string) => boolean }) {
  return (
    <>
      <Section title={ctx.t('sections.violence')}>
        <Choice ctx={ctx} field="violence.forms" options={VIOLENCE_FORMS} optionKey="options.forms" multiple />
        {show('violence.otherForm') && <TextField ctx={ctx} field="violence.otherForm" max={LIMITS.otherForm} />}
        <Choice ctx={ctx} field="violence.repeated" options={TRI_STATE} optionKey="options.triState" inline />
      </Section>
      <Section title={ctx.t('sections.situation')}>
        <Choice ctx={ctx} field="lifeDomains" options={LIFE_DOMAINS} optionKey="options.lifeDomains" multiple />
        <Choice ctx={ctx} field="organisations.involved" options={ORGANISATIONS} optionKey="options.organisations" multiple />
        {show('organisations.other') && (
          <TextField ctx={ctx} field="organisations.other" optional max={LIMITS.otherOrganisation} />
        )}
        <Choice ctx={ctx} field="situation.unsafe" options={TRI_STATE} optionKey="options.triState" inline />
        <Choice ctx={ctx} field="situation.hardStart" options={TRI_STATE} optionKey="options.triState" inline />
        <TextField ctx={ctx} field="family.location" autoComplete="off" width="w-full sm:w-80" max={LIMITS.location} />
        <Choice ctx={ctx} field="safety.acuteDanger" options={['yes', 'no']} optionKey="options.yesNo" inline />
      </Section>
    </>
  );
}

function FormBody(props: ReferralFormProps & { hydrated: boolean }) {
  const { t } = useTranslation('referral');
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const fields = props.mode === 'check' ? ELIGIBILITY_FIELDS : REFERRAL_FIELDS;
  const [values, setValues] = useState<FormValues>(props.values);
  const [errors, setErrors] = useState<FieldError[]>(props.errors);
  const [touched, setTouched] = useState<Set<string>>(() => new Set(props.errors.map((e) => e.field)));
  // The server's own summary covers errors of a no-JS post; this one appears after a submit here.
  const [showSummary, setShowSummary] = useState(false);
  const schema = useMemo(
    () => (props.mode === 'check' ? eligibilitySchema : makeReferralSchema(() => props.needsMotivation === true)),
    [props.mode, props.needsMotivation],
  );

  const validate = (current: FormValues): FieldError[] => {
    const result = schema.safeParse(toReferralInput(current, fields));
    return result.success ? [] : fieldErrors(result.error);
  };
  const read = (): FormValues => (formRef.current ? readForm(new FormData(formRef.current).entries(), fields) : values);
  const refresh = (only: Set<string>) => {
    const current = read();
    setValues(current);
    setErrors(validate(current).filter((e) => only.has(e.field)));
  };
  const ctx: Ctx = {
    t,
    values,
    errors: new Map(errors.map((e) => [e.field, e])),
    // While typing, only fields already left once (or already in error) are judged.
    onChange: () => refresh(touched),
    onBlur: (field) => {
      const next = new Set(touched).add(field);
      setTouched(next);
      refresh(next);
    },
  };

  const onSubmit = (event: { preventDefault(): void }) => {
    const current = read();
    const all = validate(current);
    if (all.length === 0) return; // the server checks again and has the last word
    event.preventDefault();
    setValues(current);
    setErrors(all);
    setTouched(new Set(all.map((e) => e.field)));
    setShowSummary(true);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const list = (field: string) => {
    const v = values[field];
    return Array.isArray(v) ? v : v ? [v] : [];
  };
  // Without JavaScript every question is shown; with it, follow-up questions appear when they apply.
  const show = (field: string): boolean => {
    if (!props.hydrated) return true;
    if (field === 'violence.otherForm') return list('violence.forms').includes('other');
    if (field === 'organisations.other') return list('organisations.involved').includes('other');
    return true;
  };

  return (
    <form
      ref={formRef}
      method="post"
      action={props.action}
      noValidate
      onSubmit={props.hydrated ? onSubmit : undefined}
      className="referral-form"
      aria-labelledby={`${props.mode}-heading`}
    >
      {props.hydrated && showSummary && errors.length > 0 && (
        <div ref={summaryRef} className="error-summary" tabIndex={-1} role="alert" aria-labelledby="client-error-summary-title">
          <h2 id="client-error-summary-title" className="mb-2 text-lg font-bold">
            {t('errors.summaryTitle')}
          </h2>
          <ul className="grid gap-1">
            {errors.map((e) => (
              <li key={e.field}>
                <a href={`#${summaryTarget(e.field)}`}>
                  {t(e.field === 'form' ? 'errors.invalid' : `fields.${e.field}.label`)}: {t(`errors.${e.code}`, { max: e.max })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <input type="hidden" name="step" value={props.mode === 'check' ? 'check' : 'submit'} />
      {/* A field people do not see: bots fill it in. Not `display:none`, which some bots skip. */}
      <div className="hp" aria-hidden="true">
        <label htmlFor={`hp-${props.mode}`}>{t('form.honeypot')}</label>
        <input id={`hp-${props.mode}`} type="text" name="contact_url" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {props.mode === 'check' ? (
        <EligibilityQuestions ctx={ctx} show={show} />
      ) : (
        <>
          <p className="mb-6">{t('form.requiredNote')}</p>
          <Section title={t('sections.referrer')}>
            <TextField ctx={ctx} field="referrer.name" autoComplete="name" max={LIMITS.name} />
            <TextField ctx={ctx} field="referrer.organisation" autoComplete="organization" max={LIMITS.organisation} />
            <div className={`field ${ctx.errors.has('referrer.role') ? 'field--error' : ''}`}>
              <FieldHead ctx={ctx} field="referrer.role" hint={false} />
              <select
                id={fieldId('referrer.role')}
                name="referrer.role"
                defaultValue={typeof values['referrer.role'] === 'string' ? values['referrer.role'] : ''}
                aria-describedby={describedBy(ctx, 'referrer.role', false)}
                aria-invalid={ctx.errors.has('referrer.role') || undefined}
                className="input w-full sm:w-auto"
                onChange={() => ctx.onChange('referrer.role')}
                onBlur={() => ctx.onBlur('referrer.role')}
              >
                <option value="">—</option>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`options.role.${r}`)}
                  </option>
                ))}
              </select>
            </div>
            <TextField ctx={ctx} field="referrer.email" type="email" autoComplete="work email" max={LIMITS.email} />
            <TextField ctx={ctx} field="referrer.phone" type="tel" autoComplete="work tel" width="w-full sm:w-72" max={LIMITS.phone} />
            <Choice ctx={ctx} field="referrer.callback" options={CALLBACK} optionKey="options.callback" inline />
            <TextField ctx={ctx} field="referrer.callbackTimes" optional max={LIMITS.callbackTimes} />
          </Section>
          <Section title={t('sections.family')}>
            <TextField ctx={ctx} field="family.location" max={LIMITS.location} width="w-full sm:w-80" />
            <TextField ctx={ctx} field="family.adults" inputMode="numeric" width="w-24" max={2} />
            <TextField ctx={ctx} field="family.children" inputMode="text" optional width="w-full sm:w-80" max={80} />
            <TextField ctx={ctx} field="family.languages" optional max={LIMITS.languages} />
            <div className="field choice">
              <input
                id={fieldId('family.interpreter')}
                type="checkbox"
                name="family.interpreter"
                value="yes"
                defaultChecked={values['family.interpreter'] === 'yes'}
              />
              <label htmlFor={fieldId('family.interpreter')}>{t('fields.family.interpreter.label')}</label>
            </div>
          </Section>
          <Section title={t('sections.violence')}>
            <Choice ctx={ctx} field="violence.forms" options={VIOLENCE_FORMS} optionKey="options.forms" multiple />
            {show('violence.otherForm') && <TextField ctx={ctx} field="violence.otherForm" max={LIMITS.otherForm} />}
            <Choice ctx={ctx} field="violence.repeated" options={TRI_STATE} optionKey="options.triState" inline />
            <TextField ctx={ctx} field="violence.victim" max={LIMITS.person} />
            <TextField ctx={ctx} field="violence.perpetrator" max={LIMITS.person} />
            <Choice ctx={ctx} field="violence.childWitness" options={TRI_STATE} optionKey="options.triState" inline />
          </Section>
          <Section title={t('sections.organisations')}>
            <Choice ctx={ctx} field="organisations.involved" options={ORGANISATIONS} optionKey="options.organisations" multiple />
            {show('organisations.other') && (
              <TextField ctx={ctx} field="organisations.other" optional max={LIMITS.otherOrganisation} />
            )}
          </Section>
          <Section title={t('sections.lifeDomains')}>
            <Choice ctx={ctx} field="lifeDomains" options={LIFE_DOMAINS} optionKey="options.lifeDomains" multiple />
          </Section>
          <Section title={t('sections.protective')}>
            <Choice ctx={ctx} field="protective" options={PROTECTIVE_FACTORS} optionKey="options.protective" multiple />
          </Section>
          <Section title={t('sections.situation')}>
            <Choice ctx={ctx} field="situation.unsafe" options={TRI_STATE} optionKey="options.triState" inline />
            <Choice ctx={ctx} field="situation.hardStart" options={TRI_STATE} optionKey="options.triState" inline />
          </Section>
          <Section title={t('sections.safety')}>
            <Choice ctx={ctx} field="safety.acuteDanger" options={['yes', 'no']} optionKey="options.yesNo" inline />
            <Choice ctx={ctx} field="safety.weapons" options={TRI_STATE} optionKey="options.triState" inline />
            <Choice ctx={ctx} field="safety.threats" options={TRI_STATE} optionKey="options.triState" inline />
            <Choice ctx={ctx} field="safety.childrenPresent" options={TRI_STATE} optionKey="options.triState" inline />
            <Choice ctx={ctx} field="safety.recentEscalation" options={TRI_STATE} optionKey="options.triState" inline />
          </Section>
          <Section title={t('sections.sharing')}>
            <Choice ctx={ctx} field="sharing.familyInformed" options={['yes', 'no']} optionKey="options.yesNo" inline />
            <Choice
              ctx={ctx}
              field="sharing.legalBasis"
              options={LEGAL_BASES}
              optionKey="options.legalBasis"
              hintKey={(o) => t(`options.legalBasisHint.${o}`)}
            />
          </Section>
          <Section title={t('sections.description')}>
            <TextArea ctx={ctx} field="description" max={LIMITS.description} counter={props.hydrated} />
            {(props.needsMotivation || values['motivation']) && (
              <TextArea ctx={ctx} field="motivation" max={LIMITS.motivation} counter={props.hydrated} optional={!props.needsMotivation} />
            )}
          </Section>
        </>
      )}
      <button type="submit" id={`${props.mode}-submit`} className="button">
        {t(props.mode === 'check' ? 'check.submit' : 'form.submit')}
      </button>
    </form>
  );
}

function makeI18n(locale: string, strings: Record<string, unknown>) {
  const i18n = createInstance();
  void i18n.init({
    lng: locale,
    resources: { [locale]: { referral: strings } },
    ns: ['referral'],
    defaultNS: 'referral',
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    react: { useSuspense: false },
  });
  return i18n;
}

export default function ReferralForm(props: ReferralFormProps) {
  const i18n = useMemo(() => makeI18n(props.locale, props.strings), [props.locale, props.strings]);
  // The server render and the first client render must match; the island then switches to
  // its interactive behaviour (showing only the questions that apply) after hydration.
  const [hydrated, setHydrated] = useState(false);
  useHydrated(setHydrated);
  return (
    <I18nextProvider i18n={i18n}>
      <FormBody {...props} hydrated={hydrated} />
    </I18nextProvider>
  );
}

function useHydrated(set: (v: boolean) => void) {
  useEffect(() => set(true), [set]);
}
