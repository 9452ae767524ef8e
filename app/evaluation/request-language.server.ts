// The language of an evaluator's page, for the names the figures' views put in place of ids. Kept apart from the
// views so scripts (the benchmark) can compute them without the i18n bundle.
import type { Lang } from "../../flows";
import { i18nServer } from "../platform/i18n/i18n.server";

export async function requestLanguage(request: Request): Promise<Lang> {
  return (await i18nServer.getLocale(request)) === "en" ? "en" : "ja";
}
