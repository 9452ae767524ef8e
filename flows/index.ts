// The public face of flows/: what the portal, the dispatcher and the designer's tools code against.
// Everything here is pure: no I/O, no clock, no imports from app/ or db/.
export type { Filing } from "./lib/types";
export type { Lang, Text, RecordValues, RecordAttribute, Address, HouseholdMember, Vehicle, Dog, Answers, Gender, HealthInsurance, PensionCategory } from "./lib/types";
export { addressSchema, householdMemberSchema, vehicleSchema, dogSchema, isRealDate, relationships, vehicleKinds } from "./lib/types";
export type { Agency, AgencyKind, Channel, Sector } from "./lib/agency";
export type { Procedure, DeadlineRule, Route, RejectionReason } from "./lib/procedure";
export type { LifeEvent, Rule, Sample } from "./lib/life-event";
export type { Question, QuestionType, ChoiceOption, AddressPart } from "./lib/questions";
export type { JourneyContext, JourneyEvent, JourneyInput, AnswerIssue } from "./lib/journey-machine";
export type { CaseContext, CaseEvent, CaseInput, ProcedureProgress, ProcedureStatus } from "./lib/case-machine";
export type { SelectedProcedure } from "./lib/selection";
export type { CheckProblem, Locales } from "./lib/checks";
export type { DataItemKey, DataValues } from "./lib/data-dictionary";

export { defineAgency } from "./lib/agency";
export { defineProcedure, routeTo, deadlineFor, submissionItems } from "./lib/procedure";
export { defineLifeEvent, applicableQuestions, nextQuestion, pruneAnswers, getQuestion, dataValues, answerProblems, checkAnswer } from "./lib/life-event";
export type { AnswerProblem, AnswerCheck } from "./lib/life-event";
export { isValidCorporateNumber, isValidIndividualNumber, withCorporateCheckDigit, withIndividualCheckDigit } from "./lib/check-digits";
export { questionsFor, prefillValue } from "./lib/questions";
export { dataDictionary, identityNumberItems, isIdentityNumberItem, type Sensitivity } from "./lib/data-dictionary";
export { procedureStatuses, caseStatusFinal, procedureStatusList, caseHasEnded, restoreCase, stepCase, persistCase, regionsOfStoredCase } from "./lib/case-machine";
export { selectProcedures, completePayload } from "./lib/selection";
export { enteredQuestions, typedDataItems } from "./lib/once-only";
export { fillForm, formView, type FilledFormItem, type FormItemView, type OfficialForm } from "./lib/official-form";
export { translationOf } from "./lib/checks";

export { getAgency, listAgencies } from "./agencies";
export * as routing from "./agencies/routing";
export { getMunicipality, listMunicipalities, getPrefecture } from "./agencies";
export { getProcedure, listProcedures } from "./procedures";
export {
  listLifeEvents,
  listLifeEventVersions,
  getLifeEvent,
  createJourneyMachine,
  createCaseMachine,
  payloadJsonSchemas,
  checkLifeEvents,
  describeLifeEvents,
  identityNumberFields,
  identityNumberReferences,
  isIdentityNumberQuestion,
} from "./catalogue";
export { demoRecords } from "./relocation/samples";
export { demoCompanyRecords } from "./incorporation/samples";
