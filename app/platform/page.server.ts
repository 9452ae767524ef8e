// Helpers that every route's loader uses to speak the request's language.
import { fixedT, languageOf } from "~/platform/i18n/i18n.server";

/** A translated "<page> | <service>" title for a route's meta. */
export async function pageTitle(request: Request, key: string, ns = "common", values: Record<string, string | number> = {}): Promise<string> {
  const t = await fixedT(await languageOf(request), [ns, "common"]);
  return `${t(key, { ns, ...values })} | ${t("serviceName", { ns: "common" })}`;
}
