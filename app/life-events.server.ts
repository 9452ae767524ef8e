// The life events the portal offers. Their definitions live in flows/; this lists what the pages show.
export const lifeEventIds = ["relocation", "incorporation"] as const;
export type LifeEventId = (typeof lifeEventIds)[number];

export function listLifeEventSummaries(): { id: LifeEventId }[] {
  return lifeEventIds.map((id) => ({ id }));
}

export function isLifeEventId(value: string | undefined): value is LifeEventId {
  return (lifeEventIds as readonly string[]).includes(value ?? "");
}
