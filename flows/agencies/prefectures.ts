// The 47 prefectures, with what routing needs: the city of the Legal Affairs Bureau, and which regional
// electricity, city-gas and NTT company serves them. Codes are the first two digits of the LG code.
import type { Text } from "../lib/types";

export type ElectricityArea =
  | "hokkaido" | "tohoku" | "tokyo" | "hokuriku" | "chubu" | "kansai" | "chugoku" | "shikoku" | "kyushu" | "okinawa";
export type GasArea = "hokkaido" | "tokyo" | "toho" | "osaka" | "saibu" | null;

export type Prefecture = {
  code: string;
  name: Text;
  /** The city whose (District) Legal Affairs Bureau serves the prefecture. */
  bureauCity: Text;
  electricity: ElectricityArea;
  gas: GasArea;
  ntt: "east" | "west";
};

type Row = [code: string, ja: string, en: string, cityJa: string, cityEn: string, electricity: ElectricityArea, gas: GasArea, ntt: "east" | "west"];

const rows: Row[] = [
  ["01", "北海道", "Hokkaido", "札幌", "Sapporo", "hokkaido", "hokkaido", "east"],
  ["02", "青森県", "Aomori", "青森", "Aomori", "tohoku", null, "east"],
  ["03", "岩手県", "Iwate", "盛岡", "Morioka", "tohoku", null, "east"],
  ["04", "宮城県", "Miyagi", "仙台", "Sendai", "tohoku", null, "east"],
  ["05", "秋田県", "Akita", "秋田", "Akita", "tohoku", null, "east"],
  ["06", "山形県", "Yamagata", "山形", "Yamagata", "tohoku", null, "east"],
  ["07", "福島県", "Fukushima", "福島", "Fukushima", "tohoku", null, "east"],
  ["08", "茨城県", "Ibaraki", "水戸", "Mito", "tokyo", null, "east"],
  ["09", "栃木県", "Tochigi", "宇都宮", "Utsunomiya", "tokyo", null, "east"],
  ["10", "群馬県", "Gunma", "前橋", "Maebashi", "tokyo", null, "east"],
  ["11", "埼玉県", "Saitama", "さいたま", "Saitama", "tokyo", "tokyo", "east"],
  ["12", "千葉県", "Chiba", "千葉", "Chiba", "tokyo", "tokyo", "east"],
  ["13", "東京都", "Tokyo", "東京", "Tokyo", "tokyo", "tokyo", "east"],
  ["14", "神奈川県", "Kanagawa", "横浜", "Yokohama", "tokyo", "tokyo", "east"],
  ["15", "新潟県", "Niigata", "新潟", "Niigata", "tohoku", null, "east"],
  ["16", "富山県", "Toyama", "富山", "Toyama", "hokuriku", null, "west"],
  ["17", "石川県", "Ishikawa", "金沢", "Kanazawa", "hokuriku", null, "west"],
  ["18", "福井県", "Fukui", "福井", "Fukui", "hokuriku", null, "west"],
  ["19", "山梨県", "Yamanashi", "甲府", "Kofu", "tokyo", null, "east"],
  ["20", "長野県", "Nagano", "長野", "Nagano", "chubu", null, "east"],
  ["21", "岐阜県", "Gifu", "岐阜", "Gifu", "chubu", "toho", "west"],
  ["22", "静岡県", "Shizuoka", "静岡", "Shizuoka", "chubu", null, "west"],
  ["23", "愛知県", "Aichi", "名古屋", "Nagoya", "chubu", "toho", "west"],
  ["24", "三重県", "Mie", "津", "Tsu", "chubu", "toho", "west"],
  ["25", "滋賀県", "Shiga", "大津", "Otsu", "kansai", "osaka", "west"],
  ["26", "京都府", "Kyoto", "京都", "Kyoto", "kansai", "osaka", "west"],
  ["27", "大阪府", "Osaka", "大阪", "Osaka", "kansai", "osaka", "west"],
  ["28", "兵庫県", "Hyogo", "神戸", "Kobe", "kansai", "osaka", "west"],
  ["29", "奈良県", "Nara", "奈良", "Nara", "kansai", "osaka", "west"],
  ["30", "和歌山県", "Wakayama", "和歌山", "Wakayama", "kansai", "osaka", "west"],
  ["31", "鳥取県", "Tottori", "鳥取", "Tottori", "chugoku", null, "west"],
  ["32", "島根県", "Shimane", "松江", "Matsue", "chugoku", null, "west"],
  ["33", "岡山県", "Okayama", "岡山", "Okayama", "chugoku", null, "west"],
  ["34", "広島県", "Hiroshima", "広島", "Hiroshima", "chugoku", null, "west"],
  ["35", "山口県", "Yamaguchi", "山口", "Yamaguchi", "chugoku", null, "west"],
  ["36", "徳島県", "Tokushima", "徳島", "Tokushima", "shikoku", null, "west"],
  ["37", "香川県", "Kagawa", "高松", "Takamatsu", "shikoku", null, "west"],
  ["38", "愛媛県", "Ehime", "松山", "Matsuyama", "shikoku", null, "west"],
  ["39", "高知県", "Kochi", "高知", "Kochi", "shikoku", null, "west"],
  ["40", "福岡県", "Fukuoka", "福岡", "Fukuoka", "kyushu", "saibu", "west"],
  ["41", "佐賀県", "Saga", "佐賀", "Saga", "kyushu", null, "west"],
  ["42", "長崎県", "Nagasaki", "長崎", "Nagasaki", "kyushu", null, "west"],
  ["43", "熊本県", "Kumamoto", "熊本", "Kumamoto", "kyushu", "saibu", "west"],
  ["44", "大分県", "Oita", "大分", "Oita", "kyushu", null, "west"],
  ["45", "宮崎県", "Miyazaki", "宮崎", "Miyazaki", "kyushu", null, "west"],
  ["46", "鹿児島県", "Kagoshima", "鹿児島", "Kagoshima", "kyushu", null, "west"],
  ["47", "沖縄県", "Okinawa", "那覇", "Naha", "okinawa", null, "west"],
];

export const prefectures: Prefecture[] = rows.map(([code, ja, en, cityJa, cityEn, electricity, gas, ntt]) => ({
  code,
  name: { ja, en },
  bureauCity: { ja: cityJa, en: cityEn },
  electricity,
  gas,
  ntt,
}));

const byCode = new Map(prefectures.map((prefecture) => [prefecture.code, prefecture]));

export function getPrefecture(code: string): Prefecture | undefined {
  return byCode.get(code);
}

/** 東京都 -> 東京, 北海道 -> 北海道: the form used in 東京労働局, 神奈川運輸支局. */
export function shortName(prefecture: Prefecture): string {
  return prefecture.code === "01" ? "北海道" : prefecture.name.ja.replace(/[都府県]$/, "");
}
