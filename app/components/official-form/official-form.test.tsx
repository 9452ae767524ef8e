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
});
