// The dispatcher's knobs, read from the environment in one place so the server, the worker and the tests
// agree. Tests pass small values (few attempts, tiny backoff) instead of waiting on real delays.
export type EngineConfig = {
  /** Delivery attempts before a procedure is dead-lettered (the case machine decides with it). */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** The longest Retry-After the dispatcher honours; longer ones are cut to this. */
  retryAfterCapMs: number;
  leaseMs: number;
  pollMs: number;
  timeoutMs: number;
  concurrency: number;
};

const number = (value: string | undefined, fallback: number) => {
  const parsed = value === undefined || value === "" ? NaN : Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
};

export function engineConfig(env: NodeJS.ProcessEnv = process.env): EngineConfig {
  const timeoutMs = number(env.DELIVERY_TIMEOUT_MS, 5_000);
  return {
    maxAttempts: Math.max(1, Math.floor(number(env.DISPATCHER_MAX_ATTEMPTS, 8))),
    backoffBaseMs: number(env.DISPATCHER_BACKOFF_BASE_MS, 1_000),
    backoffCapMs: number(env.DISPATCHER_BACKOFF_CAP_MS, 5 * 60_000),
    retryAfterCapMs: number(env.DISPATCHER_RETRY_AFTER_CAP_MS, 60 * 60_000),
    // The lease outlasts the longest delivery (its timeout) with room for the writes around it.
    leaseMs: Math.max(number(env.DISPATCHER_LEASE_MS, 30_000), timeoutMs + 1_000),
    pollMs: number(env.DISPATCHER_POLL_MS, 500),
    timeoutMs,
    concurrency: Math.max(1, Math.floor(number(env.DISPATCHER_CONCURRENCY, 8))),
  };
}
