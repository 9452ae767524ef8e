// The designers' workspace, called as Remix calls its loaders: only a designer who has passed the second
// factor gets in; the catalogue searches both languages; a life event shows its rules and its checks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { browserRequest, run, signedInBrowser, useSeededDatabase, type Browser } from "../../tests/setup/auth";
import * as catalogue from "./design.catalogue";
import * as lifeEventPage from "./design.life-events.$lifeEventId";

let db: Db;
let close: () => void;
let designer: Browser;

beforeAll(async () => {
  ({ db, close } = await useSeededDatabase());
  designer = await signedInBrowser(db, "designer");
});
afterAll(() => close());

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });
type CatalogueData = Awaited<ReturnType<typeof catalogue.loader>>;
type LifeEventData = Awaited<ReturnType<typeof lifeEventPage.loader>>;

describe("the catalogue", () => {
  it("finds procedures by a Japanese word on the English page, with their legal basis, deadline, channel and life events", async () => {
    const { status, data } = await run(() =>
      catalogue.loader(args(browserRequest(`/design/catalogue?q=${encodeURIComponent("国民健康保険")}&show=procedures`, { as: designer, headers: { "Accept-Language": "en" } }))),
    );
    expect(status).toBe(200);
    const view = data as CatalogueData;
    expect(view.lifeEvents).toEqual([]);
    expect(view.procedures.map((procedure) => procedure.id).sort()).toEqual(["nhi-enrolment", "nhi-withdrawal"]);
    const enrolment = view.procedures.find((procedure) => procedure.id === "nhi-enrolment")!;
    expect(enrolment.name).toMatch(/National Health Insurance/);
    expect(enrolment.deadline).toBe("Within 14 days after the Date of the move");
    expect(enrolment.organisation).toBe("The municipality of your new address");
    expect(enrolment.lifeEvents).toEqual([{ id: "relocation", title: "Moving house" }]);
    expect(enrolment.legalBasis).not.toBe("");
  });

  it("lists organisations with their channel, a limited number at a time", async () => {
    const all = (await run(() => catalogue.loader(args(browserRequest("/design/catalogue?show=organisations", { as: designer }))))).data as CatalogueData;
    expect(all.organisations.total).toBeGreaterThan(all.organisations.shown.length);
    const pension = (await run(() => catalogue.loader(args(browserRequest(`/design/catalogue?q=${encodeURIComponent("日本年金機構")}&show=organisations`, { as: designer }))))).data as CatalogueData;
    expect(pension.organisations.shown).toEqual([
      expect.objectContaining({ id: "japan-pension-service", channel: "ポータルの業務画面（職員がそこで判断）" }),
    ]);
  });

  it("refuses a designer who has not passed the second factor, and any other role", async () => {
    const halfway = await signedInBrowser(db, "designer", { stage: "second-factor" });
    const pending = await run(() => catalogue.loader(args(browserRequest("/design/catalogue", { as: halfway }))));
    expect(pending.status).toBe(302);
    expect(pending.response?.headers.get("Location")).toBe("/sign-in/two-factor");
    const officer = await signedInBrowser(db, "officer.shinjuku");
    expect((await run(() => catalogue.loader(args(browserRequest("/design/catalogue", { as: officer }))))).status).toBe(403);
  });
});

describe("a life event", () => {
  it("shows what each rule looks at, and that the checks pass", async () => {
    const { status, data } = await run(() =>
      lifeEventPage.loader(args(browserRequest("/design/life-events/relocation", { as: designer, headers: { "Accept-Language": "en" } }), { lifeEventId: "relocation" })),
    );
    expect(status).toBe(200);
    const view = data as LifeEventData;
    const residenceCard = view.questions.find((question) => question.id === "residenceCardNumber")!;
    expect(residenceCard.askedWhen).toEqual(["the record's Nationality"]);
    expect(view.questions.find((question) => question.id === "moveDate")!.askedWhen).toBeNull();
    const nhi = view.procedures.find((procedure) => procedure.id === "nhi-enrolment")!;
    expect(nhi.selectedWhen).toContain('the answer to "Which health insurance are you enrolled in?"');
    expect([view.problems, ...view.questions.map((q) => q.problems), ...view.procedures.map((p) => p.problems)].flat()).toEqual([]);
  });

  it("answers 404 for a life event that does not exist", async () => {
    const { status } = await run(() => lifeEventPage.loader(args(browserRequest("/design/life-events/nothing", { as: designer }), { lifeEventId: "nothing" })));
    expect(status).toBe(404);
  });
});

describe("a life event, drawn", () => {
  it("draws the journey and the procedures as SVG laid out by ELK, and gives the sharing matrix with procedure and legal basis", async () => {
    const { data } = await run(() =>
      lifeEventPage.loader(args(browserRequest("/design/life-events/incorporation", { as: designer, headers: { "Accept-Language": "en" } }), { lifeEventId: "incorporation" })),
    );
    const view = data as LifeEventData;
    for (const svg of [view.drawings.journey, view.drawings.procedures]) {
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img" aria-labelledby="[^"]+"/);
      expect(svg).toMatch(/<\/svg>$/);
    }
    // Every question and procedure is a box with its name (the same content as the lists).
    expect((view.drawings.journey.match(/<rect /g) ?? []).length).toBe(view.questions.length);
    expect((view.drawings.procedures.match(/<rect /g) ?? []).length).toBe(view.procedures.length);
    // A procedure that waits for another is drawn below it (the layout is top to bottom).
    const boxes = [...view.drawings.procedures.matchAll(/<rect x="([\d.]+)" y="([\d.]+)"/g)].map((match) => Number(match[2]));
    expect(new Set(boxes).size).toBeGreaterThan(1);
    expect(view.drawings.procedures.match(/<polyline /g)?.length).toBeGreaterThan(0);

    const registration = view.matrix.rows.find((row) => row.cells.some((cell) => cell.length > 0 && /registration/i.test(cell[0].procedure)))!;
    expect(registration).toBeDefined();
    const filled = view.matrix.rows.flatMap((row) => row.cells.flat());
    expect(filled.every((entry) => entry.legalBasis.length > 0)).toBe(true);
  });
});
