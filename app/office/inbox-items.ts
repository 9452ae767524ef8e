// The inbox's rows as the page receives them: one short array per row, not an object. The loader data of
// every inbox view carries up to 500 rows; Remix's serialiser (turbo-stream) handles an object key by key
// and passes it to its plugins, an array element by element: for 50 rows, about half the time (issue 12).
// The loader packs the rows; the page unpacks them into the same objects before it renders.

/** One row of the inbox: only what the row shows. A flag that is off and a missing deadline are left out. */
export type InboxItem = {
  id: string;
  procedureName: string;
  caseReference: string;
  status: string;
  /** Left out: the procedure has no deadline. */
  deadline?: string;
  overdue?: true;
  /** The citizen answered a question and the procedure is back for a decision. */
  answerReceived?: true;
  /** The person corrected the procedure after a rejection and sent it again: the items they changed, by name. */
  corrected?: string[];
  receivedAt: string;
};

/** An inbox row as sent: id, procedure, case reference, status, received at, deadline (0: none), overdue, answer received, corrected items. */
export type PackedInboxItem = [string, string, string, string, string, string | 0, 0 | 1, 0 | 1, ...string[][]];

export function packInboxItems(items: readonly InboxItem[]): PackedInboxItem[] {
  return items.map((item) => {
    const packed: PackedInboxItem = [item.id, item.procedureName, item.caseReference, item.status, item.receivedAt, item.deadline ?? 0, item.overdue ? 1 : 0, item.answerReceived ? 1 : 0];
    if (item.corrected) packed.push(item.corrected);
    return packed;
  });
}

export function unpackInboxItems(packed: readonly PackedInboxItem[]): InboxItem[] {
  return packed.map(([id, procedureName, caseReference, status, receivedAt, deadline, overdue, answerReceived, corrected]) => {
    const item: InboxItem = { id, procedureName, caseReference, status, receivedAt };
    if (deadline !== 0) item.deadline = deadline;
    if (overdue === 1) item.overdue = true;
    if (answerReceived === 1) item.answerReceived = true;
    if (corrected) item.corrected = corrected;
    return item;
  });
}
