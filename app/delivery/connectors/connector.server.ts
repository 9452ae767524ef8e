// What every connector does: deliver one procedure request to one agency and say whether it arrived,
// whether to try again, or whether trying again is pointless. Connectors do I/O; they never decide status.
export type Delivery = {
  procedureRequestId: string;
  caseReference: string;
  procedureId: string;
  agencyId: string;
  payload: unknown;
  deadline: string | null;
  /** Stable for this delivery of this procedure request across every retry. */
  idempotencyKey: string;
  /** On a re-delivery after the agency asked a question: the question and the citizen's answer. */
  information?: { question: string | null; answer: string };
  /**
   * On every delivery after the person corrected a rejected procedure and sent it again: when, and the data
   * items they changed (names only; the payload holds the corrected values).
   */
  correction?: { resubmittedAt: string; correctedItems: string[] };
  /** A test delivery an administrator sent: the agency's system should answer but apply nothing. */
  test?: boolean;
};

/** What the agency answered, when it answered over HTTP: kept (redacted, 2 KB) for operators. */
export type AgencyAnswer = { httpStatus?: number; responseBody?: string };

export type DeliveryResult =
  | ({ ok: true; agencyReference?: string } & AgencyAnswer)
  | ({ ok: false; permanent: boolean; error: string; retryAfterMs?: number } & AgencyAnswer);

export type Connector = {
  deliver(delivery: Delivery, options: { timeoutMs: number; now?: Date }): Promise<DeliveryResult>;
};
