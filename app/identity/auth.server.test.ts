// The access-control helpers other routes build on: roles, acting for, officers' organisations,
// audit identity, and the submission rate limit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserRequest, run, signedInBrowser, useSeededDatabase } from "../../tests/setup/auth";
import {
  auditActorOf,
  canActFor,
  enforceSubmissionRateLimit,
  getOptionalUser,
  listSubjects,
  recordDataRead,
  requireApplicant,
  requireCitizen,
  requireOfficer,
  requireRepresentative,
  requireUser,
} from "./auth.server";
import { submissionsPerAccount } from "./security/rate-limit.server";
import { endSession } from "./session.server";

let db: Awaited<ReturnType<typeof useSeededDatabase>>["db"];
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededDatabase()));
afterAll(() => close());

const as = async (loginId: string, actingFor: string | null = null) => browserRequest("/somewhere?x=1", { as: await signedInBrowser(db, loginId, { actingFor }) });

describe("auth API", () => {
  it("getOptionalUser: null for anonymous; the user without secrets when signed in", async () => {
    expect(await getOptionalUser(browserRequest("/"))).toBeNull();
    const auth = await getOptionalUser(await as("tanaka"));
    expect(auth?.user.loginId).toBe("tanaka");
    expect(auth?.user).not.toHaveProperty("passwordHash");
    expect(auth?.user).not.toHaveProperty("totpSecret");
  });

  it("a page's loaders share one read of the session through the request's load context, and only they", async () => {
    const browser = await signedInBrowser(db, "tanaka");
    // Remix gives each loader of a request its own Request object and all of them the same context.
    const context = {};
    const root = await getOptionalUser(browserRequest("/cases", { as: browser }), { context });
    const route = await requireApplicant(browserRequest("/cases", { as: browser }), { context });
    expect(route).toMatchObject({ user: { loginId: "tanaka" }, subject: { id: "p-tanaka-ichiro" } });
    expect(route.user).toBe(root!.user);
    // Without a context, or with another request's, the session is read again.
    expect((await getOptionalUser(browserRequest("/cases", { as: browser })))!.user).not.toBe(root!.user);
    expect((await getOptionalUser(browserRequest("/cases", { as: browser }), { context: {} }))!.user).not.toBe(root!.user);
    // The next request sees a sign-out at once; the roles are still checked on a shared read.
    await endSession(browserRequest("/sign-out", { as: browser }));
    expect(await getOptionalUser(browserRequest("/cases", { as: browser }), { context: {} })).toBeNull();
    const officer = { context: {} };
    const officerRequest = await as("officer.shinjuku");
    expect((await getOptionalUser(officerRequest, officer))?.user.role).toBe("officer");
    expect((await run(() => requireApplicant(officerRequest, officer))).status).toBe(403);
  });

  it("requireUser: anonymous is sent to sign in and back; a wrong role gets 403", async () => {
    const anonymous = await run(() => requireUser(browserRequest("/somewhere?x=1")));
    expect(anonymous.response!.headers.get("Location")).toBe("/sign-in?redirectTo=%2Fsomewhere%3Fx%3D1");
    const designer = await run(async () => requireUser(await as("designer"), { roles: ["officer"] }));
    expect(designer.status).toBe(403);
    expect((await requireUser(await as("evaluator"), { roles: ["evaluator"] })).user.role).toBe("evaluator");
  });

  it("requireCitizen: the person is the citizen, or the household member they act for", async () => {
    expect((await requireCitizen(await as("tanaka"))).personId).toBe("p-tanaka-ichiro");
    const kenji = await requireCitizen(await as("sato.kenji", "p-sato-yumi"));
    expect(kenji.personId).toBe("p-sato-yumi");
    expect(auditActorOf(kenji)).toEqual({ actor: "u-sato-kenji", onBehalfOf: "p-sato-yumi" });
    expect((await run(async () => requireCitizen(await as("officer.shinjuku")))).status).toBe(403);
  });

  it("a session naming a subject the user is not authorised for falls back to the user themselves", async () => {
    const auth = await requireCitizen(await as("tanaka", "p-sato-yumi"));
    expect(auth.personId).toBe("p-tanaka-ichiro");
    expect(auth.actingFor).toBeNull();
  });

  it("requireRepresentative and requireApplicant: the company they represent", async () => {
    expect((await requireRepresentative(await as("yamada", "c-yamada-shoten"))).companyId).toBe("c-yamada-shoten");
    expect((await requireApplicant(await as("yamada", "c-yamada-shoten"))).subject).toMatchObject({ type: "company", id: "c-yamada-shoten", name: "株式会社山田商店" });
    expect((await run(async () => requireRepresentative(await as("tanaka")))).status).toBe(403);
  });

  it("requireOfficer: exactly one organisation per officer; other roles 403", async () => {
    expect((await requireOfficer(await as("officer.shinjuku"))).agencyId).toBe("municipality-13104");
    expect((await requireOfficer(await as("officer.yokohama"))).agencyId).toBe("municipality-14100");
    expect((await requireOfficer(await as("officer.pension"))).agencyId).toBe("japan-pension-service");
    for (const loginId of ["tanaka", "designer", "evaluator", "admin"]) expect((await run(async () => requireOfficer(await as(loginId)))).status).toBe(403);
  });

  it("canActFor and listSubjects follow the authorisations, in one direction only", () => {
    const kenji = { id: "u-sato-kenji", personId: "p-sato-kenji" };
    for (const subject of ["p-sato-kenji", "p-sato-yumi", "p-sato-daichi", "p-sato-mio"]) expect(canActFor(kenji, subject, db)).toBe(true);
    expect(canActFor(kenji, "p-tanaka-ichiro", db)).toBe(false);
    expect(canActFor({ id: "u-sato-yumi", personId: "p-sato-yumi" }, "p-sato-kenji", db)).toBe(false);
    expect(canActFor({ id: "u-yamada-taro", personId: null }, "c-yamada-shoten", db)).toBe(true);
    expect(listSubjects("u-sato-kenji", db).map((s) => s.relationship)).toEqual(["self", "spouse", "child", "child"]);
    expect(listSubjects("u-designer", db)).toEqual([]);
  });

  it("enforceSubmissionRateLimit: refuses with a 429 and the time to try again, per account", async () => {
    const request = await as("takahashi");
    const auth = await requireUser(request);
    for (let i = 0; i < submissionsPerAccount.limit; i++) enforceSubmissionRateLimit(request, auth, db);
    const refused = await run(() => enforceSubmissionRateLimit(request, auth, db));
    expect(refused.status).toBe(429);
    expect((refused.data as { retryAt: string }).retryAt).toMatch(/^\d{4}-/);
  });
});

describe("recording reads of personal data", () => {
  const read = (auth: Awaited<ReturnType<typeof requireUser>>, dataSubjectId: string) =>
    recordDataRead(db, auth, { dataSubjectId, subjectType: "record", subjectId: dataSubjectId, purpose: "record.view" });

  it("does not record a person reading their own data for themselves", async () => {
    expect(read(await requireUser(await as("tanaka")), "p-tanaka-ichiro")).toBe(false);
  });

  it("records a read for someone else, and every officer's read", async () => {
    expect(read(await requireUser(await as("sato.kenji", "p-sato-daichi")), "p-sato-daichi")).toBe(true);
    expect(read(await requireUser(await as("officer.shinjuku")), "p-tanaka-ichiro")).toBe(true);
  });
});
