import ContactDetails from '../../components/ContactDetails.tsx';
import type { CentreView, T } from './view.ts';

interface Props {
  centre: CentreView;
  t: T;
  /** The portal's referral form in the page's language. */
  referralPath: string;
  /** Keeps ids unique when a centre shows twice (in the answer and in the list). */
  idPrefix: string;
  level?: 2 | 3 | 4;
}

/**
 * One centre: what is known of it and nothing else. A missing contact detail is left out, and
 * the card then says how to reach the centre instead.
 */
export default function CentreCard({ centre: c, t, referralPath, idPrefix, level = 3 }: Props) {
  const H = `h${level}` as const;
  const headingId = `${idPrefix}-${c.id}`;
  const hasContact = Boolean(c.address || c.phone || c.email || c.website);
  return (
    <article aria-labelledby={headingId} data-centre-card={c.id} className="rounded border border-slate-400 p-4">
      <H id={headingId} className="text-lg font-bold">
        {c.name}
      </H>
      {c.formerName && <p className="text-sm text-slate-700">{t('centre.formerly', { name: c.formerName })}</p>}
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{t('centre.city')}</dt>
        <dd>{c.city}</dd>
        <dt className="font-semibold">{t('centre.serves')}</dt>
        <dd data-centre-region>
          {c.region}
          {c.toConfirm.includes('serves') && (
            <span className="block text-sm" data-to-confirm="serves">
              {t('centre.areaToConfirm')}
            </span>
          )}
        </dd>
        <dt className="font-semibold">{t('centre.statusLabel')}</dt>
        <dd data-centre-status={c.status}>{t(`centre.status.${c.status}`)}</dd>
        <ContactDetails
          details={c}
          toConfirm={c.toConfirm}
          label={(field) => t(`centre.${field}`)}
          toConfirmText={t('centre.toConfirm')}
        />
      </dl>
      {c.notes && <p className="mt-2">{c.notes}</p>}
      {!hasContact && <p className="mt-2">{t('centre.noContact')}</p>}
      <p className="mt-2">{t('centre.family')}</p>
      <p className="mt-2" data-centre-referral>
        {c.referral === 'form' ? (
          <a href={referralPath}>{t('centre.proForm')}</a>
        ) : c.referral ? (
          <>
            {t('centre.proOwn')}{' '}
            <a href={c.referral} rel="noreferrer" dir="ltr">
              {c.referral.replace(/^https:\/\//, '')}
            </a>
          </>
        ) : (
          t('centre.proOwnUnknown')
        )}
      </p>
      <p className="mt-2 text-sm text-slate-700">
        {/* Sources are written in English; the date is isolated so right-to-left text does not reorder it. */}
        {t('centre.sources')}:{' '}
        <span lang="en" dir="ltr">
          {c.sources.join('; ')}
        </span>{' '}
        ({t('centre.checked', { date: `\u2066${c.checked}\u2069` })})
      </p>
    </article>
  );
}
