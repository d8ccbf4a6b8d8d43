import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { fieldId } from './ErrorSummary.tsx';
import type { FormValues } from './form.ts';
import {
  hintKey,
  labelKey,
  optionHintKey,
  optionKey,
  type Choice as ChoiceQuestion,
  type Question,
} from './questions.ts';
import type { FieldError } from './schema.ts';

/**
 * One question of the table (questions.ts) as its input, by its kind: label, hint, error and
 * input in the GOV.UK order, with the ids the error summary links to. Used by ReferralForm for
 * both steps, on the server (no JavaScript) and in the island.
 */

export interface Ctx {
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
function FieldHead({
  ctx,
  field,
  hint,
  optional,
}: {
  ctx: Ctx;
  field: string;
  hint: boolean;
  optional?: boolean | undefined;
}) {
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
        aria-describedby={
          [describedBy(ctx, field, hint), props.counter ? `${fieldId(field)}-count` : ''].filter(Boolean).join(' ') ||
          undefined
        }
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
        <p
          id={`${fieldId(field)}-count`}
          className={`field-hint ${length > max ? 'text-exit font-bold' : ''}`}
          aria-live="polite"
        >
          {length > max
            ? ctx.t('form.counterOver', { count: length - max })
            : ctx.t('form.counter', { count: length, max })}
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

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="form-section">
      <h2 className="mb-3 text-xl font-bold">{title}</h2>
      {children}
    </section>
  );
}

/** One row of the table as its input. */
export function Field({ ctx, q }: { ctx: Ctx; q: Question }) {
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
        return (
          <TextArea
            ctx={ctx}
            field={field}
            rows={q.rows ?? 4}
            max={q.max}
            counter={ctx.hydrated}
            optional={!ctx.needsMotivation}
          />
        );
      }
      return <TextArea ctx={ctx} field={field} rows={q.rows ?? 4} max={q.max} counter={ctx.hydrated} />;
    }
    case 'select':
      return <Select ctx={ctx} q={q} />;
    case 'radio':
    case 'checkboxes':
      return (
        <Choice ctx={ctx} q={q} {...(q.optionHints ? { hintKey: (o: string) => ctx.t(optionHintKey(q, o)) } : {})} />
      );
    case 'checkbox':
      return (
        <div className="field choice">
          <input
            id={fieldId(field)}
            type="checkbox"
            name={field}
            value="yes"
            defaultChecked={ctx.values[field] === 'yes'}
          />
          <label htmlFor={fieldId(field)}>{ctx.t(labelKey(q))}</label>
        </div>
      );
  }
}
