// Helpers that every route's loader uses to speak the request's language.
import { i18nServer } from "~/platform/i18n/i18n.server";

/** A translated "<page> | <service>" title for a route's meta. */
export async function pageTitle(request: Request, key: string, ns = "common"): Promise<string> {
  const t = await i18nServer.getFixedT(request, [ns, "common"]);
  return `${t(key, { ns })} | ${t("serviceName", { ns: "common" })}`;
}
