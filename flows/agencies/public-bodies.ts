// National and prefectural bodies that handle life-event procedures. Bodies with one office per
// prefecture are generated from the prefecture table; a few offices are named where the demo needs them.
import { defineAgency, type Agency } from "../lib/agency";
import type { Text } from "../lib/types";
import { prefectures, shortName, type Prefecture } from "./prefectures";

const ministries = {
  npa: { ja: "警察庁・都道府県公安委員会", en: "National Police Agency / prefectural public safety commissions" },
  mlit: { ja: "国土交通省", en: "Ministry of Land, Infrastructure, Transport and Tourism" },
  moj: { ja: "法務省", en: "Ministry of Justice" },
  nta: { ja: "国税庁（財務省）", en: "National Tax Agency (Ministry of Finance)" },
  mhlw: { ja: "厚生労働省", en: "Ministry of Health, Labour and Welfare" },
  prefectureTax: { ja: "都道府県（税務）", en: "Prefecture (taxation)" },
  prefectureWater: { ja: "都道府県（水道事業）", en: "Prefecture (waterworks)" },
} satisfies Record<string, Text>;

const bigBureaus = new Set(["札幌", "仙台", "東京", "名古屋", "大阪", "広島", "高松", "福岡"]);

export const policeId = (prefectureCode: string) => `police-${prefectureCode}`;
export const transportBureauId = (prefectureCode: string) => `transport-${prefectureCode}`;
export const legalAffairsBureauId = (prefectureCode: string) => `legal-affairs-${prefectureCode}`;
export const notaryOfficeId = (prefectureCode: string) => `notary-${prefectureCode}`;
export const taxOfficeFallbackId = (prefectureCode: string) => `tax-office-${prefectureCode}`;
export const prefecturalTaxOfficeId = (prefectureCode: string) => `prefectural-tax-${prefectureCode}`;
export const labourStandardsFallbackId = (prefectureCode: string) => `labour-standards-${prefectureCode}`;
export const helloWorkFallbackId = (prefectureCode: string) => `hello-work-${prefectureCode}`;
export const lightVehicleOfficeId = (prefectureCode: string) => `light-vehicle-${prefectureCode}`;

// One police per prefecture, named without a division: it receives both the driving licence's change of address
// and the parking space certificates and notifications (the police station of the parking place decides those).
function police(prefecture: Prefecture): Agency {
  const tokyo = prefecture.code === "13";
  return defineAgency({
    id: policeId(prefecture.code),
    name: tokyo
      ? { ja: "警視庁", en: "Tokyo Metropolitan Police Department" }
      : { ja: `${prefecture.name.ja}警察`, en: `${prefecture.name.en} Prefectural Police` },
    kind: "prefectural",
    sector: ministries.npa,
    channel: "inbox",
    prefectureCode: prefecture.code,
  });
}

function transportBureau(prefecture: Prefecture): Agency {
  // Hokkaido has seven branch offices; the Sapporo one stands for all of them here.
  const ja = prefecture.code === "01" ? "札幌" : shortName(prefecture);
  const en = prefecture.code === "01" ? "Sapporo" : prefecture.name.en;
  return defineAgency({
    id: transportBureauId(prefecture.code),
    name: { ja: `${ja}運輸支局`, en: `${en} Transport Branch Office` },
    kind: "national",
    sector: ministries.mlit,
    channel: "http",
    prefectureCode: prefecture.code,
  });
}

/** The Light Motor Vehicle Inspection Organization (軽自動車検査協会) inspects and records kei cars, which are not registered. */
function lightVehicleOffice(prefecture: Prefecture): Agency {
  return defineAgency({
    id: lightVehicleOfficeId(prefecture.code),
    name: { ja: `軽自動車検査協会（${prefecture.name.ja}）`, en: `Light Motor Vehicle Inspection Organization (${prefecture.name.en})` },
    kind: "national",
    sector: ministries.mlit,
    channel: "http",
    prefectureCode: prefecture.code,
  });
}

function legalAffairsBureau(prefecture: Prefecture): Agency {
  const big = bigBureaus.has(prefecture.bureauCity.ja);
  return defineAgency({
    id: legalAffairsBureauId(prefecture.code),
    name: big
      ? { ja: `${prefecture.bureauCity.ja}法務局`, en: `${prefecture.bureauCity.en} Legal Affairs Bureau` }
      : { ja: `${prefecture.bureauCity.ja}地方法務局`, en: `${prefecture.bureauCity.en} District Legal Affairs Bureau` },
    kind: "national",
    sector: ministries.moj,
    channel: "http",
    prefectureCode: prefecture.code,
  });
}

function notaryOffice(prefecture: Prefecture): Agency {
  const bureau = legalAffairsBureau(prefecture).name;
  return defineAgency({
    id: notaryOfficeId(prefecture.code),
    name: { ja: `公証役場（${bureau.ja}管内）`, en: `Notary office (${bureau.en} district)` },
    kind: "national",
    sector: ministries.moj,
    channel: "inbox",
    prefectureCode: prefecture.code,
  });
}

function taxOfficeFallback(prefecture: Prefecture): Agency {
  return defineAgency({
    id: taxOfficeFallbackId(prefecture.code),
    name: { ja: `所轄税務署（${prefecture.name.ja}）`, en: `Competent tax office (${prefecture.name.en})` },
    kind: "national",
    sector: ministries.nta,
    channel: "http",
    prefectureCode: prefecture.code,
  });
}

function prefecturalTaxOffice(prefecture: Prefecture): Agency {
  const suffix = prefecture.name.ja.slice(-1);
  const tokyo = prefecture.code === "13";
  return defineAgency({
    id: prefecturalTaxOfficeId(prefecture.code),
    name: tokyo
      ? { ja: "東京都主税局（都税事務所）", en: "Tokyo Metropolitan Government Bureau of Taxation (metropolitan tax office)" }
      : { ja: `${prefecture.name.ja}（${suffix}税事務所）`, en: `${prefecture.name.en} Prefectural Tax Office` },
    kind: "prefectural",
    sector: ministries.prefectureTax,
    channel: "http",
    prefectureCode: prefecture.code,
  });
}

function labourStandardsFallback(prefecture: Prefecture): Agency {
  return defineAgency({
    id: labourStandardsFallbackId(prefecture.code),
    name: {
      ja: `労働基準監督署（${shortName(prefecture)}労働局管内）`,
      en: `Labour Standards Inspection Office (${prefecture.name.en} Labour Bureau)`,
    },
    kind: "national",
    sector: ministries.mhlw,
    channel: "inbox",
    prefectureCode: prefecture.code,
  });
}

function helloWorkFallback(prefecture: Prefecture): Agency {
  return defineAgency({
    id: helloWorkFallbackId(prefecture.code),
    name: { ja: `ハローワーク（${shortName(prefecture)}労働局管内）`, en: `Hello Work (${prefecture.name.en} Labour Bureau)` },
    kind: "national",
    sector: ministries.mhlw,
    channel: "http",
    prefectureCode: prefecture.code,
  });
}

/** Offices named for the demo's head offices; other municipalities fall back to the prefecture's office. */
export const namedOffices: Agency[] = [
  defineAgency({ id: "tax-office-kojimachi", name: { ja: "麹町税務署", en: "Kojimachi Tax Office" }, kind: "national", sector: ministries.nta, channel: "http", prefectureCode: "13" }),
  defineAgency({ id: "tax-office-yotsuya", name: { ja: "四谷税務署", en: "Yotsuya Tax Office" }, kind: "national", sector: ministries.nta, channel: "http", prefectureCode: "13" }),
  defineAgency({ id: "tax-office-shibuya", name: { ja: "渋谷税務署", en: "Shibuya Tax Office" }, kind: "national", sector: ministries.nta, channel: "http", prefectureCode: "13" }),
  defineAgency({ id: "labour-standards-chuo", name: { ja: "中央労働基準監督署", en: "Chuo Labour Standards Inspection Office" }, kind: "national", sector: ministries.mhlw, channel: "inbox", prefectureCode: "13" }),
  defineAgency({ id: "hello-work-iidabashi", name: { ja: "ハローワーク飯田橋", en: "Hello Work Iidabashi" }, kind: "national", sector: ministries.mhlw, channel: "inbox", prefectureCode: "13" }),
];

// On the inbox channel: its officers decide pension procedures in Madoguchi's back office (README, 2026-11-27).
export const japanPensionService = defineAgency({
  id: "japan-pension-service",
  name: { ja: "日本年金機構", en: "Japan Pension Service" },
  kind: "national",
  sector: ministries.mhlw,
  channel: "inbox",
});

export const tokyoWaterworks = defineAgency({
  id: "tokyo-waterworks",
  name: { ja: "東京都水道局", en: "Tokyo Metropolitan Government Bureau of Waterworks" },
  kind: "prefectural",
  sector: ministries.prefectureWater,
  channel: "http",
  prefectureCode: "13",
});

export const publicBodies: Agency[] = [
  ...prefectures.flatMap((prefecture) => [
    police(prefecture),
    transportBureau(prefecture),
    lightVehicleOffice(prefecture),
    legalAffairsBureau(prefecture),
    notaryOffice(prefecture),
    taxOfficeFallback(prefecture),
    prefecturalTaxOffice(prefecture),
    labourStandardsFallback(prefecture),
    helloWorkFallback(prefecture),
  ]),
  ...namedOffices,
  japanPensionService,
  tokyoWaterworks,
];
