// What the organisations' forms offer, shared by the page and the server functions.

/** Overlaps an administrator may choose for a rotation, in hours: both secrets are valid that long. */
export const overlapHours = [1, 24, 72, 168] as const;
