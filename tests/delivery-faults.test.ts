// Fault test: deliveries to an agency simulator that fails 30% of the time (errors, timeouts, and responses
// lost after applying), with two dispatchers on one database. Every procedure must end delivered or visibly
// dead-lettered, and the simulator must have applied each delivery at most once.
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/client.server";
import { outbox, procedureRequests } from "../db/schema";
import { Dispatcher } from "../app/delivery/dispatcher.server";
import { seedAgencyEndpoints } from "../app/demo/seed.server";
import { startAgencySimulator } from "../app/demo/simulator/agency-simulator.server";
import { createTestDatabase } from "./setup/test-db";
import { submitSampleCase } from "./factories";

const { db, file, close } = createTestDatabase();
afterAll(close);

describe("delivery under agency faults", () => {
  it("ends every procedure delivered or dead-lettered, applied at most once", async () => {
    const simulator = await startAgencySimulator({ faults: { errorRate: 0.1, timeoutRate: 0.1, lostResponseRate: 0.1 }, log: () => {} });
    const second = openDatabase(file);
    try {
      seedAgencyEndpoints(db, { baseUrl: simulator.url });
      for (let i = 0; i < 30; i++) submitSampleCase(db, "relocation", i % 2 ? "p-tanaka-ichiro" : "p-sato-kenji", { maxAttempts: 4 });
      // The simulator runs in this process: on a busy machine a short delivery timeout would fire before it even
      // reads a delivery, and it would never get to inject its own faults. Its silent "timeouts" cost 2 s each.
      const config = { backoffBaseMs: 5, backoffCapMs: 40, timeoutMs: 2_000, leaseMs: 5_000, pollMs: 10, concurrency: 12, log: () => {} };
      const dispatchers = [new Dispatcher({ db, ...config }), new Dispatcher({ db: second, ...config })];
      dispatchers.forEach((dispatcher) => dispatcher.start());
      const pending = () => db.select({ id: outbox.id }).from(outbox).where(eq(outbox.status, "pending")).all().length;
      // Until nothing is due: a hang is stopped by the test's time limit, which no healthy run comes near.
      while (pending() > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      await Promise.all(dispatchers.map((dispatcher) => dispatcher.stop()));

      const rows = db.select().from(outbox).all();
      const requests = new Map(db.select().from(procedureRequests).all().map((row) => [row.id, row]));
      expect(rows.length).toBeGreaterThanOrEqual(150);
      for (const row of rows) {
        const request = requests.get(row.procedureRequestId)!;
        if (row.status === "delivered") expect(request.status).toBe("delivered");
        else {
          // Visible to an operator: dead, with the last error, and the request says so too.
          expect(row.status).toBe("dead");
          expect(row.lastError).toMatch(/^attempt 4: (HTTP 500|timeout after 2000 ms|connection failed)/);
          expect(request.status).toBe("deadLettered");
        }
      }
      const stats = simulator.stats();
      expect(stats.faults.error).toBeGreaterThan(0);
      expect(stats.faults.timeout).toBeGreaterThan(0);
      expect(stats.faults.lostResponse).toBeGreaterThan(0);
      expect(stats.repeats).toBeGreaterThan(0);
      expect(Object.values(stats.applications).every((count) => count === 1)).toBe(true);
      expect(Object.values(stats.applicationsByDelivery).every((count) => count === 1)).toBe(true);
      // Every http delivery that the portal recorded as delivered was applied by the agency.
      const httpDelivered = rows.filter((row) => row.status === "delivered" && requests.get(row.procedureRequestId)!.agencyReference);
      expect(httpDelivered.every((row) => stats.applications[row.idempotencyKey] === 1)).toBe(true);
    } finally {
      second.$client.close();
      await simulator.stop();
    }
  }, 900_000);
});
