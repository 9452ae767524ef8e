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
  { file: "life-events.$lifeEventId", path: "/life-events/relocation", get: "everyone" },
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
  { file: "account_.data-use", path: "/account/data-use", get: applicants },
  { file: "act-for", path: "/act-for", get: applicants, post: ["actingCitizen"], form: { subjectId: "p-sato-daichi" } },
];
