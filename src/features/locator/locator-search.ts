/**
 * `<locator-search>`: what JavaScript adds to the locator's server-rendered form, in a few KB
 * and without a framework. Suggestions as you type (the ARIA 1.2 combobox with a listbox
 * popup) come from `/api/centres?suggest=1`, the same lookup as the page; "use my location"
 * loads the municipalities' points only when asked and finds the nearest one here, in the
 * browser: the position is never sent, only the place's name, as if typed. Without
 * JavaScript the form is a plain GET form and the server answers.
 */
import { DEFAULT_LOCALE } from '../../i18n/locales.ts';
import { km, MAX_NEAREST_KM } from './geo.ts';

interface Suggestion {
  /** The name that matched, the line under it, and the query that finds exactly this place. */
  name: string;
  detail: string;
  q: string;
}

class LocatorSearch extends HTMLElement {
  #input!: HTMLInputElement;
  #list!: HTMLUListElement;
  #status!: HTMLElement;
  #hits: Suggestion[] = [];
  #active = -1;
  #timer = 0;
  #request: AbortController | null = null;
  #strings: Record<string, string> = {};

  connectedCallback() {
    const input = this.querySelector<HTMLInputElement>('input[name="q"]');
    const list = this.querySelector<HTMLUListElement>('[role="listbox"]');
    const status = this.querySelector<HTMLElement>('[data-locator-status]');
    if (!input || !list || !status) return;
    [this.#input, this.#list, this.#status] = [input, list, status];
    try {
      this.#strings = JSON.parse(this.dataset['strings'] ?? '{}') as Record<string, string>;
    } catch {
      this.#strings = {};
    }
    // The combobox roles only now that the suggestions work: before, it is a plain field.
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    input.addEventListener('input', () => this.#schedule());
    input.addEventListener('keydown', (e) => this.#key(e));
    input.addEventListener('blur', () => this.#open(false));
    list.addEventListener('mousedown', (e) => e.preventDefault());
    list.addEventListener('click', (e) => {
      const li = (e.target as Element).closest('[role="option"]');
      const i = li ? Number(li.getAttribute('data-i')) : -1;
      if (this.#hits[i]) this.#go(this.#hits[i].q);
    });
    const block = this.querySelector<HTMLElement>('[data-locate-block]');
    if (block && 'geolocation' in navigator) {
      block.hidden = false;
      block.querySelector('button')?.addEventListener('click', () => this.#locate());
    }
  }

  #schedule() {
    clearTimeout(this.#timer);
    this.#timer = window.setTimeout(() => void this.#suggest(), 120);
  }

  async #suggest() {
    const value = this.#input.value.trim();
    this.#request?.abort();
    // Digits are a postcode: the server answers on submit.
    if (value.length < 2 || /^\d/.test(value)) return this.#show([]);
    const request = (this.#request = new AbortController());
    try {
      const url = `/api/centres?suggest=1&lang=${encodeURIComponent(this.dataset['lang'] ?? DEFAULT_LOCALE)}&q=${encodeURIComponent(value)}`;
      const res = await fetch(url, { signal: request.signal, headers: { Accept: 'application/json' } });
      if (!res.ok) return this.#show([]);
      const body = (await res.json()) as { suggestions?: Suggestion[] };
      if (request === this.#request) this.#show(body.suggestions ?? []);
    } catch {
      // Aborted by the next keystroke, or offline: the form still works.
    }
  }

  #show(hits: Suggestion[]) {
    this.#hits = hits;
    this.#active = -1;
    // textContent only: nothing from the answer becomes markup.
    this.#list.replaceChildren(
      ...hits.map((h, i) => {
        const li = document.createElement('li');
        li.id = `locator-option-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.setAttribute('data-i', String(i));
        const b = document.createElement('b');
        b.textContent = h.name;
        const d = document.createElement('span');
        d.textContent = h.detail;
        li.append(b, d);
        return li;
      }),
    );
    this.#open(hits.length > 0);
  }

  #open(open: boolean) {
    this.#list.hidden = !open;
    this.#input.setAttribute('aria-expanded', String(open));
    if (!open) this.#input.removeAttribute('aria-activedescendant');
    this.#status.className = open ? 'sr-only' : 'mt-2';
    this.#status.textContent = open
      ? (this.#strings['count'] ?? '').replace('{{count}}', String(this.#hits.length))
      : '';
  }

  #move(to: number) {
    this.#active = to;
    for (const li of this.#list.children) li.setAttribute('aria-selected', String(li.id === `locator-option-${to}`));
    this.#input.setAttribute('aria-activedescendant', `locator-option-${to}`);
    this.#list.children[to]?.scrollIntoView({ block: 'nearest' });
  }

  #key(e: KeyboardEvent) {
    const n = this.#hits.length;
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && n > 0) {
      e.preventDefault();
      this.#open(true);
      this.#move(e.key === 'ArrowDown' ? (this.#active + 1) % n : this.#active <= 0 ? n - 1 : this.#active - 1);
    } else if (e.key === 'Enter' && !this.#list.hidden && this.#hits[this.#active]) {
      e.preventDefault();
      this.#go(this.#hits[this.#active]!.q);
    } else if (e.key === 'Escape') {
      if (!this.#list.hidden) this.#open(false);
      else this.#input.value = '';
    }
  }

  #go(q: string) {
    this.#input.value = q;
    this.#open(false);
    window.location.assign(`${this.dataset['action'] ?? ''}?q=${encodeURIComponent(q)}#answer`);
  }

  #say(text: string) {
    this.#status.className = 'mt-2';
    this.#status.textContent = text;
  }

  #locate() {
    this.#say(this.#strings['locating'] ?? '');
    navigator.geolocation.getCurrentPosition(
      async (pos) => {
        try {
          const points = (await import('./data/points.json')).default as unknown as [string, string, number, number][];
          let best: [string, string, number, number] | null = null;
          let bestKm = Infinity;
          for (const p of points) {
            const d = km(pos.coords.latitude, pos.coords.longitude, p[3], p[2]);
            if (d < bestKm) [best, bestKm] = [p, d];
          }
          if (!best || bestKm > MAX_NEAREST_KM) return this.#say(this.#strings['outside'] ?? '');
          this.#go(`${best[1]} ${best[0]}`);
        } catch {
          this.#say(this.#strings['failed'] ?? '');
        }
      },
      () => this.#say(this.#strings['failed'] ?? ''),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  }
}

if (!customElements.get('locator-search')) customElements.define('locator-search', LocatorSearch);
