// Municipalities keyed by the 5-digit local government code (全国地方公共団体コード without the check
// digit), as Japan Post's postal code data uses it. Designated cities register residents at the ward, so
// wards carry their own code (札幌市中央区 01101) and point to their city (01100) for city-wide services.
import { defineAgency, type Agency } from "../lib/agency";
import type { Text } from "../lib/types";

export type Municipality = {
  code: string;
  name: Text;
  prefectureCode: string;
  /** For a ward of a designated city: the city's code. */
  cityCode?: string;
};

type Row = [code: string, ja: string, en: string, cityCode?: string];

// A ward's names are given without the city ("中央区", "Chuo Ward"); the city is added below.
const rows: Row[] = [
  ["01100", "札幌市", "Sapporo City"],
  ["01101", "中央区", "Chuo Ward", "01100"],
  ["01202", "函館市", "Hakodate City"],
  ["01204", "旭川市", "Asahikawa City"],
  ["04100", "仙台市", "Sendai City"],
  ["04101", "青葉区", "Aoba Ward", "04100"],
  ["11100", "さいたま市", "Saitama City"],
  ["11107", "浦和区", "Urawa Ward", "11100"],
  ["12100", "千葉市", "Chiba City"],
  ["12101", "中央区", "Chuo Ward", "12100"],
  ["12204", "船橋市", "Funabashi City"],
  ["13101", "千代田区", "Chiyoda City"],
  ["13102", "中央区", "Chuo City"],
  ["13103", "港区", "Minato City"],
  ["13104", "新宿区", "Shinjuku City"],
  ["13105", "文京区", "Bunkyo City"],
  ["13109", "品川区", "Shinagawa City"],
  ["13110", "目黒区", "Meguro City"],
  ["13111", "大田区", "Ota City"],
  ["13112", "世田谷区", "Setagaya City"],
  ["13113", "渋谷区", "Shibuya City"],
  ["13115", "杉並区", "Suginami City"],
  ["13116", "豊島区", "Toshima City"],
  ["13119", "板橋区", "Itabashi City"],
  ["13120", "練馬区", "Nerima City"],
  ["13121", "足立区", "Adachi City"],
  ["13123", "江戸川区", "Edogawa City"],
  ["13201", "八王子市", "Hachioji City"],
  ["14100", "横浜市", "Yokohama City"],
  ["14104", "中区", "Naka Ward", "14100"],
  ["14109", "港北区", "Kohoku Ward", "14100"],
  ["14117", "青葉区", "Aoba Ward", "14100"],
  ["14130", "川崎市", "Kawasaki City"],
  ["14131", "川崎区", "Kawasaki Ward", "14130"],
  ["15100", "新潟市", "Niigata City"],
  ["17201", "金沢市", "Kanazawa City"],
  ["20201", "長野市", "Nagano City"],
  ["22100", "静岡市", "Shizuoka City"],
  ["23100", "名古屋市", "Nagoya City"],
  ["23106", "中区", "Naka Ward", "23100"],
  ["26100", "京都市", "Kyoto City"],
  ["26104", "中京区", "Nakagyo Ward", "26100"],
  ["27100", "大阪市", "Osaka City"],
  ["27127", "北区", "Kita Ward", "27100"],
  ["27128", "中央区", "Chuo Ward", "27100"],
  ["27140", "堺市", "Sakai City"],
  ["28100", "神戸市", "Kobe City"],
  ["28110", "中央区", "Chuo Ward", "28100"],
  ["28201", "姫路市", "Himeji City"],
  ["33100", "岡山市", "Okayama City"],
  ["34100", "広島市", "Hiroshima City"],
  ["34101", "中区", "Naka Ward", "34100"],
  ["38201", "松山市", "Matsuyama City"],
  ["40100", "北九州市", "Kitakyushu City"],
  ["40130", "福岡市", "Fukuoka City"],
  ["40133", "中央区", "Chuo Ward", "40130"],
  ["43100", "熊本市", "Kumamoto City"],
  ["46201", "鹿児島市", "Kagoshima City"],
  ["47201", "那覇市", "Naha City"],
];

const cities = new Map(rows.filter((row) => !row[3]).map(([code, ja, en]) => [code, { ja, en }]));

export const municipalities: Municipality[] = rows.map(([code, ja, en, cityCode]) => {
  const city = cityCode ? cities.get(cityCode) : undefined;
  if (cityCode && !city) throw new Error(`Ward ${code} names an unknown city ${cityCode}`);
  return {
    code,
    name: city ? { ja: `${city.ja}${ja}`, en: `${en}, ${city.en.replace(/ City$/, "")}` } : { ja, en },
    prefectureCode: code.slice(0, 2),
    cityCode,
  };
});

const byCode = new Map(municipalities.map((municipality) => [municipality.code, municipality]));

export function getMunicipality(code: string): Municipality | undefined {
  return byCode.get(code);
}

export function municipalityAgencyId(code: string): string {
  return `municipality-${code}`;
}

function officeName(municipality: Municipality): Text {
  const city = municipality.cityCode ? byCode.get(municipality.cityCode) : undefined;
  const ward = rows.find((row) => row[0] === municipality.code)!;
  return city
    ? { ja: `${municipality.name.ja}役所`, en: `${city.name.en.replace(/ City$/, "")} ${ward[2]} Office` }
    : { ja: `${municipality.name.ja}役所`, en: `${municipality.name.en} Office` };
}

const localGovernment: Text = { ja: "地方公共団体（市区町村）", en: "Local government (municipality)" };

export const municipalityAgencies: Agency[] = municipalities.map((municipality) =>
  defineAgency({
    id: municipalityAgencyId(municipality.code),
    name: officeName(municipality),
    kind: "municipal",
    sector: localGovernment,
    channel: "inbox",
    prefectureCode: municipality.prefectureCode,
    municipalityCode: municipality.code,
  }),
);

/**
 * A municipality outside the table still gets an agency, so that a valid address never breaks routing:
 * the officers' inbox shows it by its code until the table is extended.
 */
export function fallbackMunicipalityAgency(code: string): Agency {
  return defineAgency({
    id: municipalityAgencyId(code),
    name: { ja: `市区町村（団体コード ${code}）`, en: `Municipality (local government code ${code})` },
    kind: "municipal",
    sector: localGovernment,
    channel: "inbox",
    prefectureCode: code.slice(0, 2),
    municipalityCode: code,
  });
}

export function listMunicipalities(): Municipality[] {
  return [...municipalities];
}
