// The http channel: POST the procedure to the agency's own system, signed, with an idempotency key and a
// timeout, and classify the answer as delivered, worth retrying, or permanently refused.
import { request } from "undici";
import { SIGNATURE_HEADER, signBody } from "../signature.server";
import type { Connector, Delivery, DeliveryResult } from "./connector.server";

/** `alsoSignWith`: a rotated-out secret still valid during the overlap; each delivery is signed with both. */
export type HttpEndpoint = { url: string; secret: string; alsoSignWith?: string[] };

/** How much of an answer body the connector hands back (more than the 2 KB kept, so redaction sees whole values). */
const ANSWER_KEEP_CHARS = 8 * 1024;

/** The JSON an agency receives. Only the procedure's own data items are in `payload`. */
export function deliveryBody(delivery: Delivery): string {
  return JSON.stringify({
    procedureRequestId: delivery.procedureRequestId,
    caseReference: delivery.caseReference,
    procedureId: delivery.procedureId,
    payload: delivery.payload,
    deadline: delivery.deadline,
    ...(delivery.test ? { test: true } : {}),
    ...(delivery.information ? { information: delivery.information } : {}),
    ...(delivery.correction ? { correction: delivery.correction } : {}),
  });
}

/** The procedure id, case reference and payload of a test delivery (`"test": true`): no case, no personal data. */
export const TEST_PROCEDURE_ID = "madoguchi.test";

/** A signed test delivery an administrator sends to check an endpoint; its id is `test-<uuid>`. */
export function testDelivery({ agencyId, id }: { agencyId: string; id: string }): Delivery {
  return { procedureRequestId: id, caseReference: "TEST", procedureId: TEST_PROCEDURE_ID, agencyId, payload: { test: true }, deadline: null, idempotencyKey: id, test: true };
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now.getTime());
}

/** 2xx delivered; 408, 429 and 5xx worth retrying; any other status refused for good. */
export function classifyStatus(status: number): "delivered" | "retry" | "permanent" {
  if (status >= 200 && status < 300) return "delivered";
  if (status === 408 || status === 429 || status >= 500) return "retry";
  return "permanent";
}

export function httpConnector(endpoint: HttpEndpoint): Connector {
  return {
    async deliver(delivery, { timeoutMs, now = new Date() }): Promise<DeliveryResult> {
      const body = deliveryBody(delivery);
      let status: number;
      let headers: Record<string, string | string[] | undefined>;
      let text: string;
      try {
        // undici's request, not fetch: the same client under fetch at a quarter of its CPU per exchange, and it
        // follows no redirect, so signed personal data goes only to the address an administrator configured.
        const response = await request(endpoint.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "idempotency-key": delivery.idempotencyKey,
            [SIGNATURE_HEADER]: signBody({ secret: endpoint.secret, body, now, alsoSignWith: endpoint.alsoSignWith }),
          },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = response.statusCode;
        headers = response.headers;
        // The body is read under the same timeout: an agency that sends headers and then stalls is a timeout too.
        text = await response.body.text();
      } catch (error) {
        const name = (error as Error)?.name;
        const reason = name === "TimeoutError" || name === "AbortError" ? `timeout after ${timeoutMs} ms` : `connection failed (${errorCode(error)})`;
        return { ok: false, permanent: false, error: reason };
      }
      const outcome = classifyStatus(status);
      // What the agency said goes back with the decision; the dispatcher stores a redacted excerpt of it.
      const answer = <T extends object>(result: T): T => ({ ...result, httpStatus: status, responseBody: text.slice(0, ANSWER_KEEP_CHARS) });
      if (outcome === "delivered") return answer({ ok: true as const, agencyReference: referenceFrom(text) });
      const error = `HTTP ${status}`;
      if (outcome === "permanent") return answer({ ok: false as const, permanent: true, error });
      const retryAfter = headers["retry-after"];
      const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter((Array.isArray(retryAfter) ? retryAfter[0] : retryAfter) ?? null, now) : undefined;
      return answer({ ok: false as const, permanent: false, error, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
    },
  };
}

function referenceFrom(text: string): string | undefined {
  try {
    const json = JSON.parse(text) as { reference?: unknown };
    return typeof json?.reference === "string" ? json.reference : undefined;
  } catch {
    return undefined;
  }
}

/** A short, data-free description of a network error (its code only: messages may echo URLs). */
function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return cause?.code ?? (error as { code?: string })?.code ?? "unknown";
}
