// A procedure's official form as the office reads it on paper: every item in the form's order, filled from the
// data sent, or marked as not needed when filed through Madoguchi. The item names are the form's own (Japanese).
import { useTranslation } from "react-i18next";
import { PayloadValue } from "~/components/office-payload/office-payload";

export type OfficialFormItemView = { item: string; key: string | null; label: string | null; status: "filled" | "absent" | "notNeeded"; value: unknown };
export type OfficialFormView = { name: string; source: string; items: OfficialFormItemView[] };

/** The officer's section: a heading, then the form. */
export function OfficialForm({ form }: { form: OfficialFormView }) {
  const { t } = useTranslation("office");
  return (
    <section aria-labelledby="official-form-heading">
      <h2 id="official-form-heading">{t("request.form.heading")}</h2>
      <OfficialFormItems form={form} />
    </section>
  );
}

/** The form itself, item by item, for a page that gives it its own heading or summary. */
export function OfficialFormItems({ form }: { form: OfficialFormView }) {
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
                t("request.form.notNeeded")
              )}
            </dd>
          </div>
        ))}
      </dl>
      <p className="hint">
        {t("request.form.source")} <span lang="ja">{form.source}</span>
      </p>
    </>
  );
}
