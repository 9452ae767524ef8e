// Says where a prefilled answer comes from (once only: the person confirms it instead of typing it again).
import { useTranslation } from "~/platform/i18n/texts";
import { recordSourceText, type RecordSourceView } from "~/components/record-source/record-source";
import { formatDate } from "~/platform/format";

export type PrefillSourceView = RecordSourceView;

export function PrefillNote({ source, recordedAt }: { source: PrefillSourceView; recordedAt: string | null }) {
  const { t, i18n } = useTranslation("common");
  const from = recordSourceText(t, source);
  return (
    <p className="notice prefill-note">
      {recordedAt ? t("journey:prefill.fromWithDate", { source: from, date: formatDate(recordedAt, i18n.language) }) : t("journey:prefill.from", { source: from })}
    </p>
  );
}
