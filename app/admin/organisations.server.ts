// The organisations an administrator can choose from (an officer's organisation), named in the page's language.
import { listAgencies } from "../../flows";

export function organisationOptions(lang: "ja" | "en") {
  return listAgencies()
    .map((agency) => ({ id: agency.id, name: agency.name[lang] }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
}
