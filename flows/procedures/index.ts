// The procedure catalogue: every procedure any life event can trigger, looked up by id.
import type { Procedure } from "../lib/procedure";
import {
  automobileTaxAcquisition,
  keiParkingNotification,
  keiVehicleInspection,
  keiVehicleNewInspection,
  keiVehicleOwnerChange,
  keiVehicleTax,
  parkingCertificatePurchase,
  vehicleNewRegistration,
  vehicleTransferRegistration,
} from "./car-purchase";
import { articlesCertification, companyRegistration, corporateBankAccount } from "./company-formation";
import {
  employmentInsuranceEnrolment,
  employmentInsuranceOffice,
  labourInsuranceEstablishment,
  labourInsurancePremiumDeclaration,
  socialInsuranceEnrolment,
} from "./company-insurance";
import {
  blueReturnApproval,
  corporationEstablishmentNotification,
  municipalEstablishmentNotification,
  prefecturalEstablishmentNotification,
  salaryPaymentOffice,
} from "./company-tax";
import { childAllowanceClaim, childAllowanceEnd, dogRegistrationChange, schoolTransfer } from "./family";
import {
  longTermCareInsurance,
  nationalPensionAddressChange,
  nhiEnrolment,
  nhiWithdrawal,
  pensionRecipientAddressChange,
} from "./insurance-and-pension";
import { changeOfAddressNotification, moveInNotification, moveOutNotification, myNumberCardAddressUpdate } from "./residence";
import { bankAddressChange, electricityMove, gasMove, internetMove, mailForwarding, waterStart, waterStop } from "./utilities-and-services";
import { automobileTaxAddressChange, driversLicenceAddressChange, numberPlateChange, parkingCertificate, vehicleRegistrationChange } from "./vehicles";

export const procedureCatalogue: Procedure[] = [
  moveOutNotification,
  moveInNotification,
  changeOfAddressNotification,
  myNumberCardAddressUpdate,
  nhiWithdrawal,
  nhiEnrolment,
  nationalPensionAddressChange,
  pensionRecipientAddressChange,
  longTermCareInsurance,
  childAllowanceClaim,
  childAllowanceEnd,
  schoolTransfer,
  dogRegistrationChange,
  driversLicenceAddressChange,
  parkingCertificate,
  vehicleRegistrationChange,
  numberPlateChange,
  automobileTaxAddressChange,
  waterStop,
  waterStart,
  electricityMove,
  gasMove,
  internetMove,
  mailForwarding,
  bankAddressChange,
  articlesCertification,
  companyRegistration,
  corporationEstablishmentNotification,
  blueReturnApproval,
  salaryPaymentOffice,
  prefecturalEstablishmentNotification,
  municipalEstablishmentNotification,
  socialInsuranceEnrolment,
  labourInsuranceEstablishment,
  labourInsurancePremiumDeclaration,
  employmentInsuranceOffice,
  employmentInsuranceEnrolment,
  corporateBankAccount,
  parkingCertificatePurchase,
  vehicleNewRegistration,
  vehicleTransferRegistration,
  automobileTaxAcquisition,
  keiVehicleInspection,
  keiVehicleNewInspection,
  keiVehicleOwnerChange,
  keiParkingNotification,
  keiVehicleTax,
];

const byId = new Map(procedureCatalogue.map((procedure) => [procedure.id, procedure]));
if (byId.size !== procedureCatalogue.length) throw new Error("Two procedures share an id");

export function getProcedure(id: string): Procedure | undefined {
  return byId.get(id);
}

export function listProcedures(): Procedure[] {
  return [...procedureCatalogue];
}

export * from "./car-purchase";
export * from "./company-formation";
export * from "./company-insurance";
export * from "./company-tax";
export * from "./family";
export * from "./insurance-and-pension";
export * from "./residence";
export * from "./utilities-and-services";
export * from "./vehicles";
