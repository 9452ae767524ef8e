// `npm run flows:diagram -- <life event> [--lng ja|en] [--out <folder>]`: writes the life event's drawings
// (the journey and the procedures) as SVG files, laid out as the designers' page lays them out.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import i18next from "i18next";
import { getLifeEvent } from "../../flows";
import { readLocales } from "../design/flows-check.server";
import { drawLifeEvent } from "../design/drawing.server";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { lng: { type: "string" }, out: { type: "string" } } });
const lifeEvent = positionals[0] ? getLifeEvent(positionals[0]) : undefined;
if (!lifeEvent) {
  console.error(`usage: npm run flows:diagram -- <life event> [--lng ja|en] [--out <folder>]${positionals[0] ? ` (no life event ${positionals[0]})` : ""}`);
  process.exit(2);
}
const lang = values.lng === "en" ? "en" : "ja";
const locales = readLocales(path.join(process.cwd(), "public", "locales"));
const i18n = i18next.createInstance();
await i18n.init({ resources: locales as never, lng: lang, fallbackLng: "ja", defaultNS: "common", interpolation: { escapeValue: false } });
const drawings = await drawLifeEvent(lifeEvent, lang, i18n.getFixedT(lang));
const out = path.resolve(values.out ?? ".");
mkdirSync(out, { recursive: true });
for (const [name, svg] of Object.entries(drawings)) {
  const file = path.join(out, `${lifeEvent.id}-${name}.${lang}.svg`);
  writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`);
  console.log(file);
}
