// A company's name must say what kind of company it is, and must not say another kind (会社法第6条第2項・第3項).
import type { AnswerCheck } from "../lib/life-event";

export const companyTypeWords = { kabushiki: "株式会社", godo: "合同会社" } as const;
const allTypeWords = ["株式会社", "合同会社", "合名会社", "合資会社"];

/** Whether a trade name fits the company type: it contains its own word and no other type's. */
export function tradeNameFitsType(name: string, type: keyof typeof companyTypeWords): boolean {
  const own = companyTypeWords[type];
  return name.includes(own) && allTypeWords.every((word) => word === own || !name.includes(word));
}

export const tradeNameMatchesType: AnswerCheck<{ companyType: keyof typeof companyTypeWords; companyName: string }> = ({ answers }) => {
  if (!answers.companyType || !answers.companyName) return null;
  if (tradeNameFitsType(answers.companyName, answers.companyType)) return null;
  return { path: "", message: "incorporation:companyName.errors.companyType", params: { word: companyTypeWords[answers.companyType] } };
};
