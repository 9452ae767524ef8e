// Why a delivery failed, in words: the dispatcher and connectors keep short English technical notes
// ("attempt 2: HTTP 400", "connection failed (ECONNREFUSED)") for logs and scripts; pages show a translated
// sentence made from them instead, so no internal code or English note reaches an administrator's page.

/** A sentence in the `admin` namespace (`deliveryErrors.<key>`) and the values it needs. */
export type DeliveryErrorMessage = {
  key: `deliveryErrors.${DeliveryErrorKind}`;
  values: { attempt?: number; status?: number; seconds?: number };
};

export type DeliveryErrorKind =
  | "badRequest"
  | "notAuthorised"
  | "notFound"
  | "conflict"
  | "refused"
  | "redirected"
  | "tooMany"
  | "agencyError"
  | "unavailable"
  | "timeout"
  | "connectionRefused"
  | "hostNotFound"
  | "connectionReset"
  | "certificate"
  | "connectionFailed"
  | "noEndpoint"
  | "inboxChannel"
  | "unknownAgency"
  | "notDue"
  | "unexpected"
  | "other";

function kindOfStatus(status: number): DeliveryErrorKind {
  if (status === 400 || status === 422) return "badRequest";
  if (status === 401 || status === 403) return "notAuthorised";
  if (status === 404 || status === 410) return "notFound";
  if (status === 409) return "conflict";
  if (status === 408) return "timeout";
  if (status === 429) return "tooMany";
  if (status === 503) return "unavailable";
  if (status >= 300 && status < 400) return "redirected";
  if (status >= 500) return "agencyError";
  return "refused";
}

function kindOfNetworkCode(code: string): DeliveryErrorKind {
  if (code === "ECONNREFUSED") return "connectionRefused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "hostNotFound";
  if (code === "ECONNRESET" || code === "EPIPE" || code === "UND_ERR_SOCKET") return "connectionReset";
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|TLS|SSL/i.test(code)) return "certificate";
  if (code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT") return "timeout";
  return "connectionFailed";
}

/**
 * The sentence for one stored failure note (an outbox row's last error or one attempt's error). The HTTP
 * status, when there is one, is a value of the sentence, not a code shown alone.
 */
export function describeDeliveryError(note: string | null | undefined, httpStatus?: number | null): DeliveryErrorMessage {
  let text = (note ?? "").trim();
  const values: DeliveryErrorMessage["values"] = {};
  const attempt = /^attempt (\d+): ([\s\S]*)$/.exec(text);
  if (attempt) {
    values.attempt = Number(attempt[1]);
    text = attempt[2];
  }
  const message = (kind: DeliveryErrorKind): DeliveryErrorMessage => ({ key: `deliveryErrors.${kind}`, values });
  const http = /^HTTP (\d{3})$/.exec(text);
  const status = http ? Number(http[1]) : (httpStatus ?? undefined);
  if (status !== undefined && (http || !text)) {
    values.status = status;
    return message(kindOfStatus(status));
  }
  const timeout = /^timeout after (\d+) ms$/.exec(text);
  if (timeout) {
    values.seconds = Math.round(Number(timeout[1]) / 100) / 10;
    return message("timeout");
  }
  const network = /^connection failed \(([^)]*)\)$/.exec(text);
  if (network) return message(kindOfNetworkCode(network[1]));
  if (/^connector error: /.test(text)) return message("unexpected");
  if (/^no endpoint configured for /.test(text)) return message("noEndpoint");
  if (/^inbox channel: /.test(text)) return message("inboxChannel");
  if (/^unknown agency /.test(text)) return message("unknownAgency");
  if (/^procedure request is \w+, not due for delivery$/.test(text)) return message("notDue");
  return message("other");
}
