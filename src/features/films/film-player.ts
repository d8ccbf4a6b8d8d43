/**
 * Chapters that seek. The server renders each chapter as plain text (nothing to click without
 * JavaScript); this turns it into a link that moves the film to that moment and plays it.
 * A page address ending in `#t=<seconds>` (the chapter links, and the chapter URLs in the
 * structured data) opens the film at that moment, without playing.
 */
export function enhanceFilms(doc: Document, location: Location): void {
  for (const list of doc.querySelectorAll<HTMLElement>('[data-chapters]')) {
    const video = doc.getElementById(list.dataset['chapters'] ?? '');
    if (!(video instanceof HTMLVideoElement)) continue;
    for (const item of list.querySelectorAll<HTMLElement>('[data-chapter]')) {
      const start = Number(item.dataset['chapter']);
      if (!Number.isFinite(start) || item.querySelector('a')) continue;
      const link = doc.createElement('a');
      link.href = `#t=${start}`;
      link.append(...item.childNodes);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        seek(video, start);
        // Playing after a click is what a chapter link promises; a refusal (a browser policy)
        // leaves the film paused at the right place, which is still useful.
        video.play().catch(() => {});
        video.focus({ preventScroll: true });
        video.scrollIntoView({ block: 'nearest' });
      });
      item.append(link);
    }
  }
  const m = /^#t=(\d+(?:\.\d+)?)$/.exec(location.hash);
  const first = doc.querySelector('[data-film] video');
  if (m && first instanceof HTMLVideoElement) seek(first, Number(m[1]));
}

function seek(video: HTMLVideoElement, seconds: number): void {
  // Before the metadata is in, setting currentTime may be ignored: wait for it.
  if (video.readyState >= 1) video.currentTime = seconds;
  else video.addEventListener('loadedmetadata', () => (video.currentTime = seconds), { once: true });
}
