// React 18.3's Node renderer (renderToPipeableStream) writes its whole 2,048-byte buffer when a character of
// several bytes does not fit at its end, zero bytes included (react/react#31134, fixed only in React 19). In
// Japanese text this puts a NUL inside a word, which the browser shows as "�" and sends back in forms. UTF-8
// never uses the byte 0 inside a character, and HTML has no use for NUL, so the page's bytes pass through here
// without them.
import { Transform, type TransformCallback } from "node:stream";

/** The bytes without any 0x00 (the same buffer when it has none, which is almost always). */
export function withoutNulBytes(chunk: Buffer): Buffer {
  let nul = chunk.indexOf(0);
  if (nul === -1) return chunk;
  // The runs between NULs, copied whole (a byte-by-byte loop over a 40 KB page cost a few per cent of its CPU).
  const kept = Buffer.allocUnsafe(chunk.length);
  let length = 0;
  let from = 0;
  while (nul !== -1) {
    length += chunk.copy(kept, length, from, nul);
    from = nul + 1;
    nul = chunk.indexOf(0, from);
  }
  length += chunk.copy(kept, length, from);
  return kept.subarray(0, length);
}

/**
 * A stream for the rendered page: React pipes into it, the response reads from it. React writes a page as many
 * 2 KB pieces in one go; they leave here joined, once per turn of the event loop (usually the whole page at
 * once), so the response, the web stream around it and the compression each handle one piece instead of twenty.
 */
export function htmlBodyStream(): Transform {
  let pending: Uint8Array[] = [];
  let scheduled = false;
  const pushPending = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const joined = pending.length === 1 ? Buffer.from(pending[0].buffer, pending[0].byteOffset, pending[0].byteLength) : Buffer.concat(pending);
    pending = [];
    stream.push(withoutNulBytes(joined));
  };
  const stream = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      pending.push(chunk);
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => {
          if (!stream.destroyed) pushPending();
        });
      }
      done();
    },
    flush(done: TransformCallback) {
      pushPending();
      done();
    },
  });
  return stream;
}
