import { Fragment } from 'react';
import { splitNumbers } from '../lib/bidi.ts';

/**
 * Text whose numbers are isolated left-to-right, for React islands: the middleware does this for
 * the server's HTML, but an island also renders in the browser. Same cut as the middleware's
 * (src/lib/bidi.ts), so server and browser markup agree. In a left-to-right page it changes nothing
 * a reader sees.
 */
export default function BidiText({ text }: { text: string }) {
  return (
    <>
      {splitNumbers(text).map((part, i) =>
        part.isolate ? (
          <bdi key={i} dir="ltr">
            {part.text}
          </bdi>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
