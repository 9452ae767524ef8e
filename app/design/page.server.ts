// What every design page's loader starts with: the designer's session (password and second factor) and
// the page's language, for texts written in the flows (titles, legal bases, labels).
import type { Lang } from "../../flows";
import { requireUser } from "~/identity/auth.server";
import { i18nServer } from "~/platform/i18n/i18n.server";

export async function requireDesigner(request: Request) {
  const auth = await requireUser(request, { roles: ["designer"] });
  const lang: Lang = (await i18nServer.getLocale(request)) === "en" ? "en" : "ja";
  const t = await i18nServer.getFixedT(request, ["design", "journey", "common"]);
  return { auth, lang, t };
}
