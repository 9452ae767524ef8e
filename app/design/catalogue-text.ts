// Catalogue facts in words, in the page's language: a procedure's deadline, organisation and channel.
import type { TFunction } from "i18next";
import { dataDictionary, type Lang, type Procedure } from "../../flows";
import { isRoute } from "../../flows/lib/procedure";
import { deadlineParts, type DeadlineParts } from "../../flows/design/catalogue";

export function deadlineText(procedure: Pick<Procedure, "deadline">, lang: Lang, t: TFunction): string {
  const parts = deadlineParts(procedure.deadline);
  return parts ? partsText(parts, lang, t) : t("design:deadline.none");
}

function partsText(parts: DeadlineParts, lang: Lang, t: TFunction): string {
  if (parts.kind === "earliestOf") return t("design:deadline.earliestOf", { rules: parts.rules.map((inner) => partsText(inner, lang, t)).join(t("design:deadline.or")) });
  const from = dataDictionary[parts.from].label[lang];
  if (parts.kind === "dayOfNextMonth") return t("design:deadline.dayOfNextMonth", { day: parts.day, from });
  if (parts.kind === "before") return parts.days ? t("design:deadline.daysBefore", { count: parts.days, from }) : t("design:deadline.by", { from });
  return t(parts.unit === "days" ? "design:deadline.daysAfter" : "design:deadline.monthsAfter", { count: parts.amount, from });
}

/** Who handles a procedure: the agency's name, or what kind of organisation its route picks. */
export function organisationText(procedure: Procedure, lang: Lang, t: TFunction): string {
  return isRoute(procedure.handledBy) ? t(`journey:routing.${procedure.handledBy.kind.replace(":", ".")}`) : procedure.handledBy.name[lang];
}

export function channelText(procedure: Procedure, t: TFunction): string {
  return isRoute(procedure.handledBy) ? t("design:channel.byOrganisation") : t(`design:channel.${procedure.handledBy.channel}`);
}

