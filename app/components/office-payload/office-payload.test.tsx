// The payload list shows each consented item under its dictionary label, formatted for the reader.
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { PayloadList } from "./office-payload";

describe("PayloadList", () => {
  it("shows each item under its label, with values formatted for Japanese readers", () => {
    render(
      <PayloadList
        items={[
          { key: "name", label: "氏名", value: "田中 一郎" },
          { key: "moveDate", label: "異動日（引越しの日）", value: "2026-03-20" },
          { key: "gender", label: "性別", value: "male" },
          { key: "newAddress", label: "新住所", value: { postalCode: "1600022", prefecture: "東京都", municipalityCode: "13104", municipality: "新宿区", town: "新宿", street: "三丁目1-1", building: "マドグチ 101" } },
          { key: "movingMembers", label: "一緒に異動する世帯員", value: [{ name: "田中 花子", birthDate: "1990-05-01", relationship: "spouse" }] },
          { key: "corporateNumber", label: "法人番号", value: null },
          { key: "children", label: "子", value: [] },
        ]}
      />,
    );
    const row = (label: string) => screen.getByText(label, { selector: "dt" }).parentElement!;
    expect(within(row("氏名")).getByRole("definition")).toHaveTextContent("田中 一郎");
    expect(within(row("異動日（引越しの日）")).getByRole("definition")).toHaveTextContent("2026年3月20日");
    expect(within(row("性別")).getByRole("definition")).toHaveTextContent("男性");
    expect(within(row("新住所")).getByRole("definition")).toHaveTextContent("〒160-0022 東京都新宿区新宿三丁目1-1 マドグチ 101");
    expect(within(row("一緒に異動する世帯員")).getByRole("listitem")).toHaveTextContent("田中 花子、配偶者、1990年5月1日");
    expect(within(row("法人番号")).getByRole("definition")).toHaveTextContent("未確定");
    expect(within(row("子")).getByRole("definition")).toHaveTextContent("なし");
  });

  it("describes a car, a parking space, who filed and when, as their forms ask, never as an address", () => {
    render(
      <PayloadList
        items={[
          { key: "acquiredVehicle", label: "取得する自動車", value: { kind: "ordinary", condition: "new", make: "トヨタ", model: "6AA-MXPK11", chassisNumber: "MXPK11-1234567", lengthCm: 394, widthCm: 169, heightCm: 150 } },
          { key: "parkingSpace", label: "保管場所", value: { right: "rented", lengthCm: 500, widthCm: 250 } },
          { key: "filedBy", label: "届出人", value: { kind: "representative", name: "佐藤 健二", forName: "佐藤 由美" } },
          { key: "filedAt", label: "届出年月日", value: "2026-12-02" },
          { key: "vehicles", label: "保有する自動車", value: [{ registrationNumber: "品川 300 あ 56-78", kind: "ordinary", make: "マツダ", chassisNumber: "KF2P-456789" }] },
        ]}
      />,
    );
    const row = (label: string) => screen.getByText(label, { selector: "dt" }).parentElement!;
    expect(within(row("取得する自動車")).getByRole("definition")).toHaveTextContent("普通自動車、新車、トヨタ 6AA-MXPK11、車台番号 MXPK11-1234567、長さ394×幅169×高さ150cm");
    expect(within(row("保管場所")).getByRole("definition")).toHaveTextContent("賃借（使用承諾証明書）、長さ500×幅250cm");
    expect(within(row("届出人")).getByRole("definition")).toHaveTextContent("代理人 佐藤 健二（佐藤 由美の代理）");
    expect(within(row("届出年月日")).getByRole("definition")).toHaveTextContent("2026年12月2日");
    expect(within(row("保有する自動車")).getByRole("listitem")).toHaveTextContent("品川 300 あ 56-78、普通自動車、マツダ、車台番号 KF2P-456789");
  });
});
