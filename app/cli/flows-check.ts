// `npm run flows:check`: the checks a service designer runs before publishing (translations, reachable
// questions, payloads that pass their schemas, prerequisites without cycles). `--json` describes the flows;
// `--locales <dir>` checks against another translations folder.
import path from "node:path";
import { parseArgs } from "node:util";
import { runFlowsCheck } from "../design/flows-check.server";

const { values } = parseArgs({ options: { json: { type: "boolean" }, locales: { type: "string" } } });
process.exitCode = runFlowsCheck({
  json: values.json,
  localesDir: path.resolve(values.locales ?? path.join(process.cwd(), "public", "locales")),
  print: (line) => console.log(line),
});
