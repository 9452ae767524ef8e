// Where a car is registered and which place name its number plates carry. A prefecture's Transport Branch
// Office (運輸支局) has automobile inspection and registration offices (自動車検査登録事務所), each serving its own
// municipalities, and some municipalities have a local place name on their plates (ご当地ナンバー). A move or a
// purchase that changes the place name changes the registration number and the plates; one that keeps it does not.
import { defineAgency, type Agency } from "../lib/agency";
import type { Address } from "../lib/types";
import { transportBureauId } from "./public-bodies";

const mlit = { ja: "国土交通省", en: "Ministry of Land, Infrastructure, Transport and Tourism" };

/** The place name on the plates of the Transport Branch Office itself, by prefecture code. */
const bureauPlaceNames: Record<string, string> = {
  "01": "札幌", "02": "青森", "03": "岩手", "04": "宮城", "05": "秋田", "06": "山形", "07": "福島", "08": "水戸", "09": "宇都宮",
  "10": "群馬", "11": "大宮", "12": "千葉", "13": "品川", "14": "横浜", "15": "新潟", "16": "富山", "17": "石川", "18": "福井",
  "19": "山梨", "20": "長野", "21": "岐阜", "22": "静岡", "23": "名古屋", "24": "三重", "25": "滋賀", "26": "京都", "27": "大阪",
  "28": "神戸", "29": "奈良", "30": "和歌山", "31": "鳥取", "32": "島根", "33": "岡山", "34": "広島", "35": "山口", "36": "徳島",
  "37": "香川", "38": "愛媛", "39": "高知", "40": "福岡", "41": "佐賀", "42": "長崎", "43": "熊本", "44": "大分", "45": "宮崎",
  "46": "鹿児島", "47": "沖縄",
};

type OfficeRow = { id: string; ja: string; en: string; prefectureCode: string; placeName: string; municipalities: string[] };

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => String(from + index));

/**
 * The registration offices that are not the branch office itself, with the municipalities they serve
 * (東京運輸支局 and 神奈川運輸支局 as published by the Kanto District Transport Bureau). A municipality not
 * listed here is served by its prefecture's branch office.
 */
const offices: OfficeRow[] = [
  { id: "transport-13-nerima", ja: "練馬自動車検査登録事務所", en: "Nerima Automobile Inspection and Registration Office", prefectureCode: "13", placeName: "練馬", municipalities: ["13104", "13105", "13114", "13115", "13116", "13117", "13119", "13120"] },
  { id: "transport-13-adachi", ja: "足立自動車検査登録事務所", en: "Adachi Automobile Inspection and Registration Office", prefectureCode: "13", placeName: "足立", municipalities: ["13106", "13107", "13108", "13118", "13121", "13122", "13123"] },
  { id: "transport-13-hachioji", ja: "八王子自動車検査登録事務所", en: "Hachioji Automobile Inspection and Registration Office", prefectureCode: "13", placeName: "八王子", municipalities: ["13201", "13205", "13209", "13212", "13218", "13227", "13228", "13303", "13305", "13307", "13308"] },
  { id: "transport-13-tama", ja: "多摩自動車検査登録事務所", en: "Tama Automobile Inspection and Registration Office", prefectureCode: "13", placeName: "多摩", municipalities: ["13202", "13203", "13204", "13206", "13207", "13208", "13210", "13211", "13213", "13214", "13215", "13219", "13220", "13221", "13222", "13223", "13224", "13225", "13229"] },
  { id: "transport-14-kawasaki", ja: "川崎自動車検査登録事務所", en: "Kawasaki Automobile Inspection and Registration Office", prefectureCode: "14", placeName: "川崎", municipalities: range(14131, 14137) },
  { id: "transport-14-shonan", ja: "湘南自動車検査登録事務所", en: "Shonan Automobile Inspection and Registration Office", prefectureCode: "14", placeName: "湘南", municipalities: ["14203", "14204", "14205", "14206", "14207", "14211", "14214", "14217"] },
  { id: "transport-14-sagami", ja: "相模自動車検査登録事務所", en: "Sagami Automobile Inspection and Registration Office", prefectureCode: "14", placeName: "相模", municipalities: ["14151", "14152", "14153", "14212", "14213", "14215", "14216", "14218"] },
];

/** Local place names (ご当地ナンバー) registered at the office that serves the municipality. */
const localPlaceNames: Record<string, string> = {
  "13112": "世田谷",
  "13115": "杉並",
  "13119": "板橋",
  "13108": "江東",
  "13122": "葛飾",
};

const officeByMunicipality = new Map(offices.flatMap((office) => office.municipalities.map((code) => [code, office] as const)));

export const registrationOffices: Agency[] = offices.map((office) =>
  defineAgency({ id: office.id, name: { ja: office.ja, en: office.en }, kind: "national", sector: mlit, channel: "http", prefectureCode: office.prefectureCode }),
);

type Located = Pick<Address, "municipalityCode">;

/** The office that registers a car based at this address: an inspection and registration office, or the branch office. */
export function registrationOfficeFor(address: Located): string {
  return officeByMunicipality.get(address.municipalityCode)?.id ?? transportBureauId(address.municipalityCode.slice(0, 2));
}

/** The place name on the number plates of a car based at this address (品川, 練馬, 世田谷…). */
export function plateNameFor(address: Located): string {
  const code = address.municipalityCode;
  return localPlaceNames[code] ?? officeByMunicipality.get(code)?.placeName ?? bureauPlaceNames[code.slice(0, 2)] ?? "";
}

/** The place name a registration number starts with: 「品川 300 あ 12-34」 → 品川. */
export function plateNameOf(registrationNumber: string): string {
  return registrationNumber.trim().split(/[\s\u3000]+/)[0] ?? "";
}

/** Whether a car's number plates change when its base moves from one address to the other. */
export function platesChange(from: Located, to: Located): boolean {
  return plateNameFor(from) !== plateNameFor(to);
}
