import type { TFunction } from 'i18next';
import type { Ref } from 'react';
import { questionAt } from './questions.ts';
import type { FieldError } from './schema.ts';

/**
 * The error summary above a form (the GOV.UK pattern): ONE component for the server's page (a
 * no-JS post, focused on load) and the island (after a submit in the browser, focused by script).
 * Each error links to its question's first input; an error of the form as a whole (`form`) has
 * no question, so it says only that the answers could not be read.
 */

export const fieldId = (field: string) => `f-${field.replace(/\./g, '-')}`;

/** The element a summary link points at: a group's first option, a select or an input itself. */
export function summaryTarget(field: string): string {
  const q = questionAt(field);
  return q && (q.kind === 'radio' || q.kind === 'checkboxes') ? `${fieldId(field)}-${q.options[0]}` : fieldId(field);
}

/** The link text of one error. */
export const summaryText = (t: TFunction, e: FieldError): string =>
  e.field === 'form'
    ? t('errors.invalid')
    : `${t(`fields.${e.field}.label`)}: ${t(`errors.${e.code}`, { max: e.max })}`;

export interface ErrorSummaryProps {
  t: TFunction;
  errors: readonly FieldError[];
  /** A problem with the request itself (too large, rate limited, …), above the list. */
  problem?: string | null;
  /** `page`: rendered by the server, focused on load; `island`: shown and focused by the island. */
  where: 'page' | 'island';
  ref?: Ref<HTMLDivElement>;
}

export default function ErrorSummary({ t, errors, problem, where, ref }: ErrorSummaryProps) {
  const titleId = where === 'page' ? 'error-summary-title' : 'client-error-summary-title';
  return (
    <div
      ref={ref}
      className="error-summary"
      tabIndex={-1}
      // biome-ignore lint/a11y/noAutofocus: after a failed submit the page opens on its error summary (GOV.UK's pattern); nowhere else
      autoFocus={where === 'page' || undefined}
      role="alert"
      aria-labelledby={titleId}
      id={where === 'page' ? 'error-summary' : undefined}
    >
      <h2 id={titleId} className="mb-2 text-lg font-bold">
        {t('errors.summaryTitle')}
      </h2>
      {problem && <p className="mb-2">{problem}</p>}
      {errors.length > 0 && (
        <ul className="grid gap-1">
          {errors.map((e) => (
            <li key={e.field}>
              <a href={`#${summaryTarget(e.field)}`}>{summaryText(t, e)}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
