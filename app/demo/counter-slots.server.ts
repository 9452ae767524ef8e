// The demo municipalities' counters and the visit slots they offer: weekdays, every half hour from 9:00 to
// 16:30, for the next 60 days, topped up on every start (existing slots keep their bookings). Public holidays
// are not left out: the demo has no holiday calendar.
import type { Db } from "../../db/client.server";
import { addCounterSlots, upsertCounterOffice } from "../../db/queries/counter-visits";
import { todayInJapan } from "../platform/today.server";

export const demoCounterOffices = [
  { id: "13104-main", agencyId: "municipality-13104", capacity: 2, nameJa: "新宿区役所 本庁舎 戸籍住民課", nameEn: "Shinjuku City Office, main building, residents' counter", addressJa: "東京都新宿区歌舞伎町一丁目4番1号", addressEn: "1-4-1 Kabukicho, Shinjuku-ku, Tokyo" },
  { id: "13104-yotsuya", agencyId: "municipality-13104", capacity: 1, nameJa: "新宿区 四谷特別出張所", nameEn: "Shinjuku City, Yotsuya branch office", addressJa: "東京都新宿区内藤町87番地", addressEn: "87 Naitomachi, Shinjuku-ku, Tokyo" },
  { id: "13101-main", agencyId: "municipality-13101", capacity: 2, nameJa: "千代田区役所 住民記録担当", nameEn: "Chiyoda City Office, residents' records counter", addressJa: "東京都千代田区九段南一丁目2番1号", addressEn: "1-2-1 Kudanminami, Chiyoda-ku, Tokyo" },
  { id: "13113-main", agencyId: "municipality-13113", capacity: 2, nameJa: "渋谷区役所 戸籍住民課", nameEn: "Shibuya City Office, residents' counter", addressJa: "東京都渋谷区宇田川町1番1号", addressEn: "1-1 Udagawacho, Shibuya-ku, Tokyo" },
  { id: "14104-main", agencyId: "municipality-14104", capacity: 2, nameJa: "横浜市中区役所 戸籍課", nameEn: "Naka Ward Office (Yokohama), family register counter", addressJa: "神奈川県横浜市中区日本大通35", addressEn: "35 Nihon-odori, Naka-ku, Yokohama" },
  { id: "14100-main", agencyId: "municipality-14100", capacity: 2, nameJa: "横浜市役所 市民情報室", nameEn: "Yokohama City Hall, citizens' counter", addressJa: "神奈川県横浜市中区本町6丁目50番地の10", addressEn: "6-50-10 Honcho, Naka-ku, Yokohama" },
];

const DAYS_AHEAD = 60;
const times = Array.from({ length: 16 }, (_, i) => {
  const minutes = 9 * 60 + i * 30;
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return { startsAt: hhmm(minutes), endsAt: hhmm(minutes + 30) };
});

/** Adds the demo offices and any missing slot from today for 60 days. Returns how many slots it added. */
export function seedCounterSlots(db: Db, { today = todayInJapan() }: { today?: string } = {}): number {
  return db.transaction((tx) => {
    let added = 0;
    for (const { capacity, ...office } of demoCounterOffices) {
      upsertCounterOffice(tx, office);
      for (let offset = 0; offset < DAYS_AHEAD; offset++) {
        const date = new Date(`${today}T00:00:00Z`);
        date.setUTCDate(date.getUTCDate() + offset);
        const weekday = date.getUTCDay();
        if (weekday === 0 || weekday === 6) continue;
        const day = date.toISOString().slice(0, 10);
        added += addCounterSlots(
          tx,
          times.map(({ startsAt, endsAt }) => ({ id: `${office.id}-${day}-${startsAt.replace(":", "")}`, officeId: office.id, day, startsAt, endsAt, capacity })),
        );
      }
    }
    return added;
  });
}
