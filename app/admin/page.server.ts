// What every admin page needs: the administrator (password and second factor: requireUser refuses a
// session still at the second-factor stage), the page's language, and the actor id for the audit log.
import { requireUser, type AuthContext } from "../identity/auth.server";
import { i18nServer } from "../platform/i18n/i18n.server";

export type AdminLang = "ja" | "en";

export async function requireAdministrator(request: Request): Promise<AuthContext> {
  return requireUser(request, { roles: ["administrator"] });
}

export async function adminLanguage(request: Request): Promise<AdminLang> {
  return (await i18nServer.getLocale(request)) === "en" ? "en" : "ja";
}
