// Encodes an answer's problem as one string on the server, where the flows catalogue lives: a procedure named
// in its values is replaced by that procedure's filing window in words, in each language, so the browser can
// show the sentence without loading the catalogue (#12).
import { getProcedure } from "../../flows";

export function encodeIssue(issue: { message: string; params?: Record<string, string> }): string {
  if (!issue.params) return issue.message;
  const values = new URLSearchParams();
  for (const [name, value] of Object.entries(issue.params)) {
    if (name !== "procedure") {
      values.append(name, value);
      continue;
    }
    const text = getProcedure(value)?.filingWindow?.text;
    values.append("rule.ja", text?.ja ?? "");
    values.append("rule.en", text?.en ?? "");
  }
  return `${issue.message}?${values.toString()}`;
}
