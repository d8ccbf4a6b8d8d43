import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import AnswerPanel from './AnswerPanel.tsx';
import { areaOfNis } from './areas.ts';
import { placesIndex } from './data.ts';
import { nearestPlace, project, type Projection } from './geo.ts';
import { answerForPlace, type Answer } from './locate.ts';
import { placeName, type NameLocale } from './places.ts';
import { searchPlaces, type PlaceHit } from './search.ts';
import { makeT, type CentreView, type HelplineView, type Strings } from './view.ts';
import { MAX_QUERY_LENGTH } from './normalise.ts';

interface Props {
  locale: NameLocale;
  strings: Strings;
  centres: CentreView[];
  helplines: HelplineView[];
  /** The locator page in this language: the form's action. */
  action: string;
  referralPath: string;
  initialQuery: string;
  projection: Projection;
}

type Geo =
  | { state: 'idle' }
  | { state: 'locating' }
  | { state: 'failed' }
  | { state: 'outside' }
  | { state: 'done'; answer: Answer<CentreView>; km: number };

/**
 * The search form. Without JavaScript it is a plain GET form and the server answers. Once
 * hydrated it suggests places as you type (the ARIA 1.2 combobox with a listbox popup) and
 * offers "use my location": the position is matched against the places index here, in the
 * browser, and never sent anywhere.
 */
export default function LocatorIsland(props: Props) {
  const { locale, strings, centres, action } = props;
  const t = makeT(strings);
  const index = useMemo(() => placesIndex(), []);
  const [hydrated, setHydrated] = useState(false);
  const [canLocate, setCanLocate] = useState(false);
  const [query, setQuery] = useState(props.initialQuery);
  const [hits, setHits] = useState<PlaceHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [geo, setGeo] = useState<Geo>({ state: 'idle' });
  const answerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setHydrated(true);
    setCanLocate('geolocation' in navigator);
  }, []);

  // After "use my location", the answer replaces the server's one and takes the focus, so a
  // screen reader reads it; the map shows the place.
  useEffect(() => {
    if (geo.state !== 'done') return;
    const server = document.getElementById('answer');
    if (server) server.hidden = true;
    answerRef.current?.querySelector<HTMLElement>('h2')?.focus();
    const a = geo.answer;
    const served = a.kind === 'place' && a.outcome.kind === 'served' ? a.outcome.centre.id : null;
    for (const g of document.querySelectorAll<SVGGElement>('[data-map-centre]')) {
      if (g.dataset['mapCentre'] === served) g.setAttribute('data-active', '');
      else g.removeAttribute('data-active');
    }
    const marker = document.querySelector<SVGCircleElement>('[data-map-place]');
    if (marker && a.kind === 'place') {
      const [x, y] = project(a.place.lon, a.place.lat, props.projection);
      marker.setAttribute('cx', x.toFixed(1));
      marker.setAttribute('cy', y.toFixed(1));
      marker.setAttribute('visibility', 'visible');
    }
  }, [geo, props.projection]);

  function update(value: string) {
    setQuery(value);
    // Digits are a postcode: nothing to suggest, the server answers on submit.
    const found = /^\s*\d/.test(value) ? [] : searchPlaces(index, value, 8);
    setHits(found);
    setOpen(found.length > 0);
    setActive(-1);
  }

  function choose(hit: PlaceHit) {
    setQuery(hit.matched);
    setOpen(false);
    window.location.assign(`${action}?q=${encodeURIComponent(hit.matched)}&nis=${hit.place.nis}#answer`);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const n = hits.length;
    if (e.key === 'ArrowDown' && n > 0) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % n);
    } else if (e.key === 'ArrowUp' && n > 0) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a <= 0 ? n - 1 : a - 1));
    } else if (e.key === 'Enter' && open && active >= 0 && hits[active]) {
      e.preventDefault();
      choose(hits[active]);
    } else if (e.key === 'Escape') {
      if (open) setOpen(false);
      else update('');
    }
  }

  function locate() {
    setGeo({ state: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const near = nearestPlace(index, pos.coords.latitude, pos.coords.longitude);
        if (!near) return setGeo({ state: 'outside' });
        setGeo({ state: 'done', answer: answerForPlace(near.place, { index, centres }), km: near.km });
      },
      () => setGeo({ state: 'failed' }),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  }

  const listboxId = 'locator-listbox';
  const optionId = (i: number) => `locator-option-${i}`;
  const status =
    geo.state === 'locating'
      ? t('search.locating')
      : geo.state === 'failed'
        ? t('search.locateFailed')
        : geo.state === 'outside'
          ? t('search.outside')
          : open
            ? t('search.count', { count: hits.length })
            : '';
  // The combobox roles only once the suggestions work: before hydration it is a plain field.
  const comboboxProps = hydrated
    ? {
        role: 'combobox' as const,
        'aria-autocomplete': 'list' as const,
        'aria-expanded': open,
        'aria-controls': listboxId,
        'aria-activedescendant': open && active >= 0 ? optionId(active) : undefined,
      }
    : {};

  return (
    <div data-locator>
      {/* The fragment survives a GET submit, so the browser scrolls to the server's answer. */}
      <form method="get" action={`${action}#answer`} role="search" aria-labelledby="locator-heading" className="mt-6 rounded bg-brand-soft p-4">
        <h2 id="locator-heading" className="mb-3 text-xl font-bold">
          {t('search.heading')}
        </h2>
        <label htmlFor="locator-q" className="block font-semibold">
          {t('search.label')}
        </label>
        <p id="locator-hint" className="mb-2 text-sm text-slate-800">
          {t('search.hint')}
        </p>
        <div className="flex flex-wrap items-start gap-2">
          <div className="relative min-w-0 flex-1 basis-56">
            <input
              id="locator-q"
              name="q"
              type="text"
              inputMode="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={MAX_QUERY_LENGTH}
              aria-describedby="locator-hint"
              value={query}
              onChange={(e) => update(e.target.value)}
              onKeyDown={onKeyDown}
              onBlur={() => setOpen(false)}
              className="w-full rounded border-2 border-slate-700 bg-white px-3 py-2 text-lg"
              {...comboboxProps}
            />
            {hydrated && (
              <ul
                id={listboxId}
                role="listbox"
                aria-label={t('search.listLabel')}
                hidden={!open}
                className="absolute inset-x-0 top-full z-10 mt-1 max-h-80 overflow-auto rounded border-2 border-slate-700 bg-white shadow-lg"
              >
                {hits.map((h, i) => {
                  const area = areaOfNis(h.place.nis);
                  const name = placeName(h.place, locale);
                  return (
                    <li
                      key={h.place.nis + h.matched}
                      id={optionId(i)}
                      role="option"
                      aria-selected={i === active}
                      data-nis={h.place.nis}
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => choose(h)}
                      className={`cursor-pointer px-3 py-2 ${i === active ? 'bg-brand text-white' : 'text-slate-900'}`}
                    >
                      <span className="font-semibold">{h.matched}</span>
                      {h.matched !== name && ` (${name})`}
                      {area && <span className="block text-sm">{t(`areas.${area.id}`)}</span>}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
          <button type="submit" className="rounded bg-brand px-4 py-2 text-lg font-bold text-white">
            {t('search.submit')}
          </button>
        </div>
        {canLocate && (
          <div className="mt-3">
            <button
              type="button"
              onClick={locate}
              data-locate
              className="rounded border-2 border-brand bg-white px-4 py-2 font-semibold text-brand-dark"
            >
              {t('search.locate')}
            </button>
            <p className="mt-1 text-sm text-slate-800">{t('search.locateNote')}</p>
          </div>
        )}
        <p role="status" className={open ? 'sr-only' : 'mt-2'} data-locator-status>
          {status}
        </p>
      </form>
      <div ref={answerRef}>
        {geo.state === 'done' && (
          <AnswerPanel
            id="location-answer"
            answer={geo.answer}
            strings={strings}
            locale={locale}
            searchPath={action}
            referralPath={props.referralPath}
            otherServices={centres.filter((c) => c.part !== 'flanders')}
            helplines={props.helplines}
            nearestKm={geo.km}
          />
        )}
      </div>
    </div>
  );
}
