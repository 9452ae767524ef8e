// A procedure's official form as the office reads it on paper: every item in the form's order, filled from the
// data sent, or marked as not needed when filed through Madoguchi. The item names are the form's own (Japanese).
import { Link } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { PayloadValue } from "~/components/office-payload/office-payload";

export type OfficialFormItemView = {
  item: string;
  key: string | null;
  label: string | null;
  status: "filled" | "absent" | "notNeeded";
  value: unknown;
  /** Why the item is not needed, in the page's language. */
  reason?: string | null;
};
export type OfficialFormView = { name: string; source: string; items: OfficialFormItemView[] };

/** The officer's section: a heading, then the form. */
export function OfficialForm({ form, printHref }: { form: OfficialFormView; printHref?: string }) {
  const { t } = useTranslation("office");
  return (
    <section aria-labelledby="official-form-heading">
      <h2 id="official-form-heading">{t("request.form.heading")}</h2>
      <OfficialFormItems form={form} printHref={printHref} />
    </section>
  );
}

/** The form itself, item by item, for a page that gives it its own heading or summary; `printHref` links its printable page. */
export function OfficialFormItems({ form, printHref }: { form: OfficialFormView; printHref?: string }) {
  const { t, i18n } = useTranslation("office");
  const japanese = i18n.language === "ja";
  return (
    <>
      <p>
        {t("request.form.lead")} <span lang="ja">{form.name}</span>
      </p>
      <dl className="summary-list">
        {form.items.map((entry, index) => (
          <div className="summary-list__row" key={`${index}-${entry.item}`}>
            <dt>
              <span lang="ja">{entry.item}</span>
              {!japanese && entry.label ? <span className="hint"> ({entry.label})</span> : null}
            </dt>
            <dd>
              {entry.status === "filled" && entry.key ? (
                <PayloadValue itemKey={entry.key} value={entry.value} era />
              ) : entry.status === "absent" ? (
                t("request.form.absent")
              ) : (
                <>
                  {t("request.form.notNeeded")}
                  {entry.reason ? <span className="hint official-form__reason">{entry.reason}</span> : null}
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <p className="hint">
        {t("request.form.source")} <span lang="ja">{form.source}</span>
      </p>
      {printHref ? (
        <p className="no-print">
          <Link to={printHref}>{t("request.form.printLink")}</Link>
        </p>
      ) : null}
    </>
  );
}

export type PrintableFormView = { form: OfficialFormView; procedureName: string; organisation: string; caseReference: string; filedAt: string };

/**
 * The filled form on a page of its own, laid out for paper (the print stylesheet drops the site's header, footer
 * and links): for the person's records and for an office that files it.
 */
export function PrintableForm({ view, backHref, backText, filedAtText }: { view: PrintableFormView; backHref: string; backText: string; filedAtText: string }) {
  const { t } = useTranslation("office");
  return (
    <article className="printable-form">
      <p className="no-print">
        <Link to={backHref} className="back-link">
          {backText}
        </Link>
      </p>
      <span className="caption">{view.procedureName}</span>
      <h1 lang="ja">{view.form.name}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t("request.form.print.organisation")}</dt>
          <dd>{view.organisation}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("request.caseReference")}</dt>
          <dd>{view.caseReference}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("request.form.print.filedAt")}</dt>
          <dd>{filedAtText}</dd>
        </div>
      </dl>
      <h2>{t("request.form.heading")}</h2>
      <OfficialFormItems form={view.form} />
      <p className="hint no-print">{t("request.form.print.how")}</p>
    </article>
  );
}
