// Helpers that every route's loader uses to speak the request's language.
import { fixedT, languageOf } from "~/platform/i18n/i18n.server";

/**
 * A translated "<page> | <service>" title for a route's meta (`text`: a published wording that replaces the key's;
 * `values`: what the key's text interpolates).
 */
export async function pageTitle(request: Request, key: string, ns = "common", text?: string, values: Record<string, string | number> = {}): Promise<string> {
  const t = await fixedT(await languageOf(request), [ns, "common"]);
  return `${text ?? t(key, { ns, ...values })} | ${t("serviceName", { ns: "common" })}`;
}
