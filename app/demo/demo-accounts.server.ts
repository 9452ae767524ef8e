// The demo accounts: one or more for every role, seeded in demo mode only and listed in the README.
// Their password and TOTP secrets are published on purpose, so a tester can sign in as anyone.
import type { Role } from "../../db/schema";

/** The one password of every demo account (each is still hashed with its own salt). */
export const DEMO_PASSWORD = "madoguchi-demo-2026";

export type DemoAccount = {
  id: string;
  loginId: string;
  displayName: string;
  role: Role;
  personId?: string;
  agencyId?: string;
  /** Base32 TOTP secret (fixed, published) for roles that need a second factor. */
  totpSecret?: string;
  actsFor?: { subjectType: "person" | "company"; subjectId: string; subjectName: string; relationship: "spouse" | "child" | "representative" }[];
};

export const demoAccounts: DemoAccount[] = [
  { id: "u-tanaka-ichiro", loginId: "tanaka", displayName: "田中 一郎", role: "citizen", personId: "p-tanaka-ichiro" },
  {
    id: "u-sato-kenji",
    loginId: "sato.kenji",
    displayName: "佐藤 健二",
    role: "citizen",
    personId: "p-sato-kenji",
    actsFor: [
      { subjectType: "person", subjectId: "p-sato-yumi", subjectName: "佐藤 由美", relationship: "spouse" },
      { subjectType: "person", subjectId: "p-sato-daichi", subjectName: "佐藤 大地", relationship: "child" },
      { subjectType: "person", subjectId: "p-sato-mio", subjectName: "佐藤 美緒", relationship: "child" },
    ],
  },
  { id: "u-sato-yumi", loginId: "sato.yumi", displayName: "佐藤 由美", role: "citizen", personId: "p-sato-yumi" },
  { id: "u-suzuki-haruko", loginId: "suzuki", displayName: "鈴木 春子", role: "citizen", personId: "p-suzuki-haruko" },
  { id: "u-takahashi-ken", loginId: "takahashi", displayName: "高橋 健", role: "citizen", personId: "p-takahashi-ken" },
  { id: "u-nguyen-thi-lan", loginId: "nguyen", displayName: "NGUYEN THI LAN", role: "citizen", personId: "p-nguyen-thi-lan" },
  { id: "u-ito-yuki", loginId: "ito", displayName: "伊藤 由紀", role: "citizen", personId: "p-ito-yuki" },
  {
    id: "u-yamada-taro",
    loginId: "yamada",
    displayName: "山田 太郎",
    role: "representative",
    actsFor: [{ subjectType: "company", subjectId: "c-yamada-shoten", subjectName: "株式会社山田商店", relationship: "representative" }],
  },
  {
    id: "u-officer-shinjuku",
    loginId: "officer.shinjuku",
    displayName: "小林 直子",
    role: "officer",
    agencyId: "municipality-13104",
    totpSecret: "Q6P634PGI66TFVXCOS2QOM6FQAJCYRC7",
  },
  {
    id: "u-officer-yokohama",
    loginId: "officer.yokohama",
    displayName: "森 拓也",
    role: "officer",
    agencyId: "municipality-14100",
    totpSecret: "DVIVQZKJEI72MMYNLQBIS33XU7DJWROE",
  },
  {
    id: "u-officer-chiyoda",
    loginId: "officer.chiyoda",
    displayName: "山口 真理",
    role: "officer",
    agencyId: "municipality-13101",
    totpSecret: "YTF4S57SBPEMMD7IMSZHBV2QCY6LUGCQ",
  },
  {
    id: "u-officer-naka",
    loginId: "officer.naka",
    displayName: "吉田 健太",
    role: "officer",
    agencyId: "municipality-14104",
    totpSecret: "P3YSQ6AMLWL2Z7NCBUHRBK2EOCK5KVYV",
  },
  {
    id: "u-officer-shibuya",
    loginId: "officer.shibuya",
    displayName: "渡辺 陽子",
    role: "officer",
    agencyId: "municipality-13113",
    totpSecret: "JD2WRFRIKWIW3XM6ZZMQWGSU6RCN5MPH",
  },
  {
    id: "u-officer-pension",
    loginId: "officer.pension",
    displayName: "石川 恵",
    role: "officer",
    agencyId: "japan-pension-service",
    totpSecret: "4S4HWRF7I5XWOWXE73GBFJK7NQGEGYBV",
  },
  { id: "u-designer", loginId: "designer", displayName: "中村 彩", role: "designer", totpSecret: "GYL5LWQUQ5JOKQKPQ6LX5WV5D4POQOOW" },
  { id: "u-evaluator", loginId: "evaluator", displayName: "松本 誠", role: "evaluator" },
  { id: "u-admin", loginId: "admin", displayName: "井上 修", role: "administrator", totpSecret: "DYVASVRLD4IXHRJXAKI2KXD34WWIVHE7" },
];

export const getDemoAccount = (loginId: string) => demoAccounts.find((account) => account.loginId === loginId);
