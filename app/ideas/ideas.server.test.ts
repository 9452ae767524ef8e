// The IDEA BOX's rules on a seeded database: masking before publishing, support once each, who answers,
// the steps an idea moves through, merging with supports and traceability, hiding, the rate limit, the feed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { getUserByLoginId } from "../../db/queries/users";
import { useSeededDatabase } from "../../tests/setup/auth";
import type { AuthContext } from "../identity/auth.server";
import { actOnIdea, ideaListView, ideaPageView, ideasAtomFeed, myIdeasView, postIdea } from "./ideas.server";
import { MASK } from "./personal-data";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededDatabase()));
afterAll(() => close());

function as(loginId: string): AuthContext {
  const user = getUserByLoginId(db, { loginId })!;
  return { user, actingFor: null, subject: null } as unknown as AuthContext;
}
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};
// Each post an hour after the last, so only the rate-limit test meets the rate limit.
let clock = Date.parse("2026-06-01T00:00:00Z");
const post = (loginId: string, values: Record<string, string>, now = new Date((clock += 3_600_001))) =>
  postIdea(db, as(loginId), form({ kind: "idea", title: "A title", body: "A body", ...values }), now);
function posted(outcome: ReturnType<typeof postIdea>): number {
  if (outcome.kind !== "posted") throw new Error(`expected posted, got ${outcome.kind}`);
  return outcome.id;
}
const act = (loginId: string, id: number, values: Record<string, string>) => actOnIdea(db, as(loginId), id, form(values));
const t = (key: string, options?: Record<string, unknown>) => (options?.title ? `${key}: ${String(options.title)}` : key);

describe("posting", () => {
  it("points out personal data and publishes it masked only once the author confirms", () => {
    const first = post("tanaka", { title: "電話がつながらない", body: "私の番号は090-1234-5678、メールは ichiro@example.jp です" });
    expect(first.kind).toBe("review");
    if (first.kind !== "review") return;
    expect(first.findings.map((f) => f.kind)).toEqual(["phone", "email"]);
    expect(first.masked.body).toBe(`私の番号は${MASK}、メールは ${MASK} です`);
    const id = posted(post("tanaka", { ...first.values, confirmMasked: "yes" }));
    const page = ideaPageView(db, null, id, "ja")!;
    expect(page.body).not.toContain("090");
    expect(page.body).not.toContain("ichiro@");
    expect(page.authorName).toBeNull();
  });

  it("keeps only context the flows know, and shows the author's name only when they choose to", () => {
    const id = posted(post("suzuki", { lifeEventId: "relocation", questionId: "moveDate", procedureId: "no-such-procedure", showName: "yes" }));
    const page = ideaPageView(db, null, id, "en")!;
    expect(page.contextIds).toEqual({ lifeEventId: "relocation", procedureId: null, questionId: "moveDate" });
    expect(page.context.questionTitleKey).toBe("relocation:moveDate.title");
    expect(page.authorName).toBe("鈴木 春子");
  });

  it("refuses empty, too long and hostile text", () => {
    expect(post("tanaka", { title: "" }).kind).toBe("invalid");
    expect(post("tanaka", { body: "x".repeat(4001) }).kind).toBe("invalid");
    expect(post("tanaka", { body: "<script>alert(1)</script>" }).kind).toBe("invalid");
  });

  it("limits how many ideas one account posts in an hour", () => {
    const now = new Date("2027-01-01T00:00:00Z");
    for (let i = 0; i < 5; i++) expect(post("ito", {}, now).kind).toBe("posted");
    expect(post("ito", {}, now).kind).toBe("rateLimited");
    expect(post("ito", {}, new Date("2027-01-01T01:00:01Z")).kind).toBe("posted");
  });
});

describe("supporting, answering, merging and hiding", () => {
  it("counts one support per person, never the author's own", () => {
    const id = posted(post("tanaka", { title: "support me" }));
    expect(act("suzuki", id, { intent: "support" })).toEqual({ kind: "done", notice: "supported" });
    expect(act("suzuki", id, { intent: "support" })).toEqual({ kind: "done", notice: "alreadySupported" });
    expect(act("tanaka", id, { intent: "support" })).toEqual({ kind: "refused", message: "errors.supportOwn" });
    expect(ideaPageView(db, null, id, "ja")!.supports).toBe(1);
  });

  it("lets a designer and the owning organisation's officer answer, nobody else", () => {
    const pension = posted(post("tanaka", { procedureId: "pension-recipient-address-change" }));
    const answer = { intent: "answer", status: "underReview", message: "Looking into it" };
    expect(act("evaluator", pension, answer).kind).toBe("forbidden");
    expect(act("officer.shinjuku", pension, answer).kind).toBe("forbidden");
    expect(act("suzuki", pension, answer).kind).toBe("forbidden");
    expect(act("officer.pension", pension, answer)).toEqual({ kind: "done", notice: "answered" });
    const page = ideaPageView(db, null, pension, "en")!;
    expect(page.status).toBe("underReview");
    expect(page.events.at(-1)).toMatchObject({ kind: "answered", fromStatus: "received", toStatus: "underReview", by: "Japan Pension Service" });
  });

  it("moves received → under review → planned → done naming the version; done is final", () => {
    const id = posted(post("tanaka", { lifeEventId: "relocation", questionId: "moveDate" }));
    expect(act("designer", id, { intent: "answer", status: "planned", message: "We will" }).kind).toBe("done");
    expect(act("designer", id, { intent: "answer", status: "done" }).kind).toBe("invalid"); // no version
    expect(act("designer", id, { intent: "answer", status: "done", version: "incorporation@1" }).kind).toBe("invalid"); // another life event
    expect(act("designer", id, { intent: "answer", status: "done", version: "relocation@1", message: "Shipped" }).kind).toBe("done");
    const page = ideaPageView(db, null, id, "en")!;
    expect(page.status).toBe("done");
    expect(page.done).toEqual({ lifeEvent: "Moving house", version: 1 });
    expect(act("designer", id, { intent: "answer", status: "planned", message: "again" })).toEqual({ kind: "refused", message: "errors.moveRefused" });
    const mine = myIdeasView(db, as("tanaka"), "en").find((idea) => idea.id === id)!;
    expect(mine.events.map((e) => e.toStatus)).toEqual(["received", "planned", "done"]);
  });

  it("declines only with a reason", () => {
    const id = posted(post("tanaka", {}));
    expect(act("designer", id, { intent: "answer", status: "declined" }).kind).toBe("invalid");
    expect(act("designer", id, { intent: "answer", status: "declined", message: "The law requires it" }).kind).toBe("done");
  });

  it("merges with traceability both ways, and supports move to the surviving idea", () => {
    const a = posted(post("tanaka", { title: "merged one" }));
    const b = posted(post("suzuki", { title: "surviving one" }));
    act("ito", a, { intent: "support" });
    act("sato.yumi", a, { intent: "support" });
    act("sato.yumi", b, { intent: "support" });
    expect(act("designer", a, { intent: "merge", targetId: String(a) }).kind).toBe("invalid");
    expect(act("designer", a, { intent: "merge", targetId: String(b) })).toEqual({ kind: "done", notice: "merged" });
    const merged = ideaPageView(db, null, a, "ja")!;
    const surviving = ideaPageView(db, null, b, "ja")!;
    expect(merged.status).toBe("merged");
    expect(merged.mergedIntoId).toBe(b);
    expect(surviving.mergedFrom).toEqual([{ id: a, title: "merged one" }]);
    // ito and sato.yumi (once), and tanaka, whose idea it was
    expect(surviving.supports).toBe(3);
    expect(merged.supports).toBe(0);
  });

  it("hides an abusive post from the public, with a reason its author sees", () => {
    const id = posted(post("tanaka", { title: "abusive" }));
    expect(act("suzuki", id, { intent: "hide", reason: "x" }).kind).toBe("forbidden");
    expect(act("evaluator", id, { intent: "hide", reason: "" }).kind).toBe("invalid");
    expect(act("evaluator", id, { intent: "hide", reason: "Insults a person" })).toEqual({ kind: "done", notice: "hidden" });
    expect(ideaPageView(db, null, id, "ja")).toBeNull();
    expect(ideaPageView(db, as("suzuki"), id, "ja")).toBeNull();
    expect(ideaListView(db, {}, "ja").some((idea) => idea.id === id)).toBe(false);
    const mine = myIdeasView(db, as("tanaka"), "ja").find((idea) => idea.id === id)!;
    expect(mine.hidden?.reason).toBe("Insults a person");
  });
});

describe("the Atom feed", () => {
  it("lists new ideas and answers, escaped, and no hidden idea", () => {
    const id = posted(post("tanaka", { title: "Fish & chips \"5 < 6\"" }));
    const feed = ideasAtomFeed(db, { origin: "http://madoguchi.test", t });
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(feed).toContain(`<link rel="alternate" href="http://madoguchi.test/ideas/${id}"/>`);
    expect(feed).toContain("Fish &amp; chips &quot;5 &lt; 6&quot;");
    expect(feed).not.toContain("abusive");
    expect(feed).toContain("feed.answered");
  });
});
