// The demo people who acquire a car: 田中さん buys a new car in Chiyoda, 高橋さん a used car from Tokyo that comes
// home to Sapporo (new plates), 伊藤さん a new kei car in Shibuya, 鈴木さん a used kei car in Osaka; each keeps it at
// home, so the parking address is the one on record. Records are the seeded people's.
import type { Sample } from "../lib/life-event";
import { demoAddresses, demoRecords } from "../relocation/samples";

export const carOwnershipSamples: Sample[] = [
  {
    id: "p-tanaka-ichiro",
    description: "A new standard car, kept in the rented car park of his apartment building in Chiyoda.",
    record: demoRecords["p-tanaka-ichiro"],
    answers: {
      vehicleKind: "ordinary",
      condition: "new",
      acquisitionDate: "2026-03-15",
      vehicle: [
        {
          make: "トヨタ",
          model: "6AA-MXPK11",
          chassisNumber: "MXPK11-1234567",
          lengthCm: 394,
          widthCm: 169,
          heightCm: 150,
        },
      ],
      parkingAddress: demoAddresses.tanakaOld,
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
      acquisitionDate: "2026-03-10",
      vehicle: [
        {
          make: "マツダ",
          model: "3DA-KF2P",
          chassisNumber: "KF2P-456789",
          lengthCm: 457,
          widthCm: 184,
          heightCm: 169,
        },
      ],
      parkingAddress: demoAddresses.takahashiOld,
      parkingSpace: [{ right: "own", lengthCm: 550, widthCm: 280 }],
    },
  },
  {
    id: "p-ito-yuki",
    description: "A new kei car kept in the rented car park of her apartment building in Shibuya.",
    record: demoRecords["p-ito-yuki"],
    answers: {
      vehicleKind: "kei",
      condition: "new",
      acquisitionDate: "2026-03-18",
      vehicle: [
        {
          make: "ホンダ",
          model: "6BA-JF5",
          chassisNumber: "JF5-1012345",
          lengthCm: 339,
          widthCm: 147,
          heightCm: 179,
        },
      ],
      parkingAddress: demoAddresses.itoOld,
      parkingSpace: [{ right: "rented", lengthCm: 450, widthCm: 220 }],
    },
  },
  {
    id: "p-suzuki-haruko",
    description: "A used kei car with Naniwa plates, bought from a dealer and kept in the rented car park of her building in Osaka.",
    record: demoRecords["p-suzuki-haruko"],
    answers: {
      vehicleKind: "kei",
      condition: "used",
      registrationNumber: "なにわ 580 あ 12-34",
      acquisitionDate: "2026-02-20",
      vehicle: [
        {
          make: "ダイハツ",
          model: "5BA-LA650S",
          chassisNumber: "LA650S-0123456",
          lengthCm: 339,
          widthCm: 147,
          heightCm: 178,
        },
      ],
      parkingAddress: demoAddresses.suzukiOld,
      parkingSpace: [{ right: "rented", lengthCm: 450, widthCm: 220 }],
    },
  },
];
