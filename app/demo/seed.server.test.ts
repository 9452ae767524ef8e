import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getUserByLoginId } from "../../db/queries/users";
import { users } from "../../db/schema";
import { createTestDatabase } from "../../tests/setup/test-db";
import { DEMO_PASSWORD } from "./demo-accounts.server";
import { verifyPassword } from "../identity/security/password.server";
import { addMissingDemoAccounts, isSeeded, seedAgencyEndpoints, seedDemoData } from "./seed.server";

const { db, close } = createTestDatabase();
afterAll(close);

describe("demo seed", () => {
  it("seeds an empty database once, and keeps the data on the next start", async () => {
    expect(isSeeded(db)).toBe(false);
    expect(await seedDemoData(db)).toBe(true);
    expect(isSeeded(db)).toBe(true);
    expect(await seedDemoData(db)).toBe(false);
  });

  it("adds a demo account listed after the database was seeded, once, and only that one", async () => {
    const tanakaBefore = getUserByLoginId(db, { loginId: "tanaka" })!;
    db.delete(users).where(eq(users.loginId, "officer.shibuya")).run();
    expect(await addMissingDemoAccounts(db)).toEqual(["officer.shibuya"]);
    const officer = getUserByLoginId(db, { loginId: "officer.shibuya" })!;
    expect(officer).toMatchObject({ role: "officer", agencyId: "municipality-13113" });
    expect(await verifyPassword(DEMO_PASSWORD, officer.passwordHash)).toBe(true);
    expect(officer.totpSecret).toMatch(/^v1:/);
    expect(getUserByLoginId(db, { loginId: "tanaka" })).toEqual(tanakaBefore);
    expect(await addMissingDemoAccounts(db)).toEqual([]);
  });
});

describe("agency endpoints seed", () => {
  it("points every http-channel agency at the simulator once, and keeps an operator's change", async () => {
    const { listAgencies } = await import("../../flows");
    const { getAgencyEndpoint, listAgencyEndpoints } = await import("../../db/queries/agencies");
    const { readAgencyEndpoint, saveAgencyEndpoint } = await import("../delivery/endpoints.server");
    const { demoAgencySecret } = await import("../delivery/signature.server");
    const http = listAgencies().filter((agency) => agency.channel === "http");
    expect(seedAgencyEndpoints(db, { baseUrl: "http://127.0.0.1:3001" })).toBe(http.length);
    expect(listAgencyEndpoints(db)).toHaveLength(http.length);
    // Stored encrypted; read back as the demo secret the simulator derives.
    const stored = getAgencyEndpoint(db, { agencyId: "japan-post" })!;
    expect(stored).toMatchObject({ url: "http://127.0.0.1:3001/agencies/japan-post/deliveries", secret: expect.stringMatching(/^v1:/) });
    expect(stored.secret).not.toContain(demoAgencySecret("japan-post"));
    expect(readAgencyEndpoint(db, { agencyId: "japan-post" })?.secrets).toEqual([demoAgencySecret("japan-post")]);
    saveAgencyEndpoint(db, { agencyId: "japan-post", url: "https://post.example/api", secret: "rotated" });
    expect(seedAgencyEndpoints(db, { baseUrl: "http://127.0.0.1:3001" })).toBe(0);
    expect(getAgencyEndpoint(db, { agencyId: "japan-post" })?.url).toBe("https://post.example/api");
  });
});
