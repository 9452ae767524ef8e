// Private companies that take part in moving house and starting a company: utilities, telecoms,
// Japan Post and banks. Most receive procedures over HTTP from their own systems.
import { defineAgency, type Agency } from "../lib/agency";
import type { Text } from "../lib/types";
import type { ElectricityArea, GasArea } from "./prefectures";

const sectors = {
  electricity: { ja: "電気（小売電気事業者）", en: "Electricity retail" },
  gas: { ja: "都市ガス（ガス小売事業者）", en: "City gas retail" },
  telecom: { ja: "電気通信（光回線）", en: "Telecommunications (fibre broadband)" },
  post: { ja: "郵便", en: "Postal service" },
  banking: { ja: "銀行", en: "Banking" },
} satisfies Record<string, Text>;

const company = (id: string, ja: string, en: string, sector: Text, channel: "inbox" | "http" = "http"): Agency =>
  defineAgency({ id, name: { ja, en }, kind: "private", sector, channel });

export const electricityCompanies: Record<ElectricityArea, Agency> = {
  hokkaido: company("hokkaido-electric", "北海道電力", "Hokkaido Electric Power", sectors.electricity),
  tohoku: company("tohoku-electric", "東北電力", "Tohoku Electric Power", sectors.electricity),
  tokyo: company("tepco-energy-partner", "東京電力エナジーパートナー", "TEPCO Energy Partner", sectors.electricity),
  hokuriku: company("hokuriku-electric", "北陸電力", "Hokuriku Electric Power", sectors.electricity),
  chubu: company("chubu-electric-miraiz", "中部電力ミライズ", "Chubu Electric Power Miraiz", sectors.electricity),
  kansai: company("kansai-electric", "関西電力", "Kansai Electric Power", sectors.electricity),
  chugoku: company("chugoku-electric", "中国電力", "Chugoku Electric Power", sectors.electricity),
  shikoku: company("shikoku-electric", "四国電力", "Shikoku Electric Power", sectors.electricity),
  kyushu: company("kyushu-electric", "九州電力", "Kyushu Electric Power", sectors.electricity),
  okinawa: company("okinawa-electric", "沖縄電力", "Okinawa Electric Power", sectors.electricity, "inbox"),
};

export const gasCompanies: Record<Exclude<GasArea, null> | "local", Agency> = {
  hokkaido: company("hokkaido-gas", "北海道ガス", "Hokkaido Gas", sectors.gas),
  tokyo: company("tokyo-gas", "東京ガス", "Tokyo Gas", sectors.gas),
  toho: company("toho-gas", "東邦ガス", "Toho Gas", sectors.gas),
  osaka: company("osaka-gas", "大阪ガス", "Osaka Gas", sectors.gas),
  saibu: company("saibu-gas", "西部ガス", "Saibu Gas", sectors.gas),
  local: company("local-gas", "地域のガス事業者（LPガスを含む）", "Local gas supplier (including LP gas)", sectors.gas, "inbox"),
};

export const telecomCompanies = {
  east: company("ntt-east", "NTT東日本（フレッツ光）", "NTT East (FLET'S Hikari)", sectors.telecom),
  west: company("ntt-west", "NTT西日本（フレッツ光）", "NTT West (FLET'S Hikari)", sectors.telecom),
};

export const japanPost = company("japan-post", "日本郵便", "Japan Post", sectors.post);

export const banks = {
  "japan-post-bank": company("japan-post-bank", "ゆうちょ銀行", "Japan Post Bank", sectors.banking),
  "mufg-bank": company("mufg-bank", "三菱UFJ銀行", "MUFG Bank", sectors.banking),
  smbc: company("smbc", "三井住友銀行", "Sumitomo Mitsui Banking Corporation", sectors.banking, "inbox"),
  "mizuho-bank": company("mizuho-bank", "みずほ銀行", "Mizuho Bank", sectors.banking, "inbox"),
};
export type BankId = keyof typeof banks;
export const bankIds = Object.keys(banks) as [BankId, ...BankId[]];

export const privateCompanies: Agency[] = [
  ...Object.values(electricityCompanies),
  ...Object.values(gasCompanies),
  ...Object.values(telecomCompanies),
  japanPost,
  ...Object.values(banks),
];
