// What every benchmark script shares: options from argv, a keep-alive HTTP load loop, a process's CPU and
// RSS from /proc, medians and percentiles. Figures are compared as ratios inside one run, never against
// fixed numbers: the machine is shared and absolute figures move with its load.
import { readFileSync } from "node:fs";
import http from "node:http";

/** `--name value` or `--name=value` from argv; `--flag` alone is "true". */
export function option(name: string, fallback: string): string;
export function option(name: string): string | undefined;
export function option(name: string, fallback?: string): string | undefined {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === `--${name}`) return args[i + 1] && !args[i + 1].startsWith("--") ? args[i + 1] : "true";
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return fallback;
}
export const flag = (name: string) => option(name) !== undefined && option(name) !== "false";
export const numberOption = (name: string, fallback: number) => Number(option(name, String(fallback)));

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

const clockTicks = 100; // USER_HZ on Linux

/** CPU time (user + system, every thread) a process has used, in ms; NaN where /proc is missing. */
export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return NaN;
  }
}

/** Resident memory of a process in MiB; NaN where /proc is missing. */
export function rssMiBOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

export type LoadResult = { requests: number; errors: number; rps: number; p50Ms: number; p99Ms: number; cpuMsPerRequest: number };

export type LoadTarget = { url: string; headers?: Record<string, string>; method?: string; body?: string; expectStatus?: number };

/**
 * Keeps `concurrency` requests in flight against one address for `durationMs` over keep-alive connections,
 * and reports requests per second, latency percentiles and the server process's CPU per request.
 */
export async function load(
  target: LoadTarget,
  { durationMs, concurrency, serverPid, maxRequests = Infinity }: { durationMs: number; concurrency: number; serverPid: number; maxRequests?: number },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL(target.url);
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const cpuBefore = cpuMsOf(serverPid);
  const started = performance.now();
  const deadline = started + durationMs;
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.request(
        { agent, host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: target.method ?? "GET", headers: target.headers },
        (res) => {
          res.on("data", () => {});
          res.on("end", () => {
            if (res.statusCode !== (target.expectStatus ?? 200)) errors++;
            latencies.push(performance.now() - t0);
            resolve();
          });
        },
      );
      req.on("error", () => {
        errors++;
        resolve();
      });
      if (target.body) req.write(target.body);
      req.end();
    });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline && sent < maxRequests) {
        sent++;
        await one();
      }
    }),
  );
  const elapsed = performance.now() - started;
  const cpu = cpuMsOf(serverPid) - cpuBefore;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    rps: (latencies.length * 1000) / elapsed,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    cpuMsPerRequest: cpu / Math.max(1, latencies.length),
  };
}

/** Prints the result: a readable summary on stderr unless --json, and always the JSON object as the last line. */
export function report(result: unknown, summary: string) {
  if (!flag("json")) process.stderr.write(`${summary}\n`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
