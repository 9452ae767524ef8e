// HTTP benchmark (`npm run bench:http`): the portal's production build against a bare Remix v2 route (the tiny
// app in tests/bench/bare/, same Remix, React and Vite), both served by the same express server
// (support/serve.mjs) on ports the system picks, node started with the options `npm start` gives it (the V8 heap
// settings). For each page type, rounds alternate bare and portal runs of
// the same length and concurrency, so both see the same machine load; a page's ratio is its requests per
// second over the bare route's in the same round, median of the rounds.
//
// Pages: start (`/`, anonymous), question (a moving-house question, signed in as tanaka), status (tanaka's
// case page), inbox (`/office` as officer.shinjuku, 50 rows). CPU per request is the server process's user +
// system time over the requests it answered. rssMiB is the portal's resident memory after the rounds and
// after `--mixed` more requests spread over the four pages.
//
// Usage: npm run bench:http [-- --json] [--rounds 3] [--duration 3] [--concurrency 8] [--mixed 2000] [--skip-build]
//        [--pages status,inbox] (only these page types; the memory figure then comes from these pages only)
//   last line: {"pages":[{"page","rps","p50Ms","p99Ms","cpuMsPerRequest","ratio"}],"rssMiB":n,"bare":{...},...}
import "../setup/run-keys";
import os from "node:os";
import { openDatabase } from "../../db/client.server";
import { Dispatcher } from "../../app/delivery/dispatcher.server";
import { submitSampleCase } from "../factories";
import { flag, option, load, median, numberOption, report, round, rssMiBOf, type LoadResult, type LoadTarget } from "./support/measure";
import { Browser, buildApp, prepareDataFolder, startNodeFlags, startServer } from "./support/portal";

const rounds = numberOption("rounds", 3);
const durationMs = numberOption("duration", 3) * 1000;
const concurrency = numberOption("concurrency", 8);
const mixed = numberOption("mixed", 2000);
const inboxRows = 50;
const onlyPages = option("pages")?.split(",");

type PageName = "start" | "question" | "status" | "inbox";

/** The portal's data: tanaka's case for the status page, and 50 move-outs delivered to 新宿区's inbox. */
function seed(databasePath: string) {
  const db = openDatabase(databasePath);
  const tanaka = submitSampleCase(db, "relocation", "p-tanaka-ichiro");
  for (let i = 0; i < inboxRows; i++) submitSampleCase(db, "relocation", "p-nguyen-thi-lan");
  db.$client.close();
  return { caseReference: tanaka.case.reference };
}

/** Delivers every due outbox row at once (every agency answers 200), so the inbox has its rows. */
async function deliverAll(databasePath: string) {
  const db = openDatabase(databasePath);
  const dispatcher = new Dispatcher({ db, connectors: () => ({ deliver: async () => ({ ok: true }) }), log: () => {}, concurrency: 32 });
  while ((await dispatcher.runOnce()) > 0);
  db.$client.close();
}

async function main() {
  if (!flag("skip-build")) {
    process.stderr.write("bench:http: building the portal and the bare app…\n");
    buildApp();
    buildApp("tests/bench/bare/vite.config.ts");
  }
  const data = prepareDataFolder({ DISPATCHER: "off", AGENCY_SIMULATOR: "off" });
  const { caseReference } = seed(data.databasePath);
  await deliverAll(data.databasePath);

  const portal = await startServer("build/server/index.js", data.env);
  const bare = await startServer("tests/bench/bare/build/server/index.js", { ...process.env, NODE_ENV: "production" });
  try {
    const citizen = new Browser(portal.url);
    await citizen.signInAsDemo("tanaka");
    const started = await citizen.post("/life-events/relocation", {});
    const questionPath = started.headers.get("location");
    if (!questionPath?.includes("/questions/")) throw new Error(`starting the journey answered ${started.status} ${questionPath}`);
    const officer = new Browser(portal.url);
    await officer.signInAsDemo("officer.shinjuku");

    const targets: Record<PageName, LoadTarget> = {
      start: { url: `${portal.url}/` },
      question: { url: `${portal.url}${questionPath}`, headers: { cookie: citizen.cookieHeader } },
      status: { url: `${portal.url}/cases/${caseReference}`, headers: { cookie: citizen.cookieHeader } },
      inbox: { url: `${portal.url}/office`, headers: { cookie: officer.cookieHeader } },
    };
    const inboxHtml = await (await fetch(targets.inbox.url, { headers: targets.inbox.headers })).text();
    const listed = (inboxHtml.match(/href="\/office\/requests\//g) ?? []).length;
    if (listed < inboxRows) throw new Error(`the inbox lists ${listed} requests, expected ${inboxRows}`);
    const bareTarget: LoadTarget = { url: `${bare.url}/` };

    // Warm up both servers (JIT, caches) before anything counts.
    for (const target of [bareTarget, ...Object.entries(targets).filter(([page]) => !onlyPages || onlyPages.includes(page)).map(([, t]) => t)]) {
      const pid = target === bareTarget ? bare.pid : portal.pid;
      const warm = await load(target, { durationMs: 1000, concurrency, serverPid: pid });
      if (warm.errors > 0) throw new Error(`${target.url} answered ${warm.errors} errors while warming up`);
    }

    const pages = (Object.keys(targets) as PageName[]).filter((page) => !onlyPages || onlyPages.includes(page));
    const runs: Record<PageName, { portal: LoadResult; bare: LoadResult }[]> = { start: [], question: [], status: [], inbox: [] };
    for (let r = 0; r < rounds; r++) {
      for (const page of pages) {
        // Alternate which goes first, so neither always runs on a machine warmed (or loaded) by the other.
        const bareFirst = r % 2 === 0;
        const first = await load(bareFirst ? bareTarget : targets[page], { durationMs, concurrency, serverPid: bareFirst ? bare.pid : portal.pid });
        const second = await load(bareFirst ? targets[page] : bareTarget, { durationMs, concurrency, serverPid: bareFirst ? portal.pid : bare.pid });
        runs[page].push(bareFirst ? { bare: first, portal: second } : { portal: first, bare: second });
        process.stderr.write(`round ${r + 1} ${page}: portal ${runs[page].at(-1)!.portal.rps.toFixed(0)}/s, bare ${runs[page].at(-1)!.bare.rps.toFixed(0)}/s\n`);
      }
    }
    let portalRequests = pages.reduce((sum, page) => sum + runs[page].reduce((s, run) => s + run.portal.requests, 0), 0);
    // Mixed requests for the memory figure: the four pages in turn, 100 at a time.
    for (let done = 0, i = 0; done < mixed; i++) {
      const chunk = await load(targets[pages[i % pages.length]], { durationMs: Infinity, maxRequests: Math.min(100, mixed - done), concurrency, serverPid: portal.pid });
      done += chunk.requests;
      portalRequests += chunk.requests;
    }
    const rssMiB = rssMiBOf(portal.pid);

    const summarise = (results: LoadResult[]) => ({
      rps: round(median(results.map((x) => x.rps)), 1),
      p50Ms: round(median(results.map((x) => x.p50Ms))),
      p99Ms: round(median(results.map((x) => x.p99Ms))),
      cpuMsPerRequest: round(median(results.map((x) => x.cpuMsPerRequest))),
      errors: results.reduce((sum, x) => sum + x.errors, 0),
    });
    const result = {
      pages: pages.map((page) => {
        const portalRuns = runs[page].map((run) => run.portal);
        const bareRuns = runs[page].map((run) => run.bare);
        const bareSummary = summarise(bareRuns);
        const summary = summarise(portalRuns);
        return {
          page,
          ...summary,
          ratio: round(median(runs[page].map((run) => run.portal.rps / run.bare.rps)), 3),
          cpuRatio: round(summary.cpuMsPerRequest / bareSummary.cpuMsPerRequest, 2),
          bare: bareSummary,
        };
      }),
      rssMiB: round(rssMiB, 1),
      bareRssMiB: round(rssMiBOf(bare.pid), 1),
      portalRequests,
      settings: { rounds, durationMs, concurrency, mixed, nodeFlags: startNodeFlags() },
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "unknown", node: process.version, load1: round(os.loadavg()[0]) },
    };
    const lines = result.pages.map(
      (p) => `${p.page.padEnd(9)} ${String(p.rps).padStart(7)}/s  p50 ${p.p50Ms} ms  p99 ${p.p99Ms} ms  cpu ${p.cpuMsPerRequest} ms/req  ratio ${p.ratio} (bare ${p.bare.rps}/s, ${p.bare.cpuMsPerRequest} ms/req)`,
    );
    report(result, [...lines, `portal RSS ${result.rssMiB} MiB after ${portalRequests} requests (bare ${result.bareRssMiB} MiB)`].join("\n"));
  } finally {
    await portal.stop();
    await bare.stop();
    data.remove();
  }
}

await main();
