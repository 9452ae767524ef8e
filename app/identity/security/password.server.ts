// Password hashing with scrypt from node:crypto at OWASP's recommended cost (N=2^17, r=8, p=1).
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from "node:crypto";
import { isProductionMode } from "../../platform/mode.server";

const PRODUCTION_LOG_N = 17;

/**
 * The cost of new hashes: 2^17. Test runs (and only they) lower it with MADOGUCHI_TEST_PASSWORD_LOG_N (10–16),
 * so that seeding a dozen demo accounts does not take a busy machine minutes; production mode ignores it. A
 * stored hash carries its own cost, so verifying works whatever the cost it was made with.
 */
function costLogN(): number {
  const lowered = Number(process.env.MADOGUCHI_TEST_PASSWORD_LOG_N);
  return !isProductionMode() && Number.isInteger(lowered) && lowered >= 10 && lowered < PRODUCTION_LOG_N ? lowered : PRODUCTION_LOG_N;
}
const R = 8;
const P = 1;
const KEY_LENGTH = 64;
/** scrypt needs 128 * N * r bytes (128 MiB at N=2^17); Node's default limit is 32 MiB. */
const maxmemFor = (logN: number, r: number) => 128 * 2 ** logN * r + 16 * 1024 * 1024;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { N: 2 ** logN, r, p, maxmem: maxmemFor(logN, r) }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

function format(logN: number, r: number, p: number, salt: Buffer, key: Buffer) {
  return ["scrypt", logN, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/**
 * Hashes a password with a fresh 16-byte salt, as `scrypt$<logN>$<r>$<p>$<salt>$<hash>`. The cost makes
 * guessing from a stolen database slow; the salt defeats precomputed tables; the parameters are stored
 * so they can be raised later.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const logN = costLogN();
  return format(logN, R, P, salt, await derive(password, salt, logN, R, P));
}

/** The same, synchronously: only for the one-transaction demo seed. */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(16);
  const logN = costLogN();
  const key = scryptSync(password.normalize("NFKC"), salt, KEY_LENGTH, { N: 2 ** logN, r: R, p: P, maxmem: maxmemFor(logN, R) });
  return format(logN, R, P, salt, key);
}

/**
 * Checks a password against a stored hash with a constant-time comparison (no timing side channel).
 * With no stored hash it still spends the same time, so response times do not reveal which login ids exist.
 */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parts = (stored ?? "").split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") {
    await derive(password, DUMMY_SALT, costLogN(), R, P);
    return false;
  }
  const [, logN, r, p, salt, hash] = parts;
  const expected = Buffer.from(hash, "base64url");
  const actual = await derive(password, Buffer.from(salt, "base64url"), Number(logN), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const DUMMY_SALT = Buffer.alloc(16, 7);
