// The open-redirect corpus: every known way past a "starts with /" check must land on the fallback.
import { describe, expect, it } from "vitest";
import { openRedirectCorpus } from "../../../tests/security/open-redirect-corpus";
import { safeRedirect } from "./safe-redirect";


describe("safeRedirect", () => {
  it.each(openRedirectCorpus.map((to) => [JSON.stringify(to), to]))("refuses %s", (_label, to) => {
    expect(safeRedirect(to, "/fallback")).toBe("/fallback");
  });

  it.each([
    ["/cases", "/cases"],
    ["/life-events/relocation/questions/new-address?change=1", "/life-events/relocation/questions/new-address?change=1"],
    ["/record?lng=en#top", "/record?lng=en#top"],
    ["/cases?q=%E5%BC%95%E3%81%A3%E8%B6%8A%E3%81%97", "/cases?q=%E5%BC%95%E3%81%A3%E8%B6%8A%E3%81%97"],
  ])("keeps the portal's own path %s", (to, expected) => {
    expect(safeRedirect(to, "/fallback")).toBe(expected);
  });

  it("refuses what is not a string", () => {
    expect(safeRedirect(null, "/f")).toBe("/f");
    expect(safeRedirect(undefined, "/f")).toBe("/f");
    expect(safeRedirect(["/cases"], "/f")).toBe("/f");
  });
});
