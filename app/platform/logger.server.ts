// A tiny structured JSON logger for server code. Personal data must never reach a log, so values under
// personal or secret key names are redacted before anything is written.

type Level = "debug" | "info" | "warn" | "error";
type Fields = Record<string, unknown>;

/** Key names whose values are replaced by "[redacted]", compared case-insensitively and ignoring _ and -. */
const redactedKeys = [
  "name",
  "displayname",
  "firstname",
  "lastname",
  "fullname",
  "kana",
  "address",
  "postalcode",
  "birthdate",
  "dateofbirth",
  "mynumber",
  "individualnumber",
  // Every identity number (flows' identityNumberFields; the logger's test checks the list stays complete).
  "basicpensionnumber",
  "driverslicencenumber",
  "licencenumber",
  "residencecardnumber",
  "labourinsurancenumber",
  "email",
  "phone",
  "tel",
  "password",
  "newpassword",
  "currentpassword",
  "passwordhash",
  "token",
  "csrf",
  "secret",
  "totpsecret",
  "otp",
  "code",
  "cookie",
  "setcookie",
  "authorization",
  "answers",
  "payload",
  "body",
  "accountnumber",
  "bankaccount",
  "iban",
];

const normalise = (key: string) => key.toLowerCase().replace(/[-_]/g, "");
const redactedSet = new Set(redactedKeys);

export function isRedactedKey(key: string): boolean {
  const k = normalise(key);
  return redactedSet.has(k) || k.endsWith("token") || k.endsWith("secret") || k.endsWith("password");
}

/**
 * Copies a value with every personal or secret field replaced by "[redacted]". Protects against personal
 * data leaking into logs, which are kept longer and read by more people than the database.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return "[truncated]";
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, isRedactedKey(k) ? "[redacted]" : redact(v, depth + 1)]),
    );
  }
  return value;
}

export type LogSink = (line: string, level: Level) => void;

const defaultSink: LogSink = (line, level) => {
  if (process.env.MADOGUCHI_LOG === "silent") return;
  if (level === "error" || level === "warn") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
};

let sink: LogSink = defaultSink;

/** Replaces where log lines go (tests capture them); returns a function that restores the previous sink. */
export function setLogSink(next: LogSink): () => void {
  const previous = sink;
  sink = next;
  return () => {
    sink = previous;
  };
}

function write(level: Level, message: string, fields: Fields = {}) {
  if (level === "debug" && process.env.MADOGUCHI_DEBUG !== "1") return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...(redact(fields) as Fields) });
  sink(line, level);
}

export const logger = {
  debug: (message: string, fields?: Fields) => write("debug", message, fields),
  info: (message: string, fields?: Fields) => write("info", message, fields),
  warn: (message: string, fields?: Fields) => write("warn", message, fields),
  error: (message: string, fields?: Fields) => write("error", message, fields),
};
