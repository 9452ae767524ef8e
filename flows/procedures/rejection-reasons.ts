// Rejection reasons shared by many procedures; each procedure lists the ones its back office offers.
import type { RejectionReason } from "../lib/procedure";

export const reasons = {
  incomplete: { code: "incomplete", text: { ja: "記載事項に不足または誤りがあります", en: "Information is missing or incorrect" } },
  identity: { code: "identity-not-verified", text: { ja: "本人確認ができません", en: "Your identity could not be verified" } },
  jurisdiction: { code: "not-our-jurisdiction", text: { ja: "当機関の管轄ではありません", en: "This is not handled by this office" }, nextStep: "counter" },
  duplicate: { code: "duplicate", text: { ja: "同じ届出が既に受理されています", en: "The same notification has already been accepted" }, nextStep: "counter" },
  deadlinePassed: { code: "deadline-passed", text: { ja: "届出期限を過ぎているため別途手続が必要です", en: "The deadline has passed; a separate procedure is needed" }, nextStep: "counter" },
  noContract: { code: "no-contract", text: { ja: "該当する契約が見つかりません", en: "No matching contract was found" } },
  serviceUnavailable: { code: "service-unavailable", text: { ja: "新住所はサービス提供エリア外です", en: "The new address is outside the service area" }, nextStep: "counter" },
  notEligible: { code: "not-eligible", text: { ja: "受給・加入の要件を満たしていません", en: "The eligibility conditions are not met" }, nextStep: "counter" },
} satisfies Record<string, RejectionReason>;
