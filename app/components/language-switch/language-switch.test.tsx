import { createRemixStub } from "@remix-run/testing";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { LanguageSwitch, languageHref } from "./language-switch";

describe("languageHref", () => {
  it("keeps the page and its other parameters", () => {
    expect(languageHref("/life-events/relocation", "?step=2&lng=ja", "en")).toBe("/life-events/relocation?step=2&lng=en");
  });
});

describe("LanguageSwitch", () => {
  it("links to the same page in each language and marks the current one", async () => {
    const Stub = createRemixStub([{ path: "/life-events/relocation", Component: () => <LanguageSwitch current="ja" /> }]);
    render(<Stub initialEntries={["/life-events/relocation"]} />);
    const nav = await screen.findByRole("navigation", { name: "言語を選択" });
    expect(nav).toBeInTheDocument();
    const en = screen.getByRole("link", { name: "English" });
    expect(en).toHaveAttribute("href", "/life-events/relocation?lng=en");
    expect(en).toHaveAttribute("lang", "en");
    expect(screen.getByRole("link", { name: "日本語" })).toHaveAttribute("aria-current", "true");
  });
});
