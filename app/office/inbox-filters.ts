// The inbox's filter values, shared by the server (which reads them) and the form (which offers them).

/** Statuses an agency's inbox can hold (a request is listed once it has been delivered). */
export const inboxStatuses = ["delivered", "informationRequested", "queued", "delivering", "retrying", "deadLettered", "accepted", "rejected", "cancelled"] as const;
export const statusFilters = ["open", "all", ...inboxStatuses] as const;
export const deadlineFilters = ["any", "overdue", "within7", "within30"] as const;
export type StatusFilter = (typeof statusFilters)[number];
export type DeadlineFilter = (typeof deadlineFilters)[number];
