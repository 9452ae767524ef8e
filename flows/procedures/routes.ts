// The routes procedures use to find their agency from the answers: the old or new municipality,
// the offices serving the new address or the head office, and the companies the person chose.
import {
  bankAgencyId,
  electricityCompanyFor,
  gasCompanyFor,
  helloWorkFor,
  labourStandardsOfficeFor,
  legalAffairsBureauFor,
  lightVehicleOfficeFor,
  municipalityFor,
  notaryOfficeFor,
  prefecturalPoliceFor,
  prefecturalTaxOfficeFor,
  taxOfficeFor,
  telecomCompanyFor,
  registrationOfficeFor,
  waterworksFor,
  bankIds,
  type BankId,
} from "../agencies";
import type { DataItemKey, DataValues } from "../lib/data-dictionary";
import { routeTo, type RouteContext } from "../lib/procedure";
import type { Address } from "../lib/types";

function addressItem(context: RouteContext, key: Extract<DataItemKey, "currentAddress" | "newAddress" | "headOffice" | "parkingAddress">): Address {
  const address = context.data[key] as DataValues[typeof key] | undefined;
  if (!address) throw new Error(`Routing needs the data item ${key}`);
  return address;
}

export const oldMunicipality = routeTo({
  kind: "municipality:current-address",
  sector: "public",
  resolve: (context) => municipalityFor(addressItem(context, "currentAddress")),
});

export const newMunicipality = routeTo({
  kind: "municipality:new-address",
  sector: "public",
  resolve: (context) => municipalityFor(addressItem(context, "newAddress")),
});

export const newPrefecturalPolice = routeTo({
  kind: "prefectural-police:new-address",
  sector: "public",
  resolve: (context) => prefecturalPoliceFor(addressItem(context, "newAddress")),
});

/** The parking certificate comes from the police of the place where the vehicle is kept. */
export const parkingPolice = routeTo({
  kind: "prefectural-police:parking-address",
  sector: "public",
  resolve: (context) => prefecturalPoliceFor(context.data.parkingAddress ?? addressItem(context, "newAddress")),
});

/**
 * A vehicle is registered where it is based, i.e. where it is kept: by the branch office of the prefecture's
 * transport bureau, or by the inspection and registration office serving that municipality (練馬, 足立…).
 */
export const vehicleTransportBureau = routeTo({
  kind: "transport-bureau:parking-address",
  sector: "public",
  resolve: (context) => registrationOfficeFor(context.data.parkingAddress ?? addressItem(context, "newAddress")),
});

/** A kei car is inspected and recorded by the Light Motor Vehicle Inspection Organization where it is kept. */
export const parkingLightVehicleOffice = routeTo({
  kind: "light-vehicle-office:parking-address",
  sector: "public",
  resolve: (context) => lightVehicleOfficeFor(addressItem(context, "parkingAddress")),
});

/** The kei car tax is the municipality's where the car is kept (its main garage, 主たる定置場). */
export const parkingMunicipality = routeTo({
  kind: "municipality:parking-address",
  sector: "public",
  resolve: (context) => municipalityFor(addressItem(context, "parkingAddress")),
});

/** The automobile tax is levied by the prefecture of the vehicle's main garage (主たる定置場): where it is kept. */
export const vehiclePrefecturalTaxOffice = routeTo({
  kind: "prefectural-tax-office:parking-address",
  sector: "public",
  resolve: (context) => prefecturalTaxOfficeFor(context.data.parkingAddress ?? addressItem(context, "newAddress")),
});

export const oldWaterworks = routeTo({
  kind: "waterworks:current-address",
  sector: "public",
  resolve: (context) => waterworksFor(addressItem(context, "currentAddress")),
});

export const newWaterworks = routeTo({
  kind: "waterworks:new-address",
  sector: "public",
  resolve: (context) => waterworksFor(addressItem(context, "newAddress")),
});

export const newElectricityCompany = routeTo({
  kind: "electricity-company:new-address",
  sector: "private",
  resolve: (context) => electricityCompanyFor(addressItem(context, "newAddress")),
});

export const newGasCompany = routeTo({
  kind: "gas-company:new-address",
  sector: "private",
  resolve: (context) => gasCompanyFor(addressItem(context, "newAddress")),
});

export const newTelecomCompany = routeTo({
  kind: "telecom-company:new-address",
  sector: "private",
  resolve: (context) => telecomCompanyFor(addressItem(context, "newAddress")),
});

function chosenBank(context: RouteContext, questionId: string): string {
  const bank = context.answers[questionId];
  if (!bankIds.includes(bank as BankId)) throw new Error(`Routing needs a bank chosen in ${questionId}`);
  return bankAgencyId(bank as BankId);
}

export const chosenPersonalBank = routeTo({
  kind: "bank:chosen",
  sector: "private",
  resolve: (context) => chosenBank(context, "bank"),
});

export const chosenCorporateBank = routeTo({
  kind: "bank:chosen",
  sector: "private",
  resolve: (context) => chosenBank(context, "corporateBank"),
});

export const headOfficeNotary = routeTo({
  kind: "notary-office:head-office",
  sector: "public",
  resolve: (context) => notaryOfficeFor(addressItem(context, "headOffice")),
});

export const headOfficeLegalAffairsBureau = routeTo({
  kind: "legal-affairs-bureau:head-office",
  sector: "public",
  resolve: (context) => legalAffairsBureauFor(addressItem(context, "headOffice")),
});

export const headOfficeTaxOffice = routeTo({
  kind: "tax-office:head-office",
  sector: "public",
  resolve: (context) => taxOfficeFor(addressItem(context, "headOffice")),
});

export const headOfficePrefecturalTaxOffice = routeTo({
  kind: "prefectural-tax-office:head-office",
  sector: "public",
  resolve: (context) => prefecturalTaxOfficeFor(addressItem(context, "headOffice")),
});

export const headOfficeMunicipality = routeTo({
  kind: "municipality:head-office",
  sector: "public",
  resolve: (context) => municipalityFor(addressItem(context, "headOffice")),
});

export const headOfficeLabourStandardsOffice = routeTo({
  kind: "labour-standards-office:head-office",
  sector: "public",
  resolve: (context) => labourStandardsOfficeFor(addressItem(context, "headOffice")),
});

export const headOfficeHelloWork = routeTo({
  kind: "hello-work:head-office",
  sector: "public",
  resolve: (context) => helloWorkFor(addressItem(context, "headOffice")),
});
