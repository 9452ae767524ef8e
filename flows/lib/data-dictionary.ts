// The shared data dictionary: every piece of data a procedure may receive, with its meaning and shape.
// Procedures name the items they need; a payload carries those items and nothing else (data minimisation).
import { z } from "zod";
import { isValidCorporateNumber, isValidIndividualNumber } from "./check-digits";
import {
  acquiredVehicleSchema,
  addressSchema,
  dogSchema,
  employeeSchema,
  householdMemberSchema,
  isoDateSchema,
  parkingSpaceSchema,
  policeStationSchema,
  vehicleSchema,
  type Text,
} from "./types";

const katakana = z.string().regex(/^[\u30A0-\u30FF\u3000\s・ー]+$/);

/** An identity number (My Number, pension, licence, residence card, labour insurance, bank account):
 * encrypted at rest, shown masked except to the organisations it is sent to, never logged. */
export type Sensitivity = "identity-number";

function item<S extends z.ZodTypeAny>(label: Text, schema: S, options: { sensitivity?: Sensitivity } = {}) {
  return { label, schema, sensitivity: options.sensitivity };
}

export const dataDictionary = {
  name: item({ ja: "氏名", en: "Full name" }, z.string().min(1)),
  nameKana: item({ ja: "氏名（フリガナ）", en: "Full name in katakana" }, katakana),
  birthDate: item({ ja: "生年月日", en: "Date of birth" }, isoDateSchema),
  gender: item({ ja: "性別", en: "Gender" }, z.enum(["female", "male", "other"])),
  nationality: item({ ja: "国籍", en: "Nationality" }, z.string().length(2)),
  phone: item({ ja: "電話番号", en: "Phone number" }, z.string().regex(/^0\d{9,10}$/)),
  email: item({ ja: "メールアドレス", en: "Email address" }, z.string().email()),
  individualNumber: item(
    { ja: "個人番号（マイナンバー）", en: "Individual Number (My Number)" },
    z.string().regex(/^\d{12}$/).refine(isValidIndividualNumber, "The check digit does not match"),
    { sensitivity: "identity-number" },
  ),
  residenceCardNumber: item(
    { ja: "在留カード番号", en: "Residence card number" },
    z.string().regex(/^[A-Z]{2}\d{8}[A-Z]{2}$/),
    { sensitivity: "identity-number" },
  ),

  householderName: item({ ja: "世帯主の氏名", en: "Householder's name" }, z.string().min(1)),
  relationshipToHouseholder: item({ ja: "世帯主との続柄", en: "Relationship to the householder" }, z.string().min(1)),
  residenceStatus: item({ ja: "在留資格", en: "Status of residence" }, z.string().min(1)),
  periodOfStay: item({ ja: "在留期間の満了日", en: "Period of stay (until)" }, isoDateSchema),
  filedAt: item({ ja: "届出年月日", en: "Date of filing" }, isoDateSchema),
  filedBy: item(
    { ja: "届出人（本人・代理人）", en: "Filed by (the person or a representative)" },
    z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("self"), name: z.string().min(1) }).strict(),
      z.object({ kind: z.literal("representative"), name: z.string().min(1), forName: z.string().min(1) }).strict(),
    ]),
  ),

  moveDate: item({ ja: "異動日（引越しの日）", en: "Date of the move" }, isoDateSchema),
  currentAddress: item({ ja: "現住所（旧住所）", en: "Current (old) address" }, addressSchema),
  newAddress: item({ ja: "新住所", en: "New address" }, addressSchema),
  movingMembers: item(
    { ja: "一緒に異動する世帯員", en: "Household members moving with you" },
    z.array(householdMemberSchema),
  ),
  children: item(
    { ja: "一緒に異動する18歳以下の子", en: "Children up to 18 moving with you" },
    z.array(householdMemberSchema),
  ),
  schoolChildren: item(
    { ja: "転校する児童・生徒", en: "Children changing school" },
    z.array(householdMemberSchema),
  ),
  currentSchool: item({ ja: "在籍している学校", en: "School the children attend now" }, z.string().min(1)),
  careInsuredPersons: item(
    { ja: "65歳以上の異動者", en: "People aged 65 or over who move" },
    z.array(z.object({ name: z.string().min(1), birthDate: isoDateSchema }).strict()),
  ),
  basicPensionNumber: item({ ja: "基礎年金番号", en: "Basic pension number" }, z.string().regex(/^\d{10}$/), {
    sensitivity: "identity-number",
  }),
  driversLicenceNumber: item({ ja: "運転免許証番号", en: "Driving licence number" }, z.string().regex(/^\d{12}$/), {
    sensitivity: "identity-number",
  }),
  vehicles: item({ ja: "保有する自動車", en: "Vehicles owned" }, z.array(vehicleSchema).min(1)),
  parkingAddress: item({ ja: "自動車の保管場所", en: "Where the vehicle is kept" }, addressSchema),
  parkingSpace: item({ ja: "保管場所の使用権原と大きさ", en: "Parking space: right of use and size" }, parkingSpaceSchema),
  policeStation: item({ ja: "保管場所を管轄する警察署", en: "Police station with jurisdiction over the parking place" }, policeStationSchema),
  dogs: item({ ja: "飼い犬", en: "Dogs" }, z.array(dogSchema).min(1)),

  address: item({ ja: "住所（使用の本拠の位置）", en: "Address (where the vehicle is used from)" }, addressSchema),
  acquiredVehicle: item({ ja: "取得する自動車", en: "The vehicle acquired" }, acquiredVehicleSchema),
  acquisitionDate: item({ ja: "自動車の取得日", en: "Date the vehicle is acquired" }, isoDateSchema),

  companyName: item({ ja: "商号", en: "Company name" }, z.string().min(1)),
  companyNameKana: item({ ja: "商号（フリガナ）", en: "Company name in katakana" }, katakana),
  companyType: item({ ja: "会社の種類", en: "Type of company" }, z.enum(["kabushiki", "godo"])),
  headOffice: item({ ja: "本店所在地", en: "Head office address" }, addressSchema),
  businessPurposes: item({ ja: "事業目的", en: "Business purposes" }, z.array(z.string().min(1)).min(1)),
  capital: item({ ja: "資本金の額", en: "Share capital" }, z.number().int().min(1)),
  foundingDate: item({ ja: "設立日（登記申請日）", en: "Date of incorporation (registration filing)" }, isoDateSchema),
  fiscalYearEndMonth: item({ ja: "事業年度の末日（月）", en: "Month the financial year ends" }, z.number().int().min(1).max(12)),
  representativeName: item({ ja: "代表者氏名", en: "Representative's name" }, z.string().min(1)),
  representativeAddress: item({ ja: "代表者住所", en: "Representative's address" }, addressSchema),
  employeeCount: item({ ja: "従業員数", en: "Number of employees" }, z.number().int().min(1)),
  expectedAnnualWages: item({ ja: "賃金総額の見込額（年額）", en: "Expected total wages for the year" }, z.number().int().min(1)),
  labourInsuranceNumber: item(
    { ja: "労働保険番号", en: "Labour insurance number" },
    // 府県(2)・所掌(1)・管轄(2)・基幹番号(6)・枝番号(3)
    z.string().regex(/^\d{14}$/),
    { sensitivity: "identity-number" },
  ),
  employmentInsuranceOfficeNumber: item({ ja: "雇用保険適用事業所番号", en: "Employment insurance workplace number" }, z.string().regex(/^\d{11}$/)),
  employees: item({ ja: "雇用保険の被保険者となる従業員", en: "Employees enrolled in employment insurance" }, z.array(employeeSchema).min(1)),
  firstEmploymentDate: item({ ja: "従業員の雇入れ日", en: "Date the first employee starts" }, isoDateSchema),
  firstBusinessYearEnd: item({ ja: "最初の事業年度の末日", en: "Last day of the first business year" }, isoDateSchema),
  corporateNumber: item(
    { ja: "法人番号", en: "Corporate number" },
    z.string().regex(/^\d{13}$/).refine(isValidCorporateNumber, "The check digit does not match"),
  ),
} as const;

export type DataItemKey = keyof typeof dataDictionary;
export type DataValues = { [K in DataItemKey]: z.output<(typeof dataDictionary)[K]["schema"]> };
export const dataItemKeys = Object.keys(dataDictionary) as DataItemKey[];

export function isDataItemKey(key: string): key is DataItemKey {
  return key in dataDictionary;
}

/** The data items that hold an identity number (see Sensitivity). */
export const identityNumberItems: readonly DataItemKey[] = dataItemKeys.filter(
  (key) => dataDictionary[key].sensitivity === "identity-number",
);

export function isIdentityNumberItem(key: string): boolean {
  return isDataItemKey(key) && dataDictionary[key].sensitivity === "identity-number";
}
