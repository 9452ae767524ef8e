// A life event's start page. Until its journey is built, it says so plainly.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isLifeEventId } from "~/life-events.server";
import { titleMeta } from "~/utils/meta";
import { pageTitle } from "~/utils/page.server";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = params.lifeEventId;
  if (!isLifeEventId(id)) throw new Response("Not Found", { status: 404 });
  return { id, title: await pageTitle(request, `lifeEvents.${id}.title`) };
}

export default function LifeEventStart() {
  const { t } = useTranslation("common");
  const { id } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t(`lifeEvents.${id}.title`)}</h1>
      <p className="lead">{t(`lifeEvents.${id}.summary`)}</p>
      <div className="notice">
        <p>{t("comingSoon.body")}</p>
      </div>
      <p>
        <Link to="/">{t("errors.backToStart")}</Link>
      </p>
    </>
  );
}
