import { describe, expect, it } from 'vitest';
import { checkWebVtt, cueText, parseTimestamp } from '../../src/features/films/webvtt.ts';

const valid = `WEBVTT

NOTE made by hand

1
00:00.000 --> 00:04.500
Is er in je gezin vaak ruzie?

00:04.500 --> 00:09.000 line:85% align:center
<v Verteller>Bel gratis 1712.</v>
Twee regels.
`;

describe('checkWebVtt', () => {
  it('accepts a valid file and reads its cues', () => {
    const { cues, errors } = checkWebVtt(valid, 10);
    expect(errors).toEqual([]);
    expect(cues.map((c) => [c.id, c.start, c.end])).toEqual([
      ['1', 0, 4.5],
      [undefined, 4.5, 9],
    ]);
    expect(cues[1]!.text).toBe('<v Verteller>Bel gratis 1712.</v>\nTwee regels.');
  });

  it('accepts hours, a byte order mark and Windows line ends', () => {
    const text = '\uFEFFWEBVTT - film\r\n\r\n01:00:00.000 --> 01:00:01.000\r\nLaat\r\n';
    expect(checkWebVtt(text, 3601).errors).toEqual([]);
  });

  it('rejects a file without the WEBVTT header', () => {
    expect(checkWebVtt('00:00.000 --> 00:01.000\nHallo\n').errors).toEqual([
      'line 1: a WebVTT file starts with "WEBVTT"',
    ]);
  });

  it('rejects malformed timestamps', () => {
    const { errors } = checkWebVtt('WEBVTT\n\n0:01.000 --> 00:02.000\nEen\n\n00:03,000 --> 00:04.000\nTwee\n');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^line 3: bad timing/);
    expect(errors[1]).toMatch(/^line 6: bad timing/);
  });

  it('rejects a cue without a timing line or without text', () => {
    expect(checkWebVtt('WEBVTT\n\nid\nJust text\n').errors[0]).toMatch(/needs a timing line/);
    expect(checkWebVtt('WEBVTT\n\n00:00.000 --> 00:01.000\n').errors).toEqual(['line 3: the cue has no text']);
  });

  it('rejects two cues run together without a blank line', () => {
    const text = 'WEBVTT\n\n00:00.000 --> 00:01.000\nEen\n00:01.000 --> 00:02.000\nTwee\n';
    expect(checkWebVtt(text).errors[0]).toMatch(/contains "-->"/);
  });

  it('rejects a cue that ends before it starts', () => {
    expect(checkWebVtt('WEBVTT\n\n00:05.000 --> 00:02.000\nTerug\n').errors[0]).toMatch(
      /ends \(00:02.000\) before it starts/,
    );
  });

  it('rejects overlapping cues', () => {
    const text = 'WEBVTT\n\n00:00.000 --> 00:05.000\nEen\n\n00:04.000 --> 00:08.000\nTwee\n';
    expect(checkWebVtt(text).errors).toEqual([
      'line 6: the cue starts (00:04.000) before the previous cue ends (line 3)',
    ]);
  });

  it('rejects a cue that runs past the end of the film', () => {
    const text = 'WEBVTT\n\n00:40.000 --> 00:46.000\nTe lang\n';
    expect(checkWebVtt(text, 45).errors).toEqual([
      'line 3: the cue ends at 00:46.000, after the end of the film (45 s)',
    ]);
    expect(checkWebVtt(text, 46).errors).toEqual([]);
  });

  it('rejects a file with no cues', () => {
    expect(checkWebVtt('WEBVTT\n').errors).toEqual(['the file has no cues']);
  });
});

describe('parseTimestamp and cueText', () => {
  it('reads mm:ss.ttt and hh:mm:ss.ttt', () => {
    expect(parseTimestamp('01:02.500')).toBe(62.5);
    expect(parseTimestamp('02:00:00.001')).toBe(7200.001);
    expect(parseTimestamp('00:60.000')).toBeNull();
  });
  it('strips markup and entities', () => {
    expect(cueText('<v Ana>Hallo &amp; <i>welkom</i></v>')).toBe('Hallo & welkom');
  });
});
