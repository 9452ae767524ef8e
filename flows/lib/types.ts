// The shared vocabulary of flows: languages, texts, and the once-only record as a flow sees it.
// Sources and timestamps of record values are the app's business; flows only read values.
import { z } from "zod";

export type Lang = "ja" | "en";
export const langs: readonly Lang[] = ["ja", "en"];

/** A text written in the definition itself (titles, legal bases), in every language. */
export type Text = Record<Lang, string>;

export const postalCodeSchema = z.string().regex(/^\d{7}$/);
export const municipalityCodeSchema = z.string().regex(/^(0[1-9]|[1-3]\d|4[0-7])\d{3}$/);
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => isRealDate(value));

export const addressSchema = z
  .object({
    postalCode: postalCodeSchema,
    prefecture: z.string().min(1),
    /** 5-digit local government code (全国地方公共団体コード without the check digit). */
    municipalityCode: municipalityCodeSchema,
    municipality: z.string().min(1),
    town: z.string().min(1),
    /** 丁目・番地・号 */
    street: z.string().min(1),
    building: z.string().optional(),
  })
  .strict();
export type Address = z.infer<typeof addressSchema>;

/** The police station with jurisdiction over a parking place, in both languages; `code` null when the prefectural police assign it. */
export const policeStationSchema = z
  .object({
    code: z.string().min(1).nullable(),
    name: z.object({ ja: z.string().min(1), en: z.string().min(1) }).strict(),
  })
  .strict();

export const relationships = ["spouse", "child", "parent", "sibling", "grandchild", "grandparent", "other"] as const;
export type Relationship = (typeof relationships)[number];

export const householdMemberSchema = z
  .object({
    name: z.string().min(1),
    nameKana: z.string().optional(),
    birthDate: isoDateSchema,
    relationship: z.enum(relationships),
  })
  .strict();
/** Someone who lives with the person (the person themself is not a member). */
export type HouseholdMember = z.infer<typeof householdMemberSchema>;

export const vehicleKinds = ["ordinary", "kei", "motorcycle"] as const;
export const vehicleSchema = z
  .object({
    registrationNumber: z.string().min(1),
    kind: z.enum(vehicleKinds),
    /** From the registration file (自動車登録ファイル): what the parking certificate's form asks. */
    make: z.string().min(1).optional(),
    model: z.string().min(1).optional(),
    chassisNumber: z.string().min(1).optional(),
    lengthCm: z.number().int().positive().optional(),
    widthCm: z.number().int().positive().optional(),
    heightCm: z.number().int().positive().optional(),
  })
  .strict();

/**
 * A car being acquired: what the completion inspection certificate (new) or the vehicle inspection certificate
 * (used) says of it, as the parking certificate and the registration forms ask; a used car has its number.
 */
export const acquiredVehicleSchema = z
  .object({
    kind: z.enum(["ordinary", "kei"]),
    condition: z.enum(["new", "used"]),
    registrationNumber: z.string().min(1).optional(),
    make: z.string().min(1),
    model: z.string().min(1),
    chassisNumber: z.string().min(1),
    lengthCm: z.number().int().positive(),
    widthCm: z.number().int().positive(),
    heightCm: z.number().int().positive(),
  })
  .strict();
export type AcquiredVehicle = z.infer<typeof acquiredVehicleSchema>;

/** The 11 major groups of the Japan Standard Occupational Classification, as employment insurance forms code them. */
export const occupations = ["management", "professional", "clerical", "sales", "service", "security", "agriculture", "production", "transport", "construction", "carrying"] as const;

/** An employee enrolled in employment insurance, as the enrolment form (資格取得届) asks. */
export const employeeSchema = z
  .object({
    name: z.string().min(1),
    nameKana: z.string().min(1),
    gender: z.enum(["female", "male"]),
    birthDate: isoDateSchema,
    /** Monthly wage in yen. */
    monthlyWage: z.number().int().positive(),
    weeklyHours: z.number().positive().max(60),
    employmentType: z.enum(["regular", "fixedTerm", "partTime"]),
    occupation: z.enum(occupations),
  })
  .strict();
export type Employee = z.infer<typeof employeeSchema>;

/** The parking space: the right to use it (own land: a self-declaration; rented: the landlord's consent) and its size. */
export const parkingSpaceSchema = z
  .object({
    right: z.enum(["own", "rented"]),
    lengthCm: z.number().int().positive(),
    widthCm: z.number().int().positive(),
  })
  .strict();
export type Vehicle = z.infer<typeof vehicleSchema>;

export const dogSchema = z
  .object({
    name: z.string().min(1),
    breed: z.string().min(1),
    registrationNumber: z.string().min(1),
  })
  .strict();
export type Dog = z.infer<typeof dogSchema>;

export type Gender = "female" | "male" | "other";
export type HealthInsurance = "nhi" | "employee" | "other";
export type PensionCategory = "category1" | "category2" | "category3" | "none";

/** The once-only record as flows see it: attribute key -> value. */
export type RecordValues = Partial<{
  "name.kanji": string;
  "name.kana": string;
  birthDate: string;
  gender: Gender;
  /** ISO 3166-1 alpha-2; 'JP' for Japanese nationals. */
  nationality: string;
  address: Address;
  household: HouseholdMember[];
  vehicles: Vehicle[];
  dogs: Dog[];
  healthInsurance: HealthInsurance;
  pension: PensionCategory;
  childAllowance: boolean;
  /** J-LIS: whether a My Number Card has been issued. */
  myNumberCard: boolean;
  /** Immigration Services Agency: the residence card of a foreign resident. */
  residenceCardNumber: string;
  /** Immigration Services Agency: status of residence (在留資格), as on the residence card. */
  residenceStatus: string;
  /** Immigration Services Agency: the last day of the period of stay (在留期間の満了日). */
  periodOfStayUntil: string;
  /** Basic Resident Register: the householder (世帯主) of the person's household… */
  "householder.name": string;
  /** …and the person's relationship to them as the register writes it (世帯主, 妻, 子…). */
  "householder.relationship": string;
  /** Japan Pension Service: whether the person receives a pension. */
  receivesPension: boolean;
  longTermCareInsured: boolean;
  driversLicenceNumber: string;
  basicPensionNumber: string;
  phone: string;
  email: string;
  "company.name": string;
  "company.nameKana": string;
  "company.corporateNumber": string;
  "company.headOffice": Address;
  "company.capital": number;
  "company.foundedOn": string;
}>;
export type RecordAttribute = keyof RecordValues;

/** questionId -> the parsed value the person submitted. */
export type Answers = Record<string, unknown>;

/**
 * Who files, and when: known at submission (the portal's date in Japan and the signed-in user), so the
 * payload can say it as every form does (届出年月日, 届出人). Absent in previews without a submission.
 */
export type Filing = { date: string; by: { kind: "self" } | { kind: "representative"; name: string } };

/** What rules, routing and derivations read. */
export type FlowContext<A = Answers> = { answers: Partial<A>; record: RecordValues; filing?: Filing };

export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
