// Counter volumes: an officer enters how many of a procedure their organisation handled at the counter or on
// paper in a month, or imports a CSV file of them; evaluators set them against Madoguchi's for digital take-up.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { DataTable } from "~/components/data-table/data-table";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { FormField, FormInput, summaryOf } from "~/components/form-field/form-field";
import { readVerifiedForm, requireOfficer } from "~/identity/auth.server";
import { counterVolumesView, enterCounterVolume, importCounterVolumes } from "~/office/counter-volumes.server";
import { pageLanguage } from "~/office/office.server";
import { titleMeta } from "~/platform/meta";
import { formErrorsReply } from "~/platform/form-reply.server";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["office"] };

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireOfficer(request);
  return {
    title: await pageTitle(request, "counter.title", "office"),
    ...counterVolumesView(getDb(), auth.agencyId, await pageLanguage(request)),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireOfficer(request);
  const form = await readVerifiedForm(request);
  const db = getDb();
  let outcome;
  if (form.get("intent") === "import") {
    const file = form.get("file");
    const csv = typeof file === "string" ? file : file ? await file.text() : "";
    if (!csv.trim())
      return data(
        {
          problems: [{ line: 0, message: "counter.errors.file" }],
          errors: null,
          initial: null,
        },
        { status: 400 },
      );
    outcome = importCounterVolumes(db, {
      agencyId: auth.agencyId,
      actor: auth.user.id,
      csv,
    });
  } else {
    outcome = enterCounterVolume(db, {
      agencyId: auth.agencyId,
      actor: auth.user.id,
      form,
    });
  }
  if (outcome.kind === "invalid") return formErrorsReply(outcome.result);
  if (outcome.kind === "importRefused") return data({ problems: outcome.problems, errors: null, initial: null }, { status: 400 });
  return redirect(`/office/counter-volumes?saved=${outcome.count}`);
}

export default function CounterVolumes() {
  const { t } = useTranslation("office");
  const { agency, procedures, thisMonth, entries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = Number(params.get("saved") ?? 0);
  const errors = actionData?.errors ?? {};
  const initial = actionData?.initial ?? {};
  const problems = actionData?.problems ?? [];
  const fields = [
    { name: "procedure", id: "counter-procedure" },
    { name: "month", id: "counter-month" },
    { name: "count", id: "counter-count" },
  ];
  return (
    <>
      <ErrorSummary
        errors={[
          ...summaryOf(t, errors, fields),
          ...problems.map((p) => ({
            message: p.line ? t("counter.line", { line: p.line, message: t(p.message) }) : t(p.message),
            fieldId: "counter-file",
          })),
        ]}
      />
      <span className="caption">{agency}</span>
      <h1>{t("counter.title")}</h1>
      <p className="lead">{t("counter.lead")}</p>
      {saved > 0 && !actionData ? (
        <div className="notice" role="status">
          <p>{t("counter.saved", { count: saved })}</p>
        </div>
      ) : null}

      <section aria-labelledby="counter-enter-heading">
        <h2 id="counter-enter-heading">{t("counter.enter.heading")}</h2>
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="enter" />
          <FormField id="counter-procedure" label={t("counter.enter.procedure")} errors={errors.procedure} ns="office">
            {({ describedBy }) => (
              <select id="counter-procedure" name="procedure" className="input" defaultValue={initial.procedure ?? ""} aria-describedby={describedBy}>
                {procedures.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormInput
            id="counter-month"
            name="month"
            type="month"
            max={thisMonth}
            label={t("counter.enter.month")}
            hint={t("counter.enter.monthHint")}
            errors={errors.month}
            ns="office"
            defaultValue={initial.month ?? thisMonth}
          />
          <FormInput
            id="counter-count"
            name="count"
            inputMode="numeric"
            label={t("counter.enter.count")}
            errors={errors.count}
            ns="office"
            defaultValue={initial.count ?? ""}
          />
          <button type="submit" className="button">
            {t("counter.enter.submit")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="counter-import-heading">
        <h2 id="counter-import-heading">{t("counter.import.heading")}</h2>
        {problems.length ? (
          <div className="notice notice--warning">
            <h3>{t("counter.problems")}</h3>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{p.line ? t("counter.line", { line: p.line, message: t(p.message) }) : t(p.message)}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <Form method="post" encType="multipart/form-data" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="import" />
          <FormField id="counter-file" label={t("counter.import.file")} hint={t("counter.import.hint")} ns="office">
            {({ describedBy }) => <input id="counter-file" name="file" type="file" accept=".csv,text/csv" className="input" aria-describedby={describedBy} />}
          </FormField>
          <button type="submit" className="button button--secondary">
            {t("counter.import.submit")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="counter-latest-heading">
        <h2 id="counter-latest-heading">{t("counter.latest")}</h2>
        {entries.length === 0 ? (
          <p>{t("counter.none")}</p>
        ) : (
          <DataTable caption={t("counter.latest")}>
            <thead>
              <tr>
                <th scope="col">{t("counter.enter.month")}</th>
                <th scope="col">{t("counter.enter.procedure")}</th>
                <th scope="col">{t("counter.enter.count")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={`${e.procedureId}-${e.month}`}>
                  <th scope="row">{e.month}</th>
                  <td>{e.procedure}</td>
                  <td data-testid={`counter-${e.procedureId}-${e.month}`}>{e.count.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
      <p>
        <Link to="/office">{t("inbox.title")}</Link>
      </p>
    </>
  );
}
