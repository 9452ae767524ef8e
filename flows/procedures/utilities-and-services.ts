// Water, energy, broadband, post and banking: services the person picks at the end of the journey.
// Private ones go only to companies the person chose and consented to.
import { bankForm, electricityForm, gasForm, internetForm, mailForwardingForm, waterStartForm, waterStopForm } from "./forms/utilities-and-services";
import { z } from "zod";
import { japanPost } from "../agencies";
import { dataDictionary } from "../lib/data-dictionary";
import { defineProcedure } from "../lib/procedure";
import { reasons } from "./rejection-reasons";
import { chosenPersonalBank, newElectricityCompany, newGasCompany, newTelecomCompany, newWaterworks, oldWaterworks } from "./routes";

export const waterStop = defineProcedure({
  id: "water-stop",
  form: waterStopForm,
  name: { ja: "水道の使用中止（旧住所）", en: "Water supply: stop at the old address" },
  handledBy: oldWaterworks,
  legalBasis: { ja: "水道法第14条・各水道事業の供給規程", en: "Water Supply Act, Article 14, and the utility's supply regulations" },
  deadline: { before: "moveDate", days: 3 },
  dataItems: ["name", "phone", "currentAddress", "moveDate"],
  rejectionReasons: [reasons.noContract, reasons.incomplete],
});

export const waterStart = defineProcedure({
  id: "water-start",
  form: waterStartForm,
  name: { ja: "水道の使用開始（新住所）", en: "Water supply: start at the new address" },
  handledBy: newWaterworks,
  legalBasis: { ja: "水道法第14条・各水道事業の供給規程", en: "Water Supply Act, Article 14, and the utility's supply regulations" },
  deadline: { before: "moveDate", days: 3 },
  dataItems: ["name", "phone", "newAddress", "moveDate"],
  rejectionReasons: [reasons.incomplete, reasons.serviceUnavailable],
});

export const electricityMove = defineProcedure({
  id: "electricity-move",
  form: electricityForm,
  name: { ja: "電気の使用開始・停止（引越し）", en: "Electricity: moving your contract" },
  handledBy: newElectricityCompany,
  legalBasis: { ja: "電気事業法・電気需給約款", en: "Electricity Business Act and the company's supply terms" },
  deadline: { before: "moveDate", days: 3 },
  dataItems: ["name", "nameKana", "phone", "email", "currentAddress", "newAddress", "moveDate"],
  optionalItems: ["email"],
  rejectionReasons: [reasons.serviceUnavailable, reasons.incomplete],
});

export const gasMove = defineProcedure({
  id: "gas-move",
  form: gasForm,
  name: { ja: "ガスの使用開始・停止（開栓の予約）", en: "Gas: moving your contract and booking the reconnection" },
  handledBy: newGasCompany,
  legalBasis: { ja: "ガス事業法・ガス需給約款", en: "Gas Business Act and the company's supply terms" },
  deadline: { before: "moveDate", days: 3 },
  dataItems: ["name", "nameKana", "phone", "currentAddress", "newAddress", "moveDate"],
  // No visit to an office: the company comes to reconnect and check the appliances, with someone present.
  presenceNote: {
    ja: "開栓には立会いが必要です（ガス事業者が日時を連絡します）。",
    en: "Someone must be present when the gas is reconnected; the company will arrange the time.",
  },
  rejectionReasons: [reasons.serviceUnavailable, reasons.incomplete],
});

export const internetMove = defineProcedure({
  id: "internet-move",
  form: internetForm,
  name: { ja: "光回線の移転", en: "Fibre broadband: moving your line" },
  handledBy: newTelecomCompany,
  legalBasis: { ja: "電気通信事業法・契約約款", en: "Telecommunications Business Act and the service terms" },
  deadline: { before: "moveDate", days: 14 },
  dataItems: ["name", "nameKana", "phone", "email", "currentAddress", "newAddress", "moveDate"],
  optionalItems: ["email"],
  rejectionReasons: [reasons.serviceUnavailable, reasons.noContract],
});

/** Japan Post needs only the names of those whose mail is forwarded, not their birth dates. */
const forwardedMembers = z.array(z.object({ name: z.string().min(1) }).strict());

export const mailForwarding = defineProcedure({
  id: "mail-forwarding",
  form: mailForwardingForm,
  name: { ja: "郵便物の転送届（転居届）", en: "Mail forwarding (Japan Post change-of-address)" },
  handledBy: japanPost,
  legalBasis: { ja: "郵便法・内国郵便約款（転居届による転送）", en: "Postal Act and the domestic postal terms (forwarding for one year)" },
  // No law sets a deadline: forwarding starts when Japan Post has registered the request (about a week).
  deadline: null,
  dataItems: ["name", "nameKana", "phone", "currentAddress", "newAddress", "moveDate", "movingMembers", "filedAt"],
  payload: {
    schema: z
      .object({
        name: dataDictionary.name.schema,
        nameKana: dataDictionary.nameKana.schema,
        phone: dataDictionary.phone.schema,
        currentAddress: dataDictionary.currentAddress.schema,
        newAddress: dataDictionary.newAddress.schema,
        moveDate: dataDictionary.moveDate.schema,
        movingMembers: forwardedMembers,
        filedAt: dataDictionary.filedAt.schema.optional(),
      })
      .strict(),
    build: (data) => ({
      name: data.name,
      nameKana: data.nameKana,
      phone: data.phone,
      currentAddress: data.currentAddress,
      newAddress: data.newAddress,
      moveDate: data.moveDate,
      movingMembers: (data.movingMembers ?? []).map((member) => ({ name: member.name })),
      ...(data.filedAt ? { filedAt: data.filedAt } : {}),
    }),
  },
  rejectionReasons: [reasons.identity, reasons.incomplete],
});

export const bankAddressChange = defineProcedure({
  id: "bank-address-change",
  form: bankForm,
  name: { ja: "銀行口座の住所変更", en: "Bank account: change of address" },
  handledBy: chosenPersonalBank,
  legalBasis: {
    ja: "銀行取引約款（届出事項の変更）・犯罪による収益の移転防止に関する法律",
    en: "The bank's account terms (changes to registered details) and the Act on Prevention of Transfer of Criminal Proceeds",
  },
  deadline: null,
  dataItems: ["name", "nameKana", "birthDate", "phone", "currentAddress", "newAddress"],
  rejectionReasons: [reasons.noContract, reasons.identity],
});
