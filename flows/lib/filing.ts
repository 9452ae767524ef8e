// Who files and when, as the data items every form asks (届出年月日, 届出人): derived from the submission.
import type { DataValues } from "./data-dictionary";
import type { FlowContext } from "./types";

export const filedAt = ({ filing }: FlowContext): string | undefined => filing?.date;

export function filedBy({ filing, record }: FlowContext): DataValues["filedBy"] | undefined {
  const name = record["name.kanji"];
  if (!filing || !name) return undefined;
  return filing.by.kind === "self" ? { kind: "self", name } : { kind: "representative", name: filing.by.name, forName: name };
}
