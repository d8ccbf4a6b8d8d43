import { describe, expect, it } from 'vitest';
import { isolateNumbersInHtml, splitNumbers } from '../../src/lib/bidi.ts';

const iso = (s: string) => `<bdi dir="ltr">${s}</bdi>`;

describe('splitNumbers', () => {
  it('cuts a phone number out of Arabic text, with its groups and its plus sign', () => {
    expect(splitNumbers('بالرقم 0800 30 030.')).toEqual([
      { text: 'بالرقم ', isolate: false },
      { text: '0800 30 030', isolate: true },
      { text: '.', isolate: false },
    ]);
    expect(splitNumbers('مثلًا +32 470 12 34 56').map((p) => p.text)).toEqual(['مثلًا ', '+32 470 12 34 56']);
  });

  it('leaves a number that follows Latin text (or an LRM) in its left-to-right phrase', () => {
    expect(splitNumbers('معيار EN 301 549')).toEqual([{ text: 'معيار EN 301 549', isolate: false }]);
    expect(splitNumbers('Art. 458bis')).toEqual([{ text: 'Art. 458bis', isolate: false }]);
    expect(splitNumbers('بالرقم \u200E0800 30 030')).toEqual([{ text: 'بالرقم \u200E0800 30 030', isolate: false }]);
    expect(splitNumbers('CO3-AB7K-9QXT')).toEqual([{ text: 'CO3-AB7K-9QXT', isolate: false }]);
  });

  it('isolates every number of a list separately, and keeps dates and percentages whole', () => {
    const numbers = (s: string) =>
      splitNumbers(s)
        .filter((p) => p.isolate)
        .map((p) => p.text);
    expect(numbers('اتصل بـ 1712 أو 101 أو 112')).toEqual(['1712', '101', '112']);
    expect(numbers('في 29/03/2024 و2013 · 2010')).toEqual(['29/03/2024', '2013', '2010']);
    expect(numbers('حوالي 50%')).toEqual(['50%']);
    expect(numbers('لا رقم هنا')).toEqual([]);
  });
});

describe('isolateNumbersInHtml', () => {
  it('wraps numbers in text and nowhere else', () => {
    const html = '<p class="x1" data-n="0800 30 030">اتصل <a href="tel:080030030">0800 30 030</a> أو&nbsp;1712</p>';
    expect(isolateNumbersInHtml(html)).toBe(
      `<p class="x1" data-n="0800 30 030">اتصل <a href="tel:080030030">${iso('0800 30 030')}</a> أو&nbsp;${iso('1712')}</p>`,
    );
  });

  it('leaves scripts, styles, the title, options, SVG, islands and existing isolates alone', () => {
    const html = [
      '<html><head><title>صفحة 1712</title><style>.a{width:10px}</style></head><body>',
      '<script>var a = "0800 30 030";</script>',
      '<select><option>1 2</option></select><svg><text>3 4</text></svg>',
      '<astro-island uid="1"><p>0800 30 030</p></astro-island>',
      '<bdi dir="ltr">0800 30 030</bdi><img alt="1 2"><br>',
      '<p>رقم 5</p></body></html>',
    ].join('');
    expect(isolateNumbersInHtml(html)).toBe(html.replace('<p>رقم 5</p>', `<p>رقم ${iso('5')}</p>`));
  });

  it('returns a page without numbers unchanged', () => {
    const html = '<!doctype html><html dir="rtl"><body><p>مرحبا</p><!-- 1 2 --></body></html>';
    expect(isolateNumbersInHtml(html)).toBe(html);
  });
});
