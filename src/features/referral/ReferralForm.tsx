import { createInstance } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import ErrorSummary from './ErrorSummary.tsx';
import { ELIGIBILITY_FIELDS, REFERRAL_FIELDS, readForm, toReferralInput, type FormValues } from './form.ts';
import { Field, Section, type Ctx } from './QuestionField.tsx';
import { CHECK_QUESTIONS, REFERRAL_QUESTIONS, type Question } from './questions.ts';
import { eligibilitySchema, fieldErrors, makeReferralSchema, type FieldError } from './schema.ts';

/**
 * The referral form (step two) and the eligibility questions (step one), rendered on the
 * server as a plain form that posts without JavaScript. Hydrated (step two only), it
 * validates as you type with the same schema, hides questions that do not apply and counts
 * characters. It never stores anything in the browser.
 *
 * A thin renderer of the table of questions (questions.ts): each row becomes its input by its
 * kind (QuestionField.tsx); step one renders the rows marked `check`, step two all of them.
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

/**
 * The questions of a step, in their sections: step one is the rows marked `check` (in that
 * step's own sections and order), step two every row.
 */
function Questions({ ctx, mode }: { ctx: Ctx; mode: ReferralFormProps['mode'] }) {
  const rows = mode === 'check' ? CHECK_QUESTIONS : REFERRAL_QUESTIONS;
  const sectionOf = (q: Question) => (mode === 'check' ? q.check!.section : q.section);
  return (
    <>
      {[...new Set(rows.map(sectionOf))].map((section) => (
        <Section key={section} title={ctx.t(`sections.${section}`)}>
          {rows
            .filter((q) => sectionOf(q) === section)
            .map((q) => (
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
    show: (q) =>
      !props.hydrated || !('followUp' in q) || !q.followUp || list(q.followUp.path).includes(q.followUp.value),
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
      {props.hydrated && showSummary && errors.length > 0 && (
        <ErrorSummary t={t} errors={errors} where="island" ref={summaryRef} />
      )}
      <input type="hidden" name="step" value={props.mode === 'check' ? 'check' : 'submit'} />
      {/* A field people do not see: bots fill it in. Not `display:none`, which some bots skip. */}
      <div className="hp" aria-hidden="true">
        <label htmlFor={`hp-${props.mode}`}>{t('form.honeypot')}</label>
        <input
          id={`hp-${props.mode}`}
          type="text"
          name="contact_url"
          tabIndex={-1}
          autoComplete="off"
          defaultValue=""
        />
      </div>
      {props.mode === 'form' && <p className="mb-6">{t('form.requiredNote')}</p>}
      <Questions ctx={ctx} mode={props.mode} />
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
