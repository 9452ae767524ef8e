// The demo people who acquire a car: 田中さん buys a new car in Chiyoda, 高橋さん a used car from Tokyo that comes
// home to Sapporo (new plates), 伊藤さん a new kei car in Shibuya. Records are the seeded people's.
import type { Sample } from "../lib/life-event";
import { demoRecords } from "../relocation/samples";

export const carOwnershipSamples: Sample[] = [
  {
    id: "p-tanaka-ichiro",
    description: "A new standard car, kept in a rented space in Chiyoda near home.",
    record: demoRecords["p-tanaka-ichiro"],
    answers: {
      vehicleKind: "ordinary",
      condition: "new",
      acquisitionDate: "2026-12-15",
      vehicle: [{ make: "トヨタ", model: "6AA-MXPK11", chassisNumber: "MXPK11-1234567", lengthCm: 394, widthCm: 169, heightCm: 150 }],
      parkingAddress: { postalCode: "1010051", prefecture: "東京都", municipalityCode: "13101", municipality: "千代田区", town: "神田神保町", street: "二丁目20番" },
      parkingSpace: [{ right: "rented", lengthCm: 500, widthCm: 250 }],
    },
  },
  {
    id: "p-takahashi-ken",
    description: "A used standard car with Shinagawa plates, bought from a dealer and kept at home in Sapporo: new plates.",
    record: demoRecords["p-takahashi-ken"],
    answers: {
      vehicleKind: "ordinary",
      condition: "used",
      registrationNumber: "品川 300 あ 56-78",
      sellerName: "株式会社カーセレクト",
      acquisitionDate: "2026-12-10",
      vehicle: [{ make: "マツダ", model: "3DA-KF2P", chassisNumber: "KF2P-456789", lengthCm: 457, widthCm: 184, heightCm: 169 }],
      parkingAddress: { postalCode: "0600042", prefecture: "北海道", municipalityCode: "01101", municipality: "札幌市中央区", town: "大通西", street: "十丁目4番" },
      parkingSpace: [{ right: "own", lengthCm: 550, widthCm: 280 }],
    },
  },
  {
    id: "p-ito-yuki",
    description: "A new kei car kept in a rented space in Shibuya.",
    record: demoRecords["p-ito-yuki"],
    answers: {
      vehicleKind: "kei",
      condition: "new",
      acquisitionDate: "2026-12-18",
      vehicle: [{ make: "ホンダ", model: "6BA-JF5", chassisNumber: "JF5-1012345", lengthCm: 339, widthCm: 147, heightCm: 179 }],
      parkingAddress: { postalCode: "1500041", prefecture: "東京都", municipalityCode: "13113", municipality: "渋谷区", town: "神南", street: "一丁目15番" },
      parkingSpace: [{ right: "rented", lengthCm: 450, widthCm: 220 }],
    },
  },
];
