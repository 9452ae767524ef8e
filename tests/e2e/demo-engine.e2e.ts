// As a citizen trying the demo, I submit a move and, without anyone doing anything, the agencies that take
// procedures over HTTP receive them and decide: the server's dispatcher and its agency simulator at work.
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../db/client.server";
import { procedureRequests } from "../../db/schema";
import { submitSampleCase } from "../factories";
import { freePort, startPortal, type Portal } from "./support/portal";

describe("the demo engine", () => {
  let portal: Portal;
  let db: Db;

  beforeAll(async () => {
    portal = await startPortal({ AGENCY_SIMULATOR_PORT: String(await freePort()), AGENCY_SIMULATOR_DELAY_MS: "500" });
    db = openDatabase(portal.databasePath);
  });

  afterAll(async () => {
    db?.$client.close();
    await portal?.stop();
  });

  it("delivers a submitted case to its http agencies, which decide by signed callback", async () => {
    const { procedureRequests: requests } = submitSampleCase(db, "relocation", "p-tanaka-ichiro", { maxAttempts: 8 });
    const http = requests.filter((request) => ["electricity-move", "gas-move", "internet-move", "mail-forwarding"].includes(request.procedureId));
    const decided = ["accepted", "rejected", "informationRequested"];
    const statuses = () => db.select().from(procedureRequests).where(inArray(procedureRequests.id, http.map((request) => request.id))).all().map((row) => row.status);
    for (let i = 0; i < 600 && !statuses().every((status) => decided.includes(status)); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(statuses().every((status) => decided.includes(status))).toBe(true);
    const moveOut = db.select().from(procedureRequests).where(inArray(procedureRequests.id, requests.map((r) => r.id))).all().find((r) => r.procedureId === "move-out-notification");
    // The municipality works from its inbox: delivered, waiting for an officer.
    expect(moveOut?.status).toBe("delivered");
  });
});
