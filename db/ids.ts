// Ids of the rows a submission writes and a delivery reads and updates together (cases, procedure requests,
// outbox rows): time-ordered UUIDs (version 7, RFC 9562), so rows written together sit side by side in every
// index keyed by them, and a commit rewrites a few index pages instead of one per row (README, speedids).
import { v7 } from "uuid";

/**
 * A new time-ordered id: the creation time to the millisecond, then 74 random bits (uuid's v7 also counts
 * within a millisecond, so one process's ids keep their order). It says when the row was made, which
 * everyone who can see the row already sees; it is never a secret (tokens and keys use random bytes).
 */
export function newRowId(): string {
  return v7();
}
