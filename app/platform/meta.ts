// Page titles are translated on the server: a loader returns `title`, and routes export this meta.
import type { MetaFunction } from "@remix-run/node";

export const titleMeta: MetaFunction = ({ data, matches }) => {
  const own = (data as { title?: string } | undefined)?.title;
  const root = (matches.find((m) => m.id === "root")?.data as { title?: string } | undefined)?.title;
  return [{ title: own ?? root ?? "Madoguchi" }];
};
