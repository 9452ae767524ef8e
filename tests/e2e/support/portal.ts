// Starts the built portal for browser stories: a fresh database in a temp folder, migrated and seeded by
// the same step `npm start` runs, then remix-serve started as `node` so its pid is the server's.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser";

export type Portal = { url: string; databasePath: string; env: NodeJS.ProcessEnv; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 30_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`portal exited early with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`portal did not answer at ${url} within ${timeoutMs} ms`);
}

export async function startPortal(extraEnv: Record<string, string> = {}): Promise<Portal> {
  const root = process.cwd();
  const dir = mkdtempSync(path.join(os.tmpdir(), "madoguchi-e2e-"));
  const port = await freePort();
  const simulatorPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...{ NODE_ENV: "production" },
    DATABASE_PATH: path.join(dir, "portal.db"),
    MADOGUCHI_DATA_DIR: dir,
    PORT: String(port),
    HOST: "127.0.0.1",
    SKIP_BUILD: "1",
    // The agency simulator runs inside the portal (demo mode) on a port of its own, deciding quickly.
    AGENCY_SIMULATOR_PORT: String(simulatorPort),
    AGENCY_SIMULATOR_DELAY_MS: "300",
    // Cheap password hashes for the demo accounts (ignored in production mode).
    MADOGUCHI_TEST_PASSWORD_LOG_N: "10",
    // The demo people move in spring 2026: the portal files on 1 March 2026 (ignored in production mode).
    MADOGUCHI_TEST_TODAY: "2026-03-01",
    ...extraEnv,
  };
  const prepared = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "app/cli/prepare.ts"], { cwd: root, env, encoding: "utf8" });
  if (prepared.status !== 0) throw new Error(`prepare failed: ${prepared.stderr || prepared.stdout}`);
  const child = spawn(process.execPath, ["node_modules/@remix-run/serve/dist/cli.js", "build/server/index.js"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(url, child);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return {
    url,
    databasePath: env.DATABASE_PATH!,
    env,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For a describe block of browser stories: a portal (with `env`) and a Chromium started before the stories
 * and stopped after them. Read `story.portal` and `story.browser` inside the tests.
 */
export function usePortalAndBrowser(env: Record<string, string> = {}) {
  const story = {} as { portal: Portal; browser: Browser };
  beforeAll(async () => {
    story.portal = await startPortal(env);
    story.browser = await launchBrowser();
  });
  afterAll(async () => {
    await story.browser?.close();
    await story.portal?.stop();
  });
  return story;
}
