// The IDEA BOX as an Atom feed of new ideas and answers, so ministries' social media accounts can follow it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { withSecurityHeaders } from "~/identity/security/headers.server";
import { ideasAtomFeed } from "~/ideas/ideas.server";
import { i18nServer } from "~/platform/i18n/i18n.server";
import { getDb } from "../../db/client.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "ideas");
  const origin = new URL(request.url).origin;
  const body = ideasAtomFeed(getDb(), { origin, t: (key, options) => t(key, options) });
  return withSecurityHeaders(new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } }));
}
