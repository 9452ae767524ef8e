// The account page: its own passkeys only (an id from another account is a 404), and its sessions.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPasskey } from "../../db/queries/passkeys";
import { passkeys } from "../../db/schema";
import { browserRequest, run, signedInBrowser, useSeededDatabase } from "../../tests/setup/auth";
import * as account from "./account";

let db: Awaited<ReturnType<typeof useSeededDatabase>>["db"];
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededDatabase()));
afterAll(() => close());
const args = (request: Request) => ({ request, params: {}, context: {} });

describe("account page", () => {
  it("lists the person's own passkeys and sessions, and removes only their own passkey", async () => {
    const now = new Date().toISOString();
    createPasskey(db, { id: "cred-tanaka", userId: "u-tanaka-ichiro", publicKey: "x", deviceType: "multiDevice", createdAt: now });
    const suzuki = await signedInBrowser(db, "suzuki");
    const page = await run(() => account.loader(args(browserRequest("/account", { as: suzuki }))));
    expect(JSON.stringify(page.data)).not.toContain("cred-tanaka");

    const steal = await run(() => account.action(args(browserRequest("/account", { as: suzuki, form: { intent: "delete-passkey", passkeyId: "cred-tanaka" } }))));
    expect(steal.status).toBe(404);
    expect(db.select().from(passkeys).where(eq(passkeys.id, "cred-tanaka")).get()).toBeDefined();

    const tanaka = await signedInBrowser(db, "tanaka");
    const own = await run(() => account.loader(args(browserRequest("/account", { as: tanaka }))));
    const data = own.data as { passkeys: { id: string }[]; sessions: { current: boolean }[] };
    expect(data.passkeys.map((p) => p.id)).toEqual(["cred-tanaka"]);
    expect(data.sessions.filter((s) => s.current)).toHaveLength(1);
    const removed = await run(() => account.action(args(browserRequest("/account", { as: tanaka, form: { intent: "delete-passkey", passkeyId: "cred-tanaka" } }))));
    expect(removed.response!.headers.get("Location")).toBe("/account?passkey=removed");
    expect(db.select().from(passkeys).where(eq(passkeys.id, "cred-tanaka")).get()).toBeUndefined();
  });
});
