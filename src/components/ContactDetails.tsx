/**
 * How to reach a service, as the site shows it everywhere (the contacts on the contact, press
 * and privacy pages; each Veilig Huis in the locator): organisation, address, phone, e-mail,
 * website, hours, in that order. A field no source gives is left out; a field in `toConfirm`
 * says "to be confirmed", beside what a source gives of it or in its place. Server-rendered
 * from Astro and from the locator's components alike: no JavaScript reaches the browser.
 */
import { Fragment } from 'react';

export const CONTACT_FIELDS = ['organisation', 'address', 'phone', 'email', 'website', 'hours'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

interface Props {
  details: Partial<Record<ContactField, string>>;
  /** Fields no source confirms (content `toConfirm`). */
  toConfirm: readonly string[];
  /** The label of a field, in the page's language. */
  label: (field: ContactField) => string;
  /** "to be confirmed", in the page's language. */
  toConfirmText: string;
}

function Value({ field, value }: { field: ContactField; value: string }) {
  if (field === 'phone')
    return (
      <a href={`tel:${value.replace(/\s/g, '')}`} dir="ltr">
        {value}
      </a>
    );
  if (field === 'email') return <a href={`mailto:${value}`}>{value}</a>;
  if (field === 'website')
    return (
      <a href={value} rel="noreferrer" dir="ltr">
        {value.replace(/^https:\/\//, '')}
      </a>
    );
  return <>{value}</>;
}

export default function ContactDetails({ details, toConfirm, label, toConfirmText }: Props) {
  return (
    <>
      {CONTACT_FIELDS.map((field) => {
        const value = details[field] ?? '';
        const unconfirmed = toConfirm.includes(field);
        if (!value && !unconfirmed) return null;
        return (
          <Fragment key={field}>
            <dt className="font-semibold">{label(field)}</dt>
            <dd data-to-confirm={unconfirmed ? field : undefined}>
              {value ? <Value field={field} value={value} /> : toConfirmText}
              {value && unconfirmed && <> ({toConfirmText})</>}
            </dd>
          </Fragment>
        );
      })}
    </>
  );
}
