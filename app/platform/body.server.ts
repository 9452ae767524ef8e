// Request bodies are read with a limit: refused by their declared length before a byte is read, and cut
// off once more bytes arrive than the limit allows, so a large or endless body costs neither memory nor time.

/** Forms (every action): far above the largest real form, far below what could hurt the server. */
export const MAX_FORM_BYTES = 128 * 1024;
/** Agency callbacks: a decision with a reason or question. */
export const MAX_CALLBACK_BYTES = 64 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The request body is larger than ${maxBytes} bytes`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * The body's bytes, at most `maxBytes`. Protects against memory and time exhaustion: a `Content-Length`
 * above the limit is refused at once (nothing is read, so a sender that announces a large body and
 * stalls gets its answer immediately), and a body without one, or longer than it said, is read only up
 * to the limit and then cancelled.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) throw new BodyTooLargeError(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}
