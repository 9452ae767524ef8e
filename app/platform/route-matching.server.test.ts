import { matchRoutes } from "@remix-run/router";
import { describe, expect, it } from "vitest";
import { rememberingMatchRoutes } from "./route-matching.server";

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };
type Answer = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: Route }[] | null;
const original = matchRoutes as unknown as (routes: Route[], location: string | { pathname: string }) => Answer;

// A tree like the portal's: a root with index, static, dynamic, nested, pathless and splat routes.
const tree = (): Route[] => [
  {
    id: "root",
    path: "",
    children: [
      { id: "routes/_index", index: true },
      { id: "routes/cases._index", path: "cases", index: true },
      { id: "routes/cases.$reference", path: "cases/:reference" },
      { id: "routes/cases.$reference_.forms.$requestId", path: "cases/:reference/forms/:requestId" },
      { id: "routes/office", path: "office", children: [{ id: "routes/office._index", index: true }, { id: "routes/office.requests.$requestId", path: "requests/:requestId" }] },
      { id: "routes/Case", path: "Case", caseSensitive: true },
      { id: "routes/$", path: "*" },
    ],
  },
];

const paths = ["/", "/cases", "/cases/", "/cases/MDG-1", "/cases/MDG-1/forms/r-9", "/office", "/office/requests/x%20y", "/case", "/Case", "/nowhere/at/all", "/cases?x=1"];

describe("route matching that remembers", () => {
  it("answers as matchRoutes does, first and again, for trees of the same shape built anew", () => {
    const remembering = rememberingMatchRoutes(original as never);
    for (let round = 0; round < 3; round++) {
      for (const path of paths) {
        const routes = tree();
        const expected = original(routes, path);
        const answer = remembering(routes, round === 2 ? { pathname: path } : path);
        if (round === 2 && path.includes("?")) continue; // a location's pathname never holds a query
        expect(answer).toEqual(expected);
        // The caller's own route objects, and one params object per answer as matchRoutes gives.
        answer?.forEach((m, i) => expect(m.route).toBe(expected![i].route));
        if (answer && answer.length > 1) expect(answer[0].params).toBe(answer[1].params);
      }
    }
  });

  it("keeps trees of different shapes apart, and a caller cannot change what others get", () => {
    const remembering = rememberingMatchRoutes(original as never);
    const other = tree();
    other[0].children![2].path = "cases/:id";
    expect(remembering(tree(), "/cases/MDG-1")?.at(-1)?.params).toEqual({ reference: "MDG-1" });
    expect(remembering(other, "/cases/MDG-1")?.at(-1)?.params).toEqual({ id: "MDG-1" });
    remembering(tree(), "/cases/MDG-1")!.at(-1)!.params.reference = "changed";
    expect(remembering(tree(), "/cases/MDG-1")?.at(-1)?.params).toEqual({ reference: "MDG-1" });
  });
});
