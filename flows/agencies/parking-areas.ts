// Where a kei car's parking space must be notified to the police. 保管場所法第5条 asks it of every kei car, but
// 附則第2項 suspends 第4条から第7条 "for the time being" for a holder whose base of use (使用の本拠の位置) lies outside
// the areas the cabinet order names for each kind of car; for kei cars 施行令附則 names the special wards and the
// cities of its 別表第二 (some without the former towns merged into them). The test is the base of use — a private
// owner's address — not the parking place.
import type { Address, Text } from "../lib/types";
import { getMunicipality } from "./municipalities";

/**
 * The cities of the demo's municipality table that 別表第二 lists (prefectural capitals, designated cities and other
 * cities of about 100,000 people or more), by local government code, with the former towns it leaves out where they
 * were checked: a town whose name starts with one of them is outside the area. Read 2026-12-03 from the prefectural
 * police's and the light vehicle associations' lists of the areas (e.g. 北海道: 札幌市・函館市・旭川市; 兵庫県: 神戸市,
 * 姫路市（家島町・夢前町・香寺町・安富町を除く）); 東京都 leaves out only 福生市, 武蔵村山市, 羽村市, あきる野市, 西多摩郡 and
 * the islands, none of them in the table.
 */
const keiAreaCities: Record<string, { excludedTowns?: readonly string[] }> = {
  "01100": {}, // 札幌市
  "01202": {}, // 函館市
  "01204": {}, // 旭川市
  "04100": {}, // 仙台市
  "11100": {}, // さいたま市
  "12100": {}, // 千葉市
  "12204": {}, // 船橋市
  "13201": {}, // 八王子市
  "14100": {}, // 横浜市
  "14130": {}, // 川崎市
  "15100": {}, // 新潟市
  "17201": {}, // 金沢市
  "20201": {}, // 長野市
  "22100": {}, // 静岡市
  "23100": {}, // 名古屋市
  "26100": {}, // 京都市
  "27100": {}, // 大阪市
  "27140": {}, // 堺市
  "28100": {}, // 神戸市
  "28201": { excludedTowns: ["家島町", "夢前町", "香寺町", "安富町"] }, // 姫路市
  "33100": {}, // 岡山市
  "34100": {}, // 広島市
  "38201": {}, // 松山市
  "40100": {}, // 北九州市
  "40130": {}, // 福岡市
  "43100": {}, // 熊本市
  "46201": {}, // 鹿児島市
  "47201": {}, // 那覇市
};

/** Why the rule decided as it did, for tests and for the designers' pages. */
export type KeiParkingArea = "special-ward" | "listed-city" | "excluded-former-town" | "town-or-village" | "unlisted-city";

/** Which branch of the rule an address of the base of use falls in. */
export function keiParkingAreaOf(address: Pick<Address, "municipalityCode" | "municipality" | "town">): KeiParkingArea {
  const code = address.municipalityCode;
  // 東京都の特別区: 13101 (千代田区) to 13123 (江戸川区).
  if (/^131(0[1-9]|1\d|2[0-3])$/.test(code)) return "special-ward";
  const cityCode = getMunicipality(code)?.cityCode ?? code;
  const city = keiAreaCities[cityCode];
  if (city) return city.excludedTowns?.some((town) => address.town.startsWith(town)) ? "excluded-former-town" : "listed-city";
  // The cabinet order names no town or village for kei cars.
  if (/[町村]$/.test(address.municipality) && !address.municipality.includes("市")) return "town-or-village";
  return "unlisted-city";
}

/**
 * Whether the holder of a kei car based at this address must notify its parking space (保管場所法第5条, 附則第2項).
 * A city the table does not list is notified: most cities are in the areas, an unnecessary notification costs the
 * police a reply, and a missing one is an offence (第17条第3項第1号).
 */
export function keiParkingNotificationRequired(address: Pick<Address, "municipalityCode" | "municipality" | "town">): boolean {
  const area = keiParkingAreaOf(address);
  return area !== "excluded-former-town" && area !== "town-or-village";
}

/** The rule in both languages, as the README and the designers' pages state it. */
export const keiParkingAreaRule: Text = {
  ja: "軽自動車の保管場所届出は、使用の本拠の位置（個人は住所）が東京都の特別区か、自動車の保管場所の確保等に関する法律施行令附則・別表第二に掲げる市（一部の旧町村の区域を除く）にある場合に必要です（同法第5条・附則第2項）。",
  en: "A kei car's parking space is notified when its base of use (a private owner's address) is in a special ward of Tokyo or in a city the cabinet order lists (Annexed Table 2, without some former towns and villages) (Act on Securing Parking Spaces for Motor Vehicles, Article 5 and Supplementary Provisions, paragraph 2).",
};
