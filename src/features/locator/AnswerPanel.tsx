import { areaOfNis } from './areas.ts';
import CentreCard from './CentreCard.tsx';
import type { Answer, PlaceOutcome } from './locate.ts';
import { placeName, type NameLocale, type Place } from './places.ts';
import type { PlaceHit } from './search.ts';
import {
  describe,
  makeT,
  placeQuery,
  whereIs,
  type CentreView,
  type HelplineView,
  type Strings,
  type T,
} from './view.ts';

export interface AnswerPanelProps {
  answer: Answer<CentreView>;
  strings: Strings;
  locale: NameLocale;
  /** The locator page in this language; suggestion links add `?q=`. */
  searchPath: string;
  referralPath: string;
  /** Brussels and Wallonia's services, named when no Veilig Huis serves the place. */
  otherServices: CentreView[];
  helplines: HelplineView[];
  /** What was searched, for the heading; absent for "use my location". */
  query?: string;
  /** Distance to the place nearest the visitor's position. */
  nearestKm?: number;
  id?: string;
}

/**
 * The locator's answer, the same markup on the server (a `?q=` request, no JavaScript needed)
 * only: with JavaScript the search field and "use my location" lead to the same server answer.
 */
export default function AnswerPanel(props: AnswerPanelProps) {
  const { answer, locale, searchPath, referralPath, query, nearestKm } = props;
  const t = makeT(props.strings);
  const { reason, message } = describe(answer, t, locale);
  const served = 'outcome' in answer && answer.outcome.kind === 'served' ? answer.outcome.centre : null;
  // A list of places already names each one's centre and links to its own answer: no cards.
  const candidates =
    answer.kind !== 'places' &&
    'outcome' in answer &&
    (answer.outcome.kind === 'choose' || answer.outcome.kind === 'unconfirmed')
      ? answer.outcome.candidates
      : [];
  const none = 'outcome' in answer && answer.outcome.kind === 'none';
  const prefix = props.id ?? 'answer';
  const heading =
    query === undefined
      ? t('answer.headingLocation')
      : answer.kind === 'too-long' || answer.kind === 'empty'
        ? t('answer.headingPlain')
        : t('answer.heading', { query: query.trim() });
  const suggestionLink = (hit: PlaceHit) => placeLink(searchPath, hit.place, hit.matched);

  return (
    <section
      id={prefix}
      aria-labelledby={`${prefix}-heading`}
      data-answer={answer.kind}
      data-outcome={'outcome' in answer ? answer.outcome.kind : undefined}
      data-centre={served?.id}
      className="mt-6 rounded border-2 border-brand bg-white p-4"
    >
      <h2 id={`${prefix}-heading`} tabIndex={-1} className="mb-2 text-xl font-bold focus:outline-none">
        {heading}
      </h2>
      {answer.kind === 'place' && nearestKm !== undefined && (
        <p data-nearest>{t('answer.nearest', { place: placeName(answer.place, locale), km: Math.round(nearestKm) })}</p>
      )}
      {answer.kind === 'place' && (
        <p data-where className="mb-2">
          {whereIs(answer.place, t, locale)}
        </p>
      )}
      {reason && (
        <p data-reason className="mb-3 font-semibold">
          {reason}
        </p>
      )}
      {message && (
        <p data-message className="mb-3">
          {message}
        </p>
      )}
      {(answer.kind === 'places' || answer.kind === 'postcode') && answer.places.length > 0 && (
        <PlaceOutcomes list={answer.places} t={t} locale={locale} searchPath={searchPath} />
      )}
      {served && <CentreCard centre={served} t={t} referralPath={referralPath} idPrefix={`${prefix}-centre`} />}
      {candidates.length > 0 && (
        <>
          <p className="mb-2">{t('answer.candidates')}</p>
          <ul className="space-y-3" data-candidates>
            {candidates.map((c) => (
              <li key={c.id}>
                <CentreCard centre={c} t={t} referralPath={referralPath} idPrefix={`${prefix}-candidate`} />
              </li>
            ))}
          </ul>
        </>
      )}
      {none && <OtherServices {...props} t={t} prefix={prefix} />}
      {answer.kind === 'no-match' && answer.suggestions.length > 0 && (
        <PlaceLinks
          heading={t('answer.didYouMean')}
          hits={answer.suggestions}
          {...{ t, locale, link: suggestionLink }}
        />
      )}
      {answer.kind === 'place' && answer.others.length > 0 && (
        <PlaceLinks heading={t('answer.others')} hits={answer.others} {...{ t, locale, link: suggestionLink }} />
      )}
    </section>
  );
}

function placeLink(searchPath: string, place: Place, name?: string): string {
  return `${searchPath}?q=${encodeURIComponent(placeQuery(place, name))}#answer`;
}

/** Each place of a shared name or a postcode: postcode, name, municipality, and its centre. */
function PlaceOutcomes({
  list,
  t,
  locale,
  searchPath,
}: {
  list: PlaceOutcome<CentreView>[];
  t: T;
  locale: NameLocale;
  searchPath: string;
}) {
  return (
    <ul className="mb-3 list-disc space-y-1 ps-6" data-place-list>
      {list.map(({ place, outcome }) => (
        <li
          key={`${place.rank}`}
          data-place-outcome={outcome.kind}
          data-centre={outcome.kind === 'served' ? outcome.centre.id : undefined}
        >
          <a href={placeLink(searchPath, place)}>
            {place.kind !== 'merged' && <bdi dir="ltr">{place.postcodes[0]}</bdi>} {placeName(place, locale)}
          </a>
          {' · '}
          {whereIs(place, t, locale)}{' '}
          <strong>
            {outcome.kind === 'served'
              ? outcome.centre.name
              : outcome.kind === 'none'
                ? t('answer.noCentre')
                : `${t('centre.toConfirm')}: ${outcome.candidates.map((c) => c.name).join(' / ')}`}
          </strong>
        </li>
      ))}
    </ul>
  );
}

function PlaceLinks({
  heading,
  hits,
  t,
  locale,
  link,
}: {
  heading: string;
  hits: PlaceHit[];
  t: T;
  locale: NameLocale;
  link: (h: PlaceHit) => string;
}) {
  return (
    <div className="mt-4">
      <p>{heading}</p>
      <ul className="list-disc ps-6" data-suggestions>
        {hits.map((h) => {
          const area = areaOfNis(h.place.nis);
          const name = placeName(h.place, locale);
          return (
            <li key={`${h.place.rank}`}>
              <a href={link(h)}>{h.matched}</a>
              {h.matched !== name && ` (${name})`}
              {h.place.kind !== 'merged' && (
                <span className="text-slate-700">
                  {' '}
                  · <bdi dir="ltr">{h.place.postcodes[0]}</bdi> {placeName(h.place.municipality, locale)}
                </span>
              )}
              {area && <span className="text-slate-700"> · {t(`areas.${area.id}`)}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function OtherServices(props: AnswerPanelProps & { t: T; prefix: string }) {
  const { t, otherServices, helplines, referralPath, prefix } = props;
  return (
    <div className="mt-3">
      <p className="mb-2">{t('answer.otherServices')}</p>
      <ul className="space-y-3" data-other-services>
        {otherServices.map((c) => (
          <li key={c.id}>
            <CentreCard centre={c} t={t} referralPath={referralPath} idPrefix={`${prefix}-other`} />
          </li>
        ))}
        {helplines.map((h) => (
          <li key={h.id} className="rounded border border-slate-400 p-4">
            <a href={`tel:${h.tel}`} className="font-bold" data-regional-helpline={h.id}>
              <span dir="ltr">{h.number}</span> {h.label}
            </a>
            : {h.note}
          </li>
        ))}
      </ul>
    </div>
  );
}
