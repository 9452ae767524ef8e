// The part boundaries of app/ (../shared/DESIGN.md) as ESLint enforces them: each refused import below is
// one a newcomer could write, and the allowed ones keep the rule from refusing the normal directions.
import { ESLint } from "eslint";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: ".config/eslint.config.js" });

async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("part boundaries", () => {
  it.each([
    ["app/platform/x.server.ts", 'import { requireUser } from "../identity/auth.server";\nexport const x = requireUser;'],
    ["app/identity/x.server.ts", 'import { submitCase } from "~/cases/cases.server";\nexport const x = submitCase;'],
    ["app/cases/x.server.ts", 'import { consentPreview } from "../journeys/consent.server";\nexport const x = consentPreview;'],
    ["app/cases/sub/x.server.ts", 'import { Dispatcher } from "../../delivery/dispatcher.server";\nexport const x = Dispatcher;'],
    ["app/delivery/x.server.ts", 'import { inboxView } from "~/office/office.server";\nexport const x = inboxView;'],
    ["app/office/x.server.ts", 'import { seedDemoData } from "../demo/seed.server";\nexport const x = seedDemoData;'],
    ["app/journeys/x.server.ts", 'import { loader } from "~/routes/record";\nexport const x = loader;'],
    ["app/routes/x.tsx", 'import { demoAccounts } from "~/demo/demo-accounts.server";\nexport const x = demoAccounts;'],
    ["app/components/x/x.tsx", 'import { getDb } from "../../../db/client.server";\nexport const x = getDb;'],
  ])("refuses %s importing what it may not", async (file, source) => {
    expect(await boundaryErrors(file, source)).toHaveLength(1);
  });

  it.each([
    ["app/identity/x.server.ts", 'import { logger } from "../platform/logger.server";\nexport const x = logger;'],
    ["app/delivery/x.server.ts", 'import { applyCaseEvent } from "../cases/cases.server";\nexport const x = applyCaseEvent;'],
    ["app/office/x.server.ts", 'import { requireOfficer } from "~/identity/auth.server";\nexport const x = requireOfficer;'],
    ["app/demo/x.server.ts", 'import { inboxView } from "../office/office.server";\nexport const x = inboxView;'],
    ["app/routes/x.tsx", 'import { inboxView } from "~/office/office.server";\nexport const x = inboxView;'],
    ["app/entry.server.tsx", 'import { startDemoOnce } from "./demo/start.server";\nexport const x = startDemoOnce;'],
    ["app/cases/x.server.ts", 'import { getCase } from "../../db/queries/cases";\nexport const x = getCase;'],
  ])("allows %s importing downward", async (file, source) => {
    expect(await boundaryErrors(file, source)).toEqual([]);
  });
});
