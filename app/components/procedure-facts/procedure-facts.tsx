// What a designer reads about a procedure wherever the workspace lists one (the catalogue, a life event, a
// simulation): who handles it, through which channel, under which law, by when, after which procedures. One list,
// so the three pages name the same facts the same way; each page adds its own rows before or after.
import type { ReactNode } from "react";
import { useTranslation } from "~/platform/i18n/texts";

export type ProcedureFactsView = {
  organisation: string;
  /** Left out where the page has no channel to show (a simulation shows the organisation that receives it). */
  channel?: string;
  legalBasis: string;
  deadline: string;
  prerequisites: string[];
};

/** One row of a summary list. */
export function FactRow({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function ProcedureFacts({ procedure, first, children }: { procedure: ProcedureFactsView; first?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation("design");
  return (
    <dl className="summary-list">
      {first}
      <FactRow term={t("procedure.organisation")}>{procedure.organisation}</FactRow>
      {procedure.channel === undefined ? null : <FactRow term={t("procedure.channel")}>{procedure.channel}</FactRow>}
      <FactRow term={t("procedure.legalBasis")}>{procedure.legalBasis}</FactRow>
      <FactRow term={t("procedure.deadline")}>{procedure.deadline}</FactRow>
      {procedure.prerequisites.length ? <FactRow term={t("procedure.prerequisites")}>{procedure.prerequisites.join(t("list.separator"))}</FactRow> : null}
      {children}
    </dl>
  );
}
