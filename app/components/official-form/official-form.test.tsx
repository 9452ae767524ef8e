// The official form writes dates as the paper form does: in the Japanese era for a Japanese reader (届出年月日
// 令和8年3月20日), a readable date for an English one; never the ISO date the payload holds.
import { render, screen, within } from "@testing-library/react";
import i18next from "i18next";
import { afterEach, describe, expect, it } from "vitest";
import { OfficialFormItems, type OfficialFormView } from "./official-form";

const form: OfficialFormView = {
  name: "転出届",
  source: "住民基本台帳法第24条",
  items: [
    { item: "届出年月日", key: "filedAt", label: "Date of filing", status: "filled", value: "2026-03-20" },
    { item: "生年月日", key: "birthDate", label: "Date of birth", status: "filled", value: "2019-05-01" },
    { item: "届出人の署名", key: null, label: null, status: "notNeeded", value: null },
  ],
};

/** As `formView` gives it for each language: the reason in the page's language, the station named in both. */
const parkingForm = (reason: string): OfficialFormView => ({
  name: "自動車保管場所証明申請書（新規）",
  source: "自動車の保管場所の確保等に関する法律第4条",
  items: [
    {
      item: "宛先（保管場所の位置を管轄する警察署長）",
      key: "policeStation",
      label: "Police station with jurisdiction over the parking place",
      status: "filled",
      value: { code: "police-13:kanda", name: { ja: "神田警察署", en: "Kanda Police Station" } },
    },
    { item: "受付・処理欄", key: null, label: null, status: "notNeeded", value: null, reason },
  ],
});

const valueOf = (item: string) => within(screen.getByText(item, { selector: "dt span" }).closest("div")!).getByRole("definition").textContent;

describe("OfficialFormItems", () => {
  afterEach(async () => {
    await i18next.changeLanguage("ja");
  });

  it("writes dates in the Japanese era for a Japanese reader", () => {
    render(<OfficialFormItems form={form} />);
    expect(valueOf("届出年月日")).toBe("令和8年3月20日");
    expect(valueOf("生年月日")).toBe("令和元年5月1日");
  });

  it("writes a readable date for an English reader", async () => {
    await i18next.changeLanguage("en");
    render(<OfficialFormItems form={form} />);
    expect(valueOf("届出年月日")).toBe("20 March 2026");
    expect(screen.queryByText(/2026-03-20/)).toBeNull();
  });

  it("shows an English reader why an item is not needed in English, and the station in English (#17)", async () => {
    await i18next.changeLanguage("en");
    render(<OfficialFormItems form={parkingForm("Filled in by the office that receives the form (reception and processing fields).")} />);
    expect(valueOf("受付・処理欄")).toBe("Not needed when filed through MadoguchiFilled in by the office that receives the form (reception and processing fields).");
    expect(valueOf("宛先（保管場所の位置を管轄する警察署長）")).toBe("Kanda Police Station");
  });

  it("shows a Japanese reader the reason and the station in Japanese", () => {
    render(<OfficialFormItems form={parkingForm("受付・処理欄は、届出を受ける機関が記入します。")} />);
    expect(valueOf("受付・処理欄")).toBe("窓口からの申請では不要な項目です受付・処理欄は、届出を受ける機関が記入します。");
    expect(valueOf("宛先（保管場所の位置を管轄する警察署長）")).toBe("神田警察署");
  });
});
