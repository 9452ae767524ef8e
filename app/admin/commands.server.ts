// The operations console's actions as commands for scripts (`npm run admin -- <command>`), the same
// functions the /admin pages call, so a script and a person change things the same way and are audited
// the same way (the actor is `cli:<operating-system user>`). Every refusal exits 1 and changes nothing.
import { parseArgs } from "node:util";
import type { Db } from "../../db/client.server";
import { closeOne, closeSchema, DeadLetterRefusedError, listDeadLetterSummaries, retryAllForAgency, retryOne } from "./dead-letters.server";
import { getUserByLoginId } from "../../db/queries/users";
import { changeOrganisation, createFirstAdministrator, deactivateStaff, invitationLink, inviteStaff, reactivateStaff, resetSecondFactor, StaffRefusedError } from "./staff.server";
import { inviteSchema } from "./staff-schemas";
import { readAuditQuery, searchAudit } from "./audit.server";
import enAdmin from "../../public/locales/en/admin.json";
import { AgencyRefusedError, rotateSecret, setEndpoint } from "./agencies.server";

export type CommandIo = { out: (line: string) => void; err: (line: string) => void; actor: string; origin: string };

type Command = { usage: string; summary: string; run(db: Db, args: string[], io: CommandIo): number };

/** An English message for a refusal key of the `admin` namespace (commands speak English, like the rest of the CLI). */
export function englishMessage(key: string, values: Record<string, string | number> = {}): string {
  const found = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], enAdmin);
  const text = typeof found === "string" ? found : key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ""));
}

function refusal(io: CommandIo, error: unknown): number {
  if (error instanceof DeadLetterRefusedError || error instanceof StaffRefusedError || error instanceof AgencyRefusedError) {
    io.err(englishMessage(error.refusal));
    return 1;
  }
  throw error;
}

/** A staff account by login id, or a refusal. */
function staffUserId(db: Db, loginId: string | undefined, io: CommandIo): string | undefined {
  const user = loginId ? getUserByLoginId(db, { loginId: loginId.trim().toLowerCase() }) : undefined;
  if (!user) io.err(englishMessage("staff.refused.notFound"));
  return user?.id;
}

function printLink(io: CommandIo, token: string, expiresAt: Date) {
  io.out(invitationLink(io.origin, token));
  io.err(`One-time link, shown only now; it expires at ${expiresAt.toISOString()}. Open it to set a password and enrol an authenticator app.`);
}

function invalidInput(io: CommandIo, issues: { message: string }[]): number {
  io.err(`${issues.map((issue) => englishMessage(issue.message)).join(". ")}. Nothing was changed.`);
  return 1;
}

export const commands: Record<string, Command> = {
  "create-admin": {
    usage: "create-admin --login <login id> --name <name>",
    summary: "the first administrator of a database that has none: prints a one-time link (MADOGUCHI_ORIGIN sets its address)",
    run(db, args, io) {
      const { values } = parseArgs({ args, options: { login: { type: "string" }, name: { type: "string" } } });
      const parsed = inviteSchema.safeParse({ role: "administrator", loginId: values.login, displayName: values.name });
      if (!parsed.success) return invalidInput(io, parsed.error.issues);
      try {
        const { token, expiresAt } = createFirstAdministrator(db, { loginId: parsed.data.loginId, displayName: parsed.data.displayName, actor: io.actor });
        printLink(io, token, expiresAt);
        return 0;
      } catch (error) {
        return refusal(io, error);
      }
    },
  },
  invite: {
    usage: "invite --role officer|designer|evaluator|administrator --login <login id> --name <name> [--organisation <organisation id>]",
    summary: "invites a member of staff (an officer needs an organisation): prints a one-time link",
    run(db, args, io) {
      const { values } = parseArgs({ args, options: { role: { type: "string" }, login: { type: "string" }, name: { type: "string" }, organisation: { type: "string" } } });
      const parsed = inviteSchema.safeParse({ role: values.role, loginId: values.login, displayName: values.name, agencyId: values.organisation });
      if (!parsed.success) return invalidInput(io, parsed.error.issues);
      try {
        const { token, expiresAt } = inviteStaff(db, { input: parsed.data, actor: io.actor });
        printLink(io, token, expiresAt);
        return 0;
      } catch (error) {
        return refusal(io, error);
      }
    },
  },
  deactivate: {
    usage: "deactivate <login id>",
    summary: "deactivates a staff account and ends its sessions (never the last administrator)",
    run(db, [loginId], io) {
      const userId = staffUserId(db, loginId, io);
      if (!userId) return 1;
      try {
        deactivateStaff(db, { userId, actor: io.actor });
      } catch (error) {
        return refusal(io, error);
      }
      io.out(englishMessage("staffMember.done.deactivated"));
      return 0;
    },
  },
  reactivate: {
    usage: "reactivate <login id>",
    summary: "lets a deactivated staff account sign in again",
    run(db, [loginId], io) {
      const userId = staffUserId(db, loginId, io);
      if (!userId) return 1;
      try {
        reactivateStaff(db, { userId, actor: io.actor });
      } catch (error) {
        return refusal(io, error);
      }
      io.out(englishMessage("staffMember.done.reactivated"));
      return 0;
    },
  },
  "set-organisation": {
    usage: "set-organisation <login id> <organisation id>",
    summary: "moves an officer to another organisation",
    run(db, [loginId, agencyId], io) {
      if (!agencyId) return usageError(io, "set-organisation");
      const userId = staffUserId(db, loginId, io);
      if (!userId) return 1;
      try {
        changeOrganisation(db, { userId, agencyId, actor: io.actor });
      } catch (error) {
        return refusal(io, error);
      }
      io.out(englishMessage("staffMember.done.organisation"));
      return 0;
    },
  },
  "reset-second-factor": {
    usage: "reset-second-factor <login id>",
    summary: "removes a person's authenticator app, passkeys and password and prints a new one-time link",
    run(db, [loginId], io) {
      const userId = staffUserId(db, loginId, io);
      if (!userId) return 1;
      try {
        const { token, expiresAt } = resetSecondFactor(db, { userId, actor: io.actor });
        printLink(io, token, expiresAt);
        return 0;
      } catch (error) {
        return refusal(io, error);
      }
    },
  },
  "set-agency-endpoint": {
    usage: "set-agency-endpoint <organisation id> --url <https address>",
    summary: "sets where an http-channel organisation receives deliveries and gives it a new signing secret, printed once to hand over",
    run(db, args, io) {
      const { values, positionals } = parseArgs({ args, options: { url: { type: "string" } }, allowPositionals: true });
      const [agencyId] = positionals;
      if (!agencyId || !values.url) return usageError(io, "set-agency-endpoint");
      try {
        const { secret } = setEndpoint(db, { agencyId, url: values.url, actor: io.actor, newSecret: true });
        io.out(secret!);
      } catch (error) {
        return refusal(io, error);
      }
      io.err(`${agencyId} now receives deliveries at ${values.url}. The line above is its new signing secret, shown only now: hand it to the organisation.`);
      return 0;
    },
  },
  "rotate-secret": {
    usage: "rotate-secret <organisation id> [--overlap-hours 1|24|72|168]",
    summary: "gives an http-channel organisation a new signing secret, printed once; the old one stays valid for the overlap (default 24 hours)",
    run(db, args, io) {
      const { values, positionals } = parseArgs({ args, options: { "overlap-hours": { type: "string", default: "24" } }, allowPositionals: true });
      const [agencyId] = positionals;
      if (!agencyId) return usageError(io, "rotate-secret");
      try {
        const { secret, previousSecretExpiresAt } = rotateSecret(db, { agencyId, overlapHours: Number(values["overlap-hours"]), actor: io.actor });
        io.out(secret);
        io.err(`The line above is ${agencyId}'s new signing secret, shown only now. The old one stays valid until ${previousSecretExpiresAt}.`);
        return 0;
      } catch (error) {
        return refusal(io, error);
      }
    },
  },
  "dead-letters": {
    usage: "dead-letters [--agency <organisation id>]",
    summary: "lists failed deliveries, oldest first (tab-separated: id, case reference, organisation, procedure, attempts, reason, since)",
    run(db, args, io) {
      const { values } = parseArgs({ args, options: { agency: { type: "string" } } });
      const rows = listDeadLetterSummaries(db, { lang: "en", agencyId: values.agency });
      for (const d of rows) io.out([d.outboxId, d.caseReference, d.agencyId, d.procedureRequestId, d.attempts, d.reason ?? "", d.deadSince].join("\t"));
      io.err(`${rows.length} failed deliveries`);
      return 0;
    },
  },
  audit: {
    usage: "audit [--person <login id or id>] [--reference <case reference>] [--organisation <organisation id>] [--action <action>] [--from <date>] [--to <date>] [--before <entry>]",
    summary: "searches the audit log, newest first, 50 entries (tab-separated: entry, time, action, who, whose data, case reference, about, organisation); --before pages back",
    run(db, args, io) {
      const { values } = parseArgs({
        args,
        options: Object.fromEntries(["person", "reference", "organisation", "action", "from", "to", "before"].map((name) => [name, { type: "string" as const }])),
      });
      const params = new URLSearchParams(Object.entries({ ...values, agency: values.organisation }).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
      const { before, problems, ...query } = readAuditQuery(params);
      if (problems.length > 0) {
        io.err(`${problems.map((field) => englishMessage(`audit.errors.${field}`)).join(". ")} (YYYY-MM-DD).`);
        return 2;
      }
      const { rows, older } = searchAudit(db, { query, before, lang: "en" });
      for (const row of rows) {
        io.out([row.id, row.at, row.action, row.actor.name, row.dataSubjectId ?? "", row.caseReference ?? "", row.subject, row.organisation ?? ""].join("\t"));
      }
      io.err(older === null ? `${rows.length} entries` : `${rows.length} entries; older ones: add --before ${older}`);
      return 0;
    },
  },
  retry: {
    usage: "retry <dead letter id>",
    summary: "sends one failed delivery again (same idempotency key)",
    run(db, [outboxId], io) {
      if (!outboxId) return usageError(io, "retry");
      try {
        retryOne(db, { outboxId, actor: io.actor });
      } catch (error) {
        return refusal(io, error);
      }
      io.out(englishMessage("deadLetters.retriedOne"));
      return 0;
    },
  },
  "retry-all": {
    usage: "retry-all <organisation id>",
    summary: "sends every failed delivery of one organisation again (after its outage)",
    run(db, [agencyId], io) {
      if (!agencyId) return usageError(io, "retry-all");
      const { retried, refused } = retryAllForAgency(db, { agencyId, actor: io.actor });
      if (retried === 0 && refused === 0) {
        io.err(englishMessage("deadLetters.refused.noneForOrganisation"));
        return 1;
      }
      io.out(englishMessage("deadLetters.retriedAll", { retried, refused }));
      return 0;
    },
  },
  close: {
    usage: "close <dead letter id> --reason <text the applicant reads>",
    summary: "closes a failed delivery as handled outside Madoguchi; the applicant reads the reason on their status page",
    run(db, args, io) {
      const { values, positionals } = parseArgs({ args, options: { reason: { type: "string" } }, allowPositionals: true });
      const [outboxId] = positionals;
      if (!outboxId) return usageError(io, "close");
      const parsed = closeSchema.safeParse({ reason: values.reason });
      if (!parsed.success) {
        io.err(`${englishMessage(parsed.error.issues[0].message, { max: 500 })}. Nothing was changed.`);
        return 1;
      }
      try {
        closeOne(db, { outboxId, reason: parsed.data.reason, actor: io.actor });
      } catch (error) {
        return refusal(io, error);
      }
      io.out(englishMessage("deadLetters.closedOne"));
      return 0;
    },
  },
};

function usageError(io: CommandIo, name: string): number {
  io.err(`usage: npm run admin -- ${commands[name].usage}`);
  return 2;
}

export function helpText(): string {
  return [
    "usage: npm run admin -- <command> [arguments]   (DATABASE_PATH selects the database; default data/madoguchi.db)",
    "",
    ...Object.values(commands).map((command) => `  ${command.usage}\n      ${command.summary}`),
  ].join("\n");
}

/** Runs one command; returns the exit code. */
export function runAdminCommand(db: Db, argv: string[], io: CommandIo): number {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    (name && name !== "help" && name !== "--help" ? io.err : io.out)(helpText());
    return name && name !== "help" && name !== "--help" ? 2 : 0;
  }
  try {
    return command.run(db, args, io);
  } catch (error) {
    if (error instanceof TypeError && (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`${error.message}\nusage: npm run admin -- ${command.usage}`);
      return 2;
    }
    throw error;
  }
}
