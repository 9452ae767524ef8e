// Who may use each route: the table the access-control matrix test checks. EVERY file in app/routes
// needs an entry here (the test fails for a route that is missing), so adding a route means deciding
// who may use it. To add one: copy an entry, set `file`, `path`, and who may GET and POST.

/** The people the matrix tries every route as. "Other" ones must be refused another's data. */
export const actors = [
  "anonymous",
  "citizen",
  "otherCitizen",
  "actingCitizen",
  "representative",
  "officer",
  "otherOfficer",
  "designer",
  "evaluator",
  "administrator",
] as const;
export type Actor = (typeof actors)[number];

/** The demo account behind each actor (see README "Demo accounts"), and for whom it acts. */
export const actorAccounts: Record<Exclude<Actor, "anonymous">, { loginId: string; actingFor?: string }> = {
  citizen: { loginId: "tanaka" }, // p-tanaka-ichiro
  otherCitizen: { loginId: "suzuki" }, // p-suzuki-haruko
  actingCitizen: { loginId: "sato.kenji", actingFor: "p-sato-yumi" },
  representative: { loginId: "yamada", actingFor: "c-yamada-shoten" },
  officer: { loginId: "officer.shinjuku" }, // municipality-13104
  otherOfficer: { loginId: "officer.yokohama" }, // municipality-14100
  designer: { loginId: "designer" },
  evaluator: { loginId: "evaluator" },
  administrator: { loginId: "admin" },
};

const signedIn: Actor[] = actors.filter((a) => a !== "anonymous");
const applicants: Actor[] = ["citizen", "otherCitizen", "actingCitizen", "representative"];
/** Moving house is for people: citizens, for themselves or a household member; not for a company. */
const movers: Actor[] = ["citizen", "otherCitizen", "actingCitizen"];

/** Data the matrix test creates before it runs (e.g. the citizen's own case), for paths that need it. */
export const fixtures = {
  citizenCaseReference: "",
  citizenProcedureRequestId: "",
  officerProcedureRequestId: "",
  deadLetterOutboxId: "",
  ideaId: 0,
};

export type Access = "everyone" | Actor[];

export type RouteAccess = {
  /** The route module under app/routes, without its extension. */
  file: string;
  /** The URL to request; a function when it depends on the actor (e.g. their own case). */
  path: string | ((actor: Actor) => string);
  /** Who may GET. [] = nobody (a 404 for everyone, e.g. a POST-only resource route). */
  get: Access;
  /** Who may POST, when the route has an action. */
  post?: Access;
  /** A form that makes a meaningful POST (the CSRF token is added by the test). */
  form?: Record<string, string>;
  /** Values that must never appear in a refused response, besides every demo person's name and id. */
  secrets?: string[];
};

export const routeAccess: RouteAccess[] = [
  { file: "_index", path: "/", get: "everyone" },
  { file: "$", path: "/no-such-page", get: [] },
  // Moving house (a journey is the subject's own; without one, its pages lead back to the start page)
  { file: "life-events.$lifeEventId._index", path: "/life-events/relocation", get: "everyone", post: movers, form: {} },
  {
    file: "life-events.$lifeEventId.questions.$questionId",
    path: "/life-events/relocation/questions/moveDate",
    get: movers,
    post: movers,
    form: { answer: "2026-05-01", intent: "continue" },
  },
  { file: "life-events.$lifeEventId.check-answers", path: "/life-events/relocation/check-answers", get: movers },
  { file: "life-events.$lifeEventId.consent", path: "/life-events/relocation/consent", get: movers, post: movers, form: { agree: "yes" } },
  { file: "record", path: "/record", get: applicants },
  { file: "cases._index", path: "/cases", get: applicants },
  // The citizen's own case: everyone else, other citizens included, gets a 404 without its data.
  {
    file: "cases.$reference",
    path: () => `/cases/${fixtures.citizenCaseReference}`,
    get: ["citizen"],
    post: ["citizen"],
    // An answer to a procedure that asked nothing: refused with a 409 for the owner, a 404 for anyone else.
    get form() {
      return { procedureRequestId: fixtures.citizenProcedureRequestId, answer: "x" };
    },
    secrets: ["神田神保町", "西新宿"],
  },
  // One procedure's filled form, printable: the citizen's own only (a 404 for everyone else, without its data).
  {
    file: "cases.$reference_.forms.$requestId",
    path: () => `/cases/${fixtures.citizenCaseReference}/forms/${fixtures.citizenProcedureRequestId}`,
    get: ["citizen"],
    secrets: ["神田神保町", "西新宿"],
  },
  // Correcting a rejected procedure of the citizen's own case and sending it again: a 404 for everyone else (a
  // procedure that was not rejected sends its owner back to the status page, and a POST for it is refused, 409).
  {
    file: "cases.$reference_.procedures.$requestId.correct",
    path: () => `/cases/${fixtures.citizenCaseReference}/procedures/${fixtures.citizenProcedureRequestId}/correct`,
    get: ["citizen"],
    post: ["citizen"],
    form: { "item.nameKana": "タナカ イチロウ" },
    secrets: ["神田神保町", "西新宿"],
  },
  // Booking the counter visit of the citizen's own move-in (新宿区): a 404 for everyone else; a POST without a time is refused (400).
  {
    file: "cases.$reference_.visits.$agencyId",
    path: () => `/cases/${fixtures.citizenCaseReference}/visits/municipality-13104`,
    get: ["citizen"],
    post: ["citizen"],
    form: { intent: "book", slotId: "" },
    secrets: ["神田神保町", "西新宿"],
  },
  // Agencies' systems: signed with HMAC, never with a session or CSRF token; unsigned requests are refused.
  { file: "api.agencies.$agencyId.callbacks", path: "/api/agencies/tepco-energy-partner/callbacks", get: [], post: [], form: {} },
  // The agency API document is public; the back office is for officers, each seeing only their organisation's
  // procedures (a request of 新宿区, officer.shinjuku's: officer.yokohama gets a 404 without its data).
  { file: "api.agencies.openapi[.]json", path: "/api/agencies/openapi.json", get: "everyone" },
  { file: "office._index", path: "/office", get: ["officer", "otherOfficer"] },
  // Counter volumes: each officer enters their own organisation's (an empty entry is answered with the form's errors, 400).
  { file: "office.counter-volumes", path: "/office/counter-volumes", get: ["officer", "otherOfficer"], post: ["officer", "otherOfficer"], form: { intent: "enter", procedure: "", month: "", count: "" } },
  {
    file: "office.counter-slots",
    path: "/office/counter-slots",
    // Officers for their own organisation; administrators for any organisation that offers counter visits.
    get: ["officer", "otherOfficer", "administrator"],
    post: ["officer", "otherOfficer", "administrator"],
    // A capacity that is not a number: the form's error (400), changing nothing.
    form: { intent: "capacity", slotId: "no-such-slot", capacity: "many" },
  },
  {
    file: "office.requests.$requestId",
    path: () => `/office/requests/${fixtures.officerProcedureRequestId}`,
    get: ["officer"],
    post: ["officer"],
    // An empty reference: answered with the form's errors for the officer (400), changing nothing.
    form: { intent: "accept", reference: "" },
    secrets: ["AB12345678CD", "08011112222"],
  },
  // The officer's printable copy of the filled form: that organisation's officers only.
  {
    file: "office.requests.$requestId_.form",
    path: () => `/office/requests/${fixtures.officerProcedureRequestId}/form`,
    get: ["officer"],
    secrets: ["AB12345678CD", "08011112222"],
  },
  // Each staff area's home (a plain page until its part is built)
  { file: "admin._index", path: "/admin", get: ["administrator"] },
  // The operations console: administrators only. The POSTs here are refused with a reason (400/409) and change nothing.
  { file: "admin.dead-letters._index", path: "/admin/dead-letters", get: ["administrator"], post: ["administrator"], form: { intent: "retryAll", agencyId: "" } },
  {
    file: "admin.dead-letters.$outboxId",
    path: () => `/admin/dead-letters/${fixtures.deadLetterOutboxId}`,
    get: ["administrator"],
    post: ["administrator"],
    form: { intent: "close", reason: "" },
  },
  // Staff accounts: an empty invitation is answered with the form's errors (400); deactivating one's own
  // account is refused with a reason (409). Both change nothing.
  { file: "admin.agencies._index", path: "/admin/agencies", get: ["administrator"] },
  { file: "admin.agencies.$agencyId", path: "/admin/agencies/municipality-13101", get: ["administrator"], post: ["administrator"], form: { intent: "rotate", overlapHours: "24" } },
  { file: "admin.audit", path: "/admin/audit?person=tanaka", get: ["administrator"], post: ["administrator"], form: { intent: "unknown" } },
  { file: "admin.staff._index", path: "/admin/staff", get: ["administrator"], post: ["administrator"], form: { role: "", loginId: "", displayName: "" } },
  { file: "admin.staff.$userId", path: "/admin/staff/u-admin", get: ["administrator"], post: ["administrator"], form: { intent: "deactivate" } },
  // An invitation link is for whoever holds it; an unknown one answers 410 Gone with the reason, and so does its form.
  { file: "invitations.$token", path: "/invitations/not-a-real-invitation", get: "everyone", post: "everyone", form: { password: "", confirm: "" } },
  { file: "design._index", path: "/design", get: ["designer"] },
  // The designers' workspace (issue 15): flows and sample people only, no personal data
  { file: "design.catalogue", path: "/design/catalogue?q=%E5%B9%B4%E9%87%91", get: ["designer"] },
  { file: "design.life-events.$lifeEventId", path: "/design/life-events/relocation", get: ["designer"] },
  // Saving a scenario without a name is answered with the form's error (400) and saves nothing.
  {
    file: "design.life-events.$lifeEventId_.simulate",
    path: "/design/life-events/relocation/simulate?sample=p-nguyen-thi-lan",
    get: ["designer"],
    post: ["designer"],
    form: { intent: "save", sample: "p-nguyen-thi-lan", name: "" },
  },
  // The wording (issue 15): publishing an empty draft is refused (409), and markup in a text is refused (400); both change nothing.
  {
    file: "design.life-events.$lifeEventId_.texts._index",
    path: "/design/life-events/relocation/texts",
    get: ["designer"],
    post: ["designer"],
    form: { intent: "publish", expectedVersion: "0" },
  },
  {
    file: "design.life-events.$lifeEventId_.texts.$group",
    path: "/design/life-events/relocation/texts/moveDate",
    get: ["designer"],
    post: ["designer"],
    form: { "relocation:moveDate.hint|ja": "<script>alert(1)</script>", "relocation:moveDate.hint|en": "Hint" },
  },
  { file: "design.life-events.$lifeEventId_.versions", path: "/design/life-events/relocation/versions?from=1&to=2", get: ["designer"] },
  { file: "design.life-events.$lifeEventId_.texts.$group_.preview", path: "/design/life-events/relocation/texts/moveDate/preview?lng=en&show=errors", get: ["designer"] },
  { file: "evaluation._index", path: "/evaluation", get: ["evaluator"] },
  // Evaluation (issue 16): figures only, for evaluators. The POSTs here are answered with the form's errors (400).
  { file: "evaluation.unit-costs", path: "/evaluation/unit-costs", get: ["evaluator"], post: ["evaluator"], form: { intent: "set", channel: "online", yen: "" } },
  { file: "evaluation.plans", path: "/evaluation/plans", get: ["evaluator"], post: ["evaluator"], form: { intent: "add", ministry: "local-government-municipality", title: "" } },
  { file: "evaluation.reports.$fiscalYear", path: "/evaluation/reports/2026", get: ["evaluator"] },
  { file: "evaluation.reports.$fiscalYear_.download", path: "/evaluation/reports/2026/download?format=csv", get: ["evaluator"] },
  // IDEA BOX: reading is public, posting and supporting need an account; an idea about the pension office's
  // procedure (posted by 鈴木さん without her name) is answered by a designer (or that office's officers, not 新宿区's).
  { file: "ideas._index", path: "/ideas", get: "everyone" },
  { file: "ideas.feed[.]xml", path: "/ideas/feed.xml", get: "everyone" },
  { file: "ideas.new", path: "/ideas/new?lifeEvent=relocation&question=moveDate", get: signedIn, post: signedIn, form: { kind: "idea", title: "", body: "" } },
  {
    file: "ideas.$ideaId",
    path: () => `/ideas/${fixtures.ideaId}`,
    get: "everyone",
    post: ["designer"],
    form: { intent: "answer", status: "underReview", message: "検討します" },
  },
  { file: "account_.ideas", path: "/account/ideas", get: signedIn },
  // The satisfaction question about the citizen's own case: a 404 for everyone else.
  {
    file: "cases.$reference_.satisfaction",
    path: () => `/cases/${fixtures.citizenCaseReference}/satisfaction`,
    get: ["citizen"],
    post: ["citizen"],
    form: { rating: "4", comment: "" },
  },
  // Identity
  { file: "sign-in", path: "/sign-in", get: "everyone", post: "everyone", form: { intent: "demo", loginId: "ito" } },
  { file: "sign-in_.two-factor", path: "/sign-in/two-factor", get: signedIn, post: signedIn, form: { code: "123456" } },
  { file: "sign-in_.passkey", path: "/sign-in/passkey", get: [], post: "everyone", form: { intent: "options" } },
  { file: "sign-out", path: "/sign-out", get: "everyone", post: "everyone", form: { intent: "this" } },
  { file: "session", path: "/session", get: signedIn, post: signedIn, form: { intent: "extend" } },
  { file: "session_.status", path: "/session/status", get: "everyone" },
  // (Removing another person's passkey is refused with a 404: app/routes/account.test.ts.)
  { file: "account", path: "/account", get: signedIn, post: signedIn, form: { intent: "check-access-only" } },
  { file: "account_.passkeys", path: "/account/passkeys", get: [], post: signedIn, form: { intent: "options" } },
  { file: "account_.two-factor", path: "/account/two-factor", get: signedIn, post: signedIn, form: { code: "123456", enrolmentId: "x" } },
  { file: "account_.confirm", path: "/account/confirm", get: signedIn, post: signedIn, form: { password: "" } },
  { file: "account_.data-use", path: "/account/data-use", get: applicants },
  { file: "act-for", path: "/act-for", get: applicants, post: ["actingCitizen"], form: { subjectId: "p-sato-daichi" } },
];
