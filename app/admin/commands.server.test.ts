import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditEntries, procedureRequests } from "../../db/schema";
import { createTestDatabase } from "../../tests/setup/test-db";
import { submitSampleCase } from "../../tests/factories";
import { refuseAll } from "../../tests/setup/office";
import { readAgencyEndpoint } from "../delivery/endpoints.server";
import { listDeadLetterSummaries } from "./dead-letters.server";
import { runAdminCommand } from "./commands.server";

const { db, close } = createTestDatabase();
afterAll(close);

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runAdminCommand(db, argv, { out: (line) => out.push(line), err: (line) => err.push(line), actor: "cli:tester", origin: "https://madoguchi.example" });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("npm run admin", () => {
  it("lists, retries and closes dead letters, audited as the command's user; refusals exit 1 with a reason and change nothing", async () => {
    submitSampleCase(db, "relocation", "p-ito-yuki");
    await refuseAll(db);
    const dead = listDeadLetterSummaries(db, { lang: "en" });
    expect(dead.length).toBeGreaterThan(2);

    const listed = run("dead-letters", "--agency", "japan-post");
    expect(listed.code).toBe(0);
    expect(listed.out.split("\n")).toHaveLength(1);
    expect(listed.out).toContain("attempt 1: HTTP 400");

    const [first, second] = dead;
    expect(run("retry", first.outboxId)).toMatchObject({ code: 0, out: "The delivery will be sent again." });
    expect(run("retry", first.outboxId)).toMatchObject({ code: 1, err: expect.stringContaining("Nothing was changed") });

    const audited = db.select().from(auditEntries).all().length;
    expect(run("close", second.outboxId)).toMatchObject({ code: 1, err: "Enter the reason the applicant will read. Nothing was changed." });
    expect(run("close", second.outboxId, "--reason", "<b>x</b>").code).toBe(1);
    expect(db.select().from(auditEntries).all().length).toBe(audited);
    expect(run("close", second.outboxId, "--reason", "郵送でご案内します。").code).toBe(0);
    expect(db.select().from(procedureRequests).where(eq(procedureRequests.id, second.procedureRequestId)).get()!.status).toBe("closedOutside");
    expect(db.select().from(auditEntries).all().at(-1)).toMatchObject({ actor: "cli:tester", action: "procedure.operator.closed" });

    const all = run("retry-all", dead[2].agencyId);
    expect(all.code).toBe(0);
    expect(run("retry-all", "no-such-organisation")).toMatchObject({ code: 1 });
    expect(run("frobnicate").code).toBe(2);
    expect(run("help")).toMatchObject({ code: 0, out: expect.stringContaining("retry-all <organisation id>") });
  });

  it("sets an organisation's endpoint with a new secret and rotates it, through the same functions as the page", () => {
    const set = run("set-agency-endpoint", "japan-post", "--url", "https://post.example.jp/madoguchi");
    expect(set).toMatchObject({ code: 0, out: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    // The command always gives a new secret (it replaces a demo one at once); the page keeps an existing one.
    const again = run("set-agency-endpoint", "japan-post", "--url", "https://post.example.jp/v2");
    expect(again.out).not.toBe(set.out);
    expect(readAgencyEndpoint(db, { agencyId: "japan-post" })).toEqual({ url: "https://post.example.jp/v2", secrets: [again.out] });
    const rotated = run("rotate-secret", "japan-post", "--overlap-hours", "1");
    expect(rotated.code).toBe(0);
    expect(readAgencyEndpoint(db, { agencyId: "japan-post" })!.secrets).toEqual([rotated.out, again.out]);
    expect(run("rotate-secret", "japan-post", "--overlap-hours", "5")).toMatchObject({ code: 1, err: "Choose an overlap from the list. Nothing was changed." });
    expect(run("rotate-secret", "municipality-13104")).toMatchObject({ code: 1, err: expect.stringContaining("back office") });
    expect(db.select().from(auditEntries).all().filter((entry) => entry.actor === "cli:tester" && entry.action.startsWith("agency.")).map((entry) => entry.action)).toEqual([
      "agency.endpoint.set",
      "agency.endpoint.changed",
      "agency.secret.rotated",
    ]);
  });
});
