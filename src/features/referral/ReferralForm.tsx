import { createInstance, type TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import ErrorSummary, { fieldId } from './ErrorSummary.tsx';
import { ELIGIBILITY_FIELDS, REFERRAL_FIELDS, readForm, toReferralInput, type FormValues } from './form.ts';
import {
  CHECK_QUESTIONS,
  REFERRAL_QUESTIONS,
  SECTIONS,
  hintKey,
  labelKey,
  optionHintKey,
  optionKey,
  type Choice as ChoiceQuestion,
  type Question,
} from './questions.ts';
import { eligibilitySchema, fieldErrors, makeReferralSchema, type FieldError } from './schema.ts';

/**
 * The referral form (step two) and the eligibility questions (step one), rendered on the
 * server as a plain form that posts without JavaScript. Hydrated (step two only), it
 * validates as you type with the same schema, hides questions that do not apply and counts
 * characters. It never stores anything in the browser.
 *
 * A thin renderer of the table of questions (questions.ts): each row becomes its input by its
 * kind; step one renders the rows marked `check`, step two all of them.
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

interface Ctx {
  t: TFunction;
  values: FormValues;
  errors: Map<string, FieldError>;
  onChange: (field: string) => void;
  onBlur: (field: string) => void;
  /** Follow-up questions appear when they apply (with JavaScript); without, every question is shown. */
  show: (q: Question) => boolean;
  needsMotivation: boolean;
  hydrated: boolean;
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
        {ctx.t(labelKey({ path: field }))}
        {optional && <span className="field-optional"> {ctx.t('form.optional')}</span>}
      </label>
      {hint && (
        <p id={`${fieldId(field)}-hint`} className="field-hint">
          {ctx.t(hintKey({ path: field }))}
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
  const hint = hasHint(ctx.t, hintKey({ path: field }));
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

function TextArea(props: { ctx: Ctx; field: string; rows: number; max: number; optional?: boolean; counter: boolean }) {
  const { ctx, field, max } = props;
  const hint = hasHint(ctx.t, hintKey({ path: field }));
  const initial = typeof ctx.values[field] === 'string' ? (ctx.values[field] as string) : '';
  const [length, setLength] = useState(initial.length);
  return (
    <div className={`field ${ctx.errors.has(field) ? 'field--error' : ''}`}>
      <FieldHead ctx={ctx} field={field} hint={hint} optional={props.optional} />
      <textarea
        id={fieldId(field)}
        name={field}
        rows={props.rows}
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

function Choice(props: { ctx: Ctx; q: ChoiceQuestion; hintKey?: (option: string) => string | null }) {
  const { ctx, q } = props;
  const { path: field, options } = q;
  const hint = hasHint(ctx.t, hintKey({ path: field }));
  const value = ctx.values[field];
  const selected = new Set(Array.isArray(value) ? value : value ? [value] : []);
  return (
    <fieldset
      className={`field ${ctx.errors.has(field) ? 'field--error' : ''}`}
      aria-describedby={describedBy(ctx, field, hint)}
    >
      <legend className="field-label">{ctx.t(labelKey({ path: field }))}</legend>
      {hint && (
        <p id={`${fieldId(field)}-hint`} className="field-hint">
          {ctx.t(hintKey({ path: field }))}
        </p>
      )}
      <ErrorText ctx={ctx} field={field} />
      <div className={q.inline ? 'flex flex-wrap gap-x-6 gap-y-2' : 'grid gap-2'}>
        {options.map((option) => {
          const id = `${fieldId(field)}-${option}`;
          const optionHint = props.hintKey?.(option) ?? null;
          return (
            <div key={option} className="choice">
              <input
                id={id}
                type={q.kind === 'checkboxes' ? 'checkbox' : 'radio'}
                name={field}
                value={option}
                defaultChecked={selected.has(option)}
                aria-describedby={optionHint ? `${id}-hint` : undefined}
                onChange={() => ctx.onChange(field)}
              />
              <label htmlFor={id}>{ctx.t(optionKey(q, option))}</label>
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

/** A closed list of many options (the role): a select, with an empty first choice. */
function Select({ ctx, q }: { ctx: Ctx; q: ChoiceQuestion }) {
  const field = q.path;
  const value = ctx.values[field];
  const hint = hasHint(ctx.t, hintKey(q));
  return (
    <div className={`field ${ctx.errors.has(field) ? 'field--error' : ''}`}>
      <FieldHead ctx={ctx} field={field} hint={hint} />
      <select
        id={fieldId(field)}
        name={field}
        defaultValue={typeof value === 'string' ? value : ''}
        aria-describedby={describedBy(ctx, field, hint)}
        aria-invalid={ctx.errors.has(field) || undefined}
        className="input w-full sm:w-auto"
        onChange={() => ctx.onChange(field)}
        onBlur={() => ctx.onBlur(field)}
      >
        <option value="">—</option>
        {q.options.map((o) => (
          <option key={o} value={o}>
            {ctx.t(optionKey(q, o))}
          </option>
        ))}
      </select>
    </div>
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

/** One row of the table as its input. */
function Field({ ctx, q }: { ctx: Ctx; q: Question }) {
  if (!ctx.show(q)) return null;
  const field = q.path;
  switch (q.kind) {
    case 'text':
    case 'email':
    case 'tel': {
      const type = q.kind === 'text' ? undefined : q.kind;
      const optional = 'optional' in q && q.optional && !('followUp' in q && q.followUp?.code);
      return (
        <TextField
          ctx={ctx}
          field={field}
          {...(type ? { type } : {})}
          {...('autocomplete' in q && q.autocomplete ? { autoComplete: q.autocomplete } : {})}
          {...(optional ? { optional } : {})}
          {...('width' in q && q.width ? { width: q.width } : {})}
          max={q.max}
        />
      );
    }
    case 'count':
      return <TextField ctx={ctx} field={field} inputMode="numeric" width={q.width} max={q.inputMax} />;
    case 'ages':
      return <TextField ctx={ctx} field={field} inputMode="text" optional width={q.width} max={q.inputMax} />;
    case 'textarea': {
      // The motivation: asked when the check says the criteria are not met, and kept once written.
      if ('whenNotEligible' in q && q.whenNotEligible) {
        if (!ctx.needsMotivation && !ctx.values[field]) return null;
        return <TextArea ctx={ctx} field={field} rows={q.rows ?? 4} max={q.max} counter={ctx.hydrated} optional={!ctx.needsMotivation} />;
      }
      return <TextArea ctx={ctx} field={field} rows={q.rows ?? 4} max={q.max} counter={ctx.hydrated} />;
    }
    case 'select':
      return <Select ctx={ctx} q={q} />;
    case 'radio':
    case 'checkboxes':
      return (
        <Choice
          ctx={ctx}
          q={q}
          {...(q.optionHints ? { hintKey: (o: string) => ctx.t(optionHintKey(q, o)) } : {})}
        />
      );
    case 'checkbox':
      return (
        <div className="field choice">
          <input id={fieldId(field)} type="checkbox" name={field} value="yes" defaultChecked={ctx.values[field] === 'yes'} />
          <label htmlFor={fieldId(field)}>{ctx.t(labelKey(q))}</label>
        </div>
      );
  }
}

/** Step one: the rows marked `check`, in that step's sections and order. */
function CheckQuestions({ ctx }: { ctx: Ctx }) {
  const sections = [...new Set(CHECK_QUESTIONS.map((q) => q.check!.section))];
  return (
    <>
      {sections.map((section) => (
        <Section key={section} title={ctx.t(`sections.${section}`)}>
          {CHECK_QUESTIONS.filter((q) => q.check!.section === section).map((q) => (
            <Field key={q.path} ctx={ctx} q={q} />
          ))}
        </Section>
      ))}
    </>
  );
}

/** Step two: every row, in its section. */
function ReferralQuestions({ ctx }: { ctx: Ctx }) {
  return (
    <>
      {SECTIONS.map((section) => (
        <Section key={section} title={ctx.t(`sections.${section}`)}>
          {REFERRAL_QUESTIONS.filter((q) => q.section === section).map((q) => (
            <Field key={q.path} ctx={ctx} q={q} />
          ))}
        </Section>
      ))}
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
  const list = (field: string) => {
    const v = values[field];
    return Array.isArray(v) ? v : v ? [v] : [];
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
    // Without JavaScript every question is shown; with it, follow-up questions appear when they apply.
    show: (q) => !props.hydrated || !('followUp' in q) || !q.followUp || list(q.followUp.path).includes(q.followUp.value),
    needsMotivation: props.needsMotivation === true,
    hydrated: props.hydrated,
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
      {props.hydrated && showSummary && errors.length > 0 && <ErrorSummary t={t} errors={errors} where="island" ref={summaryRef} />}
      <input type="hidden" name="step" value={props.mode === 'check' ? 'check' : 'submit'} />
      {/* A field people do not see: bots fill it in. Not `display:none`, which some bots skip. */}
      <div className="hp" aria-hidden="true">
        <label htmlFor={`hp-${props.mode}`}>{t('form.honeypot')}</label>
        <input id={`hp-${props.mode}`} type="text" name="contact_url" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {props.mode === 'check' ? (
        <CheckQuestions ctx={ctx} />
      ) : (
        <>
          <p className="mb-6">{t('form.requiredNote')}</p>
          <ReferralQuestions ctx={ctx} />
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
