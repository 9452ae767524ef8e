// Starts a production build (the portal's or the bare app's) with tests/bench/support/serve.mjs on a port the
// system picks, prepares a throw-away data folder for the portal, and signs people in over HTTP like a browser.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export type Server = { url: string; pid: number; child: ChildProcess; stop: () => Promise<void> };

export const root = process.cwd();

/** Runs `remix vite:build` for a config (the portal's by default); throws with its output when it fails. */
export function buildApp(config = ".config/vite.config.ts") {
  const result = spawnSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "vite:build", "--config", config], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`build of ${config} failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * The options `npm start` gives node before the server's script (package.json, scripts.start), e.g. the V8 heap
 * settings: the benchmarks run both servers with them, so they measure the server as it is deployed.
 */
export function startNodeFlags(): string[] {
  const start = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
  const flags = /\bnode((?:\s+--[\w-]+(?:=\S+)?)*)\s+\S+\.js/.exec(start)?.[1] ?? "";
  return flags.split(/\s+/).filter(Boolean);
}

/** Starts serve.mjs for a server build, with node started as `npm start` starts it, and waits for the port it listens on. */
export async function startServer(serverBuild: string, env: NodeJS.ProcessEnv = process.env): Promise<Server> {
  const child = spawn(process.execPath, [...startNodeFlags(), path.join(root, "tests/bench/support/serve.mjs"), serverBuild], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk) => (output += chunk));
    child.once("exit", (code) => reject(new Error(`${serverBuild} exited with ${code}:\n${output}`)));
  });
  // Keep draining its output so a chatty server never blocks on a full pipe.
  child.stdout!.resume();
  child.stderr!.resume();
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

/** A throw-away data folder, migrated and seeded with the demo data by the same step `npm start` runs. */
export function prepareDataFolder(extraEnv: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "madoguchi-bench-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_PATH: path.join(dir, "portal.db"),
    MADOGUCHI_DATA_DIR: dir,
    SKIP_BUILD: "1",
    MADOGUCHI_TEST_PASSWORD_LOG_N: "10",
    ...extraEnv,
  };
  const prepared = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "app/cli/prepare.ts"], { cwd: root, env, encoding: "utf8" });
  if (prepared.status !== 0) throw new Error(`prepare failed: ${prepared.stderr || prepared.stdout}`);
  return { dir, env, databasePath: env.DATABASE_PATH!, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A browser's cookies for one site, and requests that carry them (no redirect following). */
export class Browser {
  private readonly cookies = new Map<string, string>();
  constructor(readonly origin: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async request(pathname: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { cookie: this.cookieHeader };
    let body: string | undefined;
    if (init.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      headers.origin = this.origin;
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(`${this.origin}${pathname}`, { method: init.method ?? (body ? "POST" : "GET"), headers, body, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** The CSRF token a page's forms carry. */
  async csrfToken(pathname = "/sign-in"): Promise<string> {
    const html = await (await this.request(pathname)).text();
    const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error(`no CSRF token on ${pathname}`);
    return token;
  }

  /** Posts a form with this browser's CSRF token; returns the response (a redirect, usually). */
  async post(pathname: string, form: Record<string, string>): Promise<Response> {
    const csrf = await this.csrfToken(pathname === "/sign-in" ? "/sign-in" : pathname);
    return this.request(pathname, { form: { ...form, csrf } });
  }

  /** Signs in with the demo mode's shortcut (no password or second factor), as a browser would. */
  async signInAsDemo(loginId: string) {
    const response = await this.post("/sign-in", { intent: "demo", loginId });
    if (response.status !== 302 && response.status !== 303) throw new Error(`sign-in as ${loginId} answered ${response.status}`);
  }
}
