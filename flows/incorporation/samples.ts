// The demo founder (c-yamada-shoten, a kabushiki kaisha in Chiyoda) and a second sample, a godo kaisha
// in Osaka without staff, so that every rule of the incorporation journey is tried both ways.
import type { Sample } from "../lib/life-event";
import type { Address, RecordValues } from "../lib/types";

const yamadaHeadOffice: Address = {
  postalCode: "1000005",
  prefecture: "東京都",
  municipalityCode: "13101",
  municipality: "千代田区",
  town: "丸の内",
  street: "一丁目6番5号",
  building: "丸の内北口ビル9階",
};

const yamadaHome: Address = {
  postalCode: "1010051",
  prefecture: "東京都",
  municipalityCode: "13101",
  municipality: "千代田区",
  town: "神田神保町",
  street: "一丁目10番地",
};

const osakaOffice: Address = {
  postalCode: "5300001",
  prefecture: "大阪府",
  municipalityCode: "27127",
  municipality: "大阪市北区",
  town: "梅田",
  street: "一丁目1番3号",
};

export const demoCompanyRecords: Record<string, RecordValues> = {
  "c-yamada-shoten": {
    "name.kanji": "山田 太郎",
    "name.kana": "ヤマダ タロウ",
    birthDate: "1975-10-01",
    address: yamadaHome,
    phone: "0332910000",
    email: "taro.yamada@example.jp",
    "company.name": "株式会社山田商店",
    "company.nameKana": "ヤマダショウテン",
    "company.headOffice": yamadaHeadOffice,
  },
};

export const incorporationSamples: Sample[] = [
  {
    id: "c-yamada-shoten",
    description: "A kabushiki kaisha in Chiyoda with two employees, a blue return and an MUFG account.",
    record: demoCompanyRecords["c-yamada-shoten"],
    answers: {
      companyType: "kabushiki",
      companyName: "株式会社山田商店",
      companyNameKana: "ヤマダショウテン",
      headOffice: yamadaHeadOffice,
      businessPurposes: [{ purpose: "食料品及び日用品の販売" }, { purpose: "前号に附帯する一切の業務" }],
      capital: 3_000_000,
      foundingDate: "2026-04-01",
      fiscalYearEndMonth: 3,
      representativeName: "山田 太郎",
      representativeAddress: yamadaHome,
      hasEmployees: true,
      employeeCount: 2,
      firstEmploymentDate: "2026-05-01",
      expectedAnnualWages: 7_200_000,
      employees: [
        { name: "佐々木 美咲", nameKana: "ササキ ミサキ", gender: "female", birthDate: "1992-11-03", monthlyWage: 320_000, weeklyHours: 40, employmentType: "regular", occupation: "sales" },
        { name: "小川 健太", nameKana: "オガワ ケンタ", gender: "male", birthDate: "2001-06-15", monthlyWage: 280_000, weeklyHours: 40, employmentType: "regular", occupation: "clerical" },
      ],
      blueReturn: true,
      corporateBank: "mufg-bank",
    },
  },
  {
    id: "sample-godo-osaka",
    description: "A godo kaisha in Osaka (Kita Ward), with no staff and no bank account through the portal.",
    record: { "name.kanji": "中村 翔", "name.kana": "ナカムラ ショウ", address: osakaOffice },
    answers: {
      companyType: "godo",
      companyName: "合同会社ナカムラデザイン",
      companyNameKana: "ナカムラデザイン",
      headOffice: osakaOffice,
      businessPurposes: [{ purpose: "ウェブサイトの企画及び制作" }],
      capital: 100_000,
      foundingDate: "2026-06-01",
      fiscalYearEndMonth: 12,
      representativeName: "中村 翔",
      representativeAddress: osakaOffice,
      hasEmployees: false,
      blueReturn: false,
      corporateBank: "none",
    },
  },
];
