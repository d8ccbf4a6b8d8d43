/**
 * Quick exit, after GOV.UK's "Exit this page", without its known bugs:
 * - counts Shift on keyup (holding Shift down auto-repeats keydown, not keyup);
 * - `event.key === 'Shift'` is the same for the left and the right key, so mixing them counts;
 * - any other key resets the count, so typing capitals (Shift then a letter, as iOS's
 *   on-screen keyboard does) never adds up to an exit;
 * - the page is hidden first, then left with `location.replace`, so Back skips this page;
 * - `pageshow` clears the hidden state, so a page restored from the back/forward cache is
 *   never a blank screen.
 * What it does not do: erase the browser history. The safety page says so.
 */
const PRESSES_TO_EXIT = 3;
const WINDOW_MS = 5000;

export function installQuickExit(doc: Document, win: Window): void {
  const link = doc.querySelector<HTMLAnchorElement>('a[data-quick-exit]');
  const status = doc.querySelector<HTMLElement>('[data-quick-exit-status]');
  if (!link) return;

  let count = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  const reset = () => {
    count = 0;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    say('');
  };
  const exit = () => {
    reset();
    doc.documentElement.classList.add('is-exiting');
    say(link.dataset['leaving'] ?? '');
    win.location.replace(link.href);
  };

  // Any click on the button leaves, whatever the modifier: a new tab would leave this one open.
  link.addEventListener('click', (event) => {
    event.preventDefault();
    exit();
  });

  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Shift') reset();
    },
    true,
  );
  doc.addEventListener(
    'keyup',
    (event) => {
      if (event.key !== 'Shift' || event.isComposing) return;
      if (event.ctrlKey || event.altKey || event.metaKey) return reset();
      count += 1;
      if (count >= PRESSES_TO_EXIT) return exit();
      say(link.dataset[`pressed${count}`] ?? '');
      timer ??= setTimeout(reset, WINDOW_MS);
    },
    true,
  );

  win.addEventListener('pageshow', () => {
    doc.documentElement.classList.remove('is-exiting');
    reset();
  });
}
