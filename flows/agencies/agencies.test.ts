// The agency catalogue and routing: every demo municipality is known, offices are found from an address,
// and enough agencies take HTTP deliveries for the dispatcher and simulator to have work.
import { describe, expect, it } from "vitest";
import { getAgency, listAgencies, plateNameFor, plateNameOf, platesChange, policeStationFor, registrationOfficeFor } from "./index";
import * as routing from "./routing";
import { carOwnershipSamples } from "../car-ownership/samples";
import { demoAddresses } from "../relocation/samples";
import type { Address } from "../lib/types";
import { getMunicipality } from "./municipalities";

const at = (municipalityCode: string) => ({ municipalityCode });

describe("agencies", () => {
  it.each([
    ["13101", "千代田区"],
    ["13104", "新宿区"],
    ["13113", "渋谷区"],
    ["13112", "世田谷区"],
    ["14104", "横浜市中区"],
    ["27128", "大阪市中央区"],
    ["01101", "札幌市中央区"],
    ["40133", "福岡市中央区"],
    ["26104", "京都市中京区"],
    ["23106", "名古屋市中区"],
    ["12100", "千葉市"],
    ["11100", "さいたま市"],
  ])("knows the demo municipality %s %s", (code, name) => {
    expect(getMunicipality(code)?.name.ja).toBe(name);
    expect(getAgency(`municipality-${code}`)).toMatchObject({ kind: "municipal", municipalityCode: code });
  });

  it("has 30 or more municipalities, with ward offices named after their city", () => {
    expect(listAgencies().filter((agency) => agency.kind === "municipal").length).toBeGreaterThanOrEqual(30);
    expect(getAgency("municipality-01101")?.name).toEqual({ ja: "札幌市中央区役所", en: "Sapporo Chuo Ward Office" });
    expect(getAgency("municipality-13104")?.name).toEqual({ ja: "新宿区役所", en: "Shinjuku City Office" });
  });

  it("gives an unlisted but valid municipality a generic agency, and nothing to an invalid code", () => {
    expect(getAgency("municipality-13999")).toMatchObject({ kind: "municipal", channel: "inbox" });
    expect(getAgency("municipality-99999")).toBeUndefined();
    expect(getAgency("no-such-agency")).toBeUndefined();
  });

  it("names every agency in Japanese and English, with a unique id", () => {
    const agencies = listAgencies();
    expect(new Set(agencies.map((agency) => agency.id)).size).toBe(agencies.length);
    for (const agency of agencies) {
      expect(agency.name.ja && agency.name.en && agency.sector.ja && agency.sector.en, agency.id).toBeTruthy();
    }
  });

  it("has private companies and public bodies on the http channel, and back-office agencies on the inbox", () => {
    const agencies = listAgencies();
    expect(agencies.filter((agency) => agency.kind === "private").length).toBeGreaterThanOrEqual(4);
    expect(agencies.filter((agency) => agency.kind === "private" && agency.channel === "http").length).toBeGreaterThanOrEqual(4);
    for (const id of ["tax-office-kojimachi", "legal-affairs-13", "tokyo-waterworks"]) {
      expect(getAgency(id)?.channel, id).toBe("http");
    }
    // Decided by officers in the back office: the demo's pension officer and the new municipality of a move.
    for (const id of ["japan-pension-service", "municipality-13104"]) {
      expect(getAgency(id)?.channel, id).toBe("inbox");
    }
  });
});

describe("routing", () => {
  it.each([
    ["municipalityFor", "13104", "municipality-13104"],
    ["prefecturalPoliceFor", "13104", "police-13"],
    ["prefecturalPoliceFor", "40133", "police-40"],
    ["transportBureauFor", "01101", "transport-01"],
    ["legalAffairsBureauFor", "13101", "legal-affairs-13"],
    ["notaryOfficeFor", "13101", "notary-13"],
    ["taxOfficeFor", "13101", "tax-office-kojimachi"],
    ["taxOfficeFor", "27127", "tax-office-27"],
    ["prefecturalTaxOfficeFor", "13101", "prefectural-tax-13"],
    ["labourStandardsOfficeFor", "13101", "labour-standards-chuo"],
    ["helloWorkFor", "13101", "hello-work-iidabashi"],
    ["waterworksFor", "13112", "tokyo-waterworks"],
    ["waterworksFor", "14104", "municipality-14100"],
    ["waterworksFor", "40133", "municipality-40130"],
    ["electricityCompanyFor", "27128", "kansai-electric"],
    ["electricityCompanyFor", "01101", "hokkaido-electric"],
    ["gasCompanyFor", "13104", "tokyo-gas"],
    ["gasCompanyFor", "20201", "local-gas"],
    ["telecomCompanyFor", "20201", "ntt-east"],
    ["telecomCompanyFor", "40133", "ntt-west"],
  ] as const)("%s(%s) is %s", (route, code, agencyId) => {
    expect(routing[route](at(code))).toBe(agencyId);
    expect(getAgency(agencyId), agencyId).toBeDefined();
  });

  it("names the offices of the police, the bureaus and the prefectures", () => {
    expect(getAgency("police-13")?.name.ja).toBe("警視庁");
    expect(getAgency("police-27")?.name.ja).toBe("大阪府警察");
    expect(getAgency("transport-40")?.name.ja).toBe("福岡運輸支局");
    expect(getAgency("legal-affairs-13")?.name.ja).toBe("東京法務局");
    expect(getAgency("legal-affairs-14")?.name.ja).toBe("横浜地方法務局");
  });

  it("registers a car at the office serving its base, and gives it that office's place name or the municipality's own", () => {
    expect(registrationOfficeFor(at("13101"))).toBe("transport-13");
    expect(registrationOfficeFor(at("13104"))).toBe("transport-13-nerima");
    expect(registrationOfficeFor(at("13201"))).toBe("transport-13-hachioji");
    expect(registrationOfficeFor(at("14133"))).toBe("transport-14-kawasaki");
    expect(registrationOfficeFor(at("40133"))).toBe("transport-40");
    for (const id of ["transport-13-nerima", "transport-13-adachi", "transport-13-tama", "transport-14-shonan", "transport-14-sagami"]) expect(getAgency(id)?.channel, id).toBe("http");
    expect([plateNameFor(at("13101")), plateNameFor(at("13113")), plateNameFor(at("13112")), plateNameFor(at("13104")), plateNameFor(at("01101"))]).toEqual(["品川", "品川", "世田谷", "練馬", "札幌"]);
    // Within one prefecture: plates change between two offices' areas, or into a local place name; not within one area.
    expect(platesChange(at("13101"), at("13113"))).toBe(false);
    expect(platesChange(at("13101"), at("13104"))).toBe(true);
    expect(platesChange(at("13101"), at("13112"))).toBe(true);
    expect(platesChange(at("13104"), at("13120"))).toBe(false);
    expect(plateNameOf("品川 300 あ 12-34")).toBe("品川");
  });

  it("sends a kei car to the Light Motor Vehicle Inspection Organization of the prefecture", () => {
    expect(routing.lightVehicleOfficeFor(at("13113"))).toBe("light-vehicle-13");
    expect(getAgency("light-vehicle-13")?.name.ja).toBe("軽自動車検査協会（東京都）");
  });

  it("knows Tokyo's 23 wards", () => {
    expect(routing.isTokyoSpecialWard(at("13101"))).toBe(true);
    expect(routing.isTokyoSpecialWard(at("13123"))).toBe(true);
    expect(routing.isTokyoSpecialWard(at("13201"))).toBe(false);
  });

  it("names the police station with jurisdiction over a parking place, by town, under the prefectural police that receive it", () => {
    const place = (municipalityCode: string, municipality: string, town: string) => ({ municipalityCode, municipality, town });
    expect(policeStationFor(place("13101", "千代田区", "神田神保町"))).toEqual({ code: "police-13:kanda", name: { ja: "神田警察署", en: "Kanda Police Station" } });
    expect(policeStationFor(place("13101", "千代田区", "麹町")).code).toBe("police-13:kojimachi");
    expect(policeStationFor(place("13104", "新宿区", "西新宿")).name.ja).toBe("新宿警察署");
    expect(policeStationFor(place("14104", "横浜市中区", "山下町")).name.ja).toBe("加賀町警察署");
    // One station for the whole ward.
    expect(policeStationFor(place("01101", "札幌市中央区", "大通西")).code).toBe("police-01:sapporo-chuo");
    // A town the table does not list: named by the place, for the Metropolitan Police to assign.
    expect(policeStationFor(place("13113", "渋谷区", "神南"))).toEqual({
      code: null,
      name: { ja: "渋谷区神南を管轄する警察署", en: expect.stringContaining("渋谷区神南") },
    });
    expect(policeStationFor(place("13101", "千代田区", "丸の内")).code).toBeNull();
  });

  it("routes every demo person's address and every sample's parking place to its prefecture's police, the station named in both languages", () => {
    const parkingPlaces = [...Object.entries(demoAddresses), ...carOwnershipSamples.map((sample) => [`sample ${sample.id}`, sample.answers.parkingAddress as Address] as const)];
    for (const [name, address] of parkingPlaces) {
      const police = routing.prefecturalPoliceFor(address);
      expect(getAgency(police), name).toBeDefined();
      const station = policeStationFor(address);
      // A listed station belongs to that prefecture's police; otherwise the place is named for them to assign it.
      if (station.code !== null) expect(station.code.startsWith(`${police}:`), name).toBe(true);
      else {
        expect(station.name.ja, name).toBe(`${address.municipality}${address.town}を管轄する警察署`);
        expect(station.name.en, name).toBe(`The police station with jurisdiction over ${address.municipality}${address.town} (${getMunicipality(address.municipalityCode)!.name.en})`);
      }
    }
  });
});
