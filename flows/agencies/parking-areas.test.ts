// Where a kei car's parking space is notified (保管場所法第5条, 附則第2項, 施行令附則・別表第二), for the demo's towns.
import { describe, expect, it } from "vitest";
import { demoAddresses } from "../relocation/samples";
import { listMunicipalities } from "./municipalities";
import { keiParkingAreaOf, keiParkingAreaRule, keiParkingNotificationRequired } from "./parking-areas";

const at = (municipalityCode: string, municipality: string, town: string) => ({ municipalityCode, municipality, town });

describe("the kei car's parking notification areas", () => {
  it("applies in every special ward of Tokyo", () => {
    for (const [code, name] of [["13101", "千代田区"], ["13113", "渋谷区"], ["13123", "江戸川区"]]) expect(keiParkingAreaOf(at(code, name, "一丁目"))).toBe("special-ward");
    // 13201 is 八王子市, a city the order lists; it is not a ward.
    expect(keiParkingAreaOf(at("13201", "八王子市", "元本郷町"))).toBe("listed-city");
  });

  it("applies in a listed city and its wards, except the former towns the order leaves out", () => {
    expect(keiParkingAreaOf(at("27128", "大阪市中央区", "本町"))).toBe("listed-city");
    expect(keiParkingAreaOf(at("01101", "札幌市中央区", "大通西"))).toBe("listed-city");
    expect(keiParkingAreaOf(at("28201", "姫路市", "本町"))).toBe("listed-city");
    for (const town of ["家島町真浦", "夢前町前之庄", "香寺町中屋", "安富町安志"]) expect(keiParkingAreaOf(at("28201", "姫路市", town)), town).toBe("excluded-former-town");
  });

  it("never applies in a town or village, and applies in a city the table does not list", () => {
    expect(keiParkingAreaOf(at("13303", "西多摩郡瑞穂町", "箱根ケ崎"))).toBe("town-or-village");
    expect(keiParkingAreaOf(at("13307", "西多摩郡檜原村", "本宿"))).toBe("town-or-village");
    expect(keiParkingNotificationRequired(at("13307", "西多摩郡檜原村", "本宿"))).toBe(false);
    // An unlisted city is notified: most cities are in the areas, and the police say when one is not.
    expect(keiParkingAreaOf(at("99999", "架空市", "中央"))).toBe("unlisted-city");
    expect(keiParkingNotificationRequired(at("99999", "架空市", "中央"))).toBe(true);
  });

  it("decides every demo person's home and every municipality of the demo's table as notified", () => {
    for (const [name, address] of Object.entries(demoAddresses)) expect(keiParkingNotificationRequired(address), name).toBe(true);
    for (const municipality of listMunicipalities()) {
      const area = keiParkingAreaOf(at(municipality.code, municipality.name.ja, "一丁目"));
      expect(["special-ward", "listed-city"], `${municipality.code} ${municipality.name.ja}`).toContain(area);
    }
  });

  it("states the rule in both languages, with the law", () => {
    expect(keiParkingAreaRule.ja).toContain("附則第2項");
    expect(keiParkingAreaRule.en).toContain("Supplementary Provisions, paragraph 2");
  });
});
