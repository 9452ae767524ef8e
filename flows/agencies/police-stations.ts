// The police station with jurisdiction over a parking place (保管場所の位置を管轄する警察署長, 保管場所法第4条・第5条,
// 施行令第2条, 施行規則第1条). Parking certificates and notifications are received by the prefectural police — one
// channel per prefecture, as the one-stop service and the prefectures' parking systems take them — and decided by
// that station, whose chief issues the certificate. So the station is not an organisation of its own but a data
// item routed from the parking address, named on the form, the consent page and the payload.
// Jurisdictions follow town (町) boundaries, sometimes 丁目 ones; the table lists towns of the demo's areas whose
// station was checked, and elsewhere names the station by the place, for the prefectural police to assign it.
import type { Address, Text } from "../lib/types";
import { getMunicipality } from "./municipalities";
import { policeId } from "./public-bodies";

/** A station as the payload carries it: `code` is the prefectural police's id and the station's, null when unassigned. */
export type PoliceStation = { code: string | null; name: Text };

type Jurisdiction = { slug: string; name: Text; towns?: readonly string[] };

/**
 * By local government code: the stations and the towns each covers; a station without `towns` covers the whole
 * municipality. Sources: the stations' published jurisdictions (管轄区域), read 2026-12-02; a town is listed only when checked.
 */
const jurisdictions: Record<string, readonly Jurisdiction[]> = {
  // 千代田区: 麹町 (the west), 神田 (the Kanda area west of the Chuo line); 丸の内 and 万世橋 cover the rest.
  "13101": [
    {
      slug: "kojimachi",
      name: { ja: "麹町警察署", en: "Kojimachi Police Station" },
      towns: ["麹町", "一番町", "二番町", "三番町", "四番町", "五番町", "六番町", "永田町", "隼町", "平河町", "紀尾井町", "九段南", "九段北", "富士見", "飯田橋", "北の丸公園"],
    },
    {
      slug: "kanda",
      name: { ja: "神田警察署", en: "Kanda Police Station" },
      towns: ["神田錦町", "神田淡路町", "神田多町", "内神田", "神田小川町", "神田神保町", "神田司町", "神田美土代町", "神田三崎町"],
    },
  ],
  // 新宿区: 新宿警察署 covers 西新宿 and 歌舞伎町; 戸塚, 牛込, 四谷 and 新宿 (other towns) the rest.
  "13104": [{ slug: "shinjuku", name: { ja: "新宿警察署", en: "Shinjuku Police Station" }, towns: ["西新宿", "歌舞伎町"] }],
  // 渋谷区: 渋谷警察署 the south; 原宿 and 代々木 the north.
  "13113": [
    {
      slug: "shibuya",
      name: { ja: "渋谷警察署", en: "Shibuya Police Station" },
      towns: ["渋谷", "宇田川町", "道玄坂", "円山町", "南平台町", "鉢山町", "猿楽町", "代官山町", "東", "広尾", "恵比寿", "恵比寿南"],
    },
  ],
  // 横浜市中区: 加賀町警察署 the north (関内, 山下町, 中華街); 山手 and 伊勢佐木 the rest.
  "14104": [{ slug: "kagacho", name: { ja: "加賀町警察署", en: "Kagacho Police Station" }, towns: ["山下町"] }],
  // 札幌市中央区: 北海道警察 札幌方面中央警察署.
  "01101": [{ slug: "sapporo-chuo", name: { ja: "札幌方面中央警察署", en: "Sapporo Chuo Police Station" } }],
  // 京都市中京区: 中京警察署.
  "26104": [{ slug: "nakagyo", name: { ja: "中京警察署", en: "Nakagyo Police Station" } }],
};

/** The station with jurisdiction over the address, or, where the table has none, the place it must serve. */
export function policeStationFor(address: Pick<Address, "municipalityCode" | "municipality" | "town">): PoliceStation {
  const police = policeId(address.municipalityCode.slice(0, 2));
  const station = jurisdictions[address.municipalityCode]?.find((candidate) => !candidate.towns || candidate.towns.includes(address.town));
  if (station) return { code: `${police}:${station.slug}`, name: station.name };
  const place = `${address.municipality}${address.town}`;
  const municipalityEn = getMunicipality(address.municipalityCode)?.name.en ?? address.municipality;
  return {
    code: null,
    name: { ja: `${place}を管轄する警察署`, en: `The police station with jurisdiction over ${place} (${municipalityEn})` },
  };
}
