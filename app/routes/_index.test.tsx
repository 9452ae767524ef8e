import { createRemixStub } from "@remix-run/testing";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import StartPage from "./_index";

describe("start page", () => {
  it("lists every life event as a link to its start page", async () => {
    const Stub = createRemixStub([
      {
        path: "/",
        Component: StartPage,
        loader: () => ({ title: "t", lifeEvents: [{ id: "relocation" }, { id: "incorporation" }] }),
      },
    ]);
    render(<Stub />);
    expect(await screen.findByRole("heading", { level: 1, name: "ライフイベントの手続を、一度の申請で" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "引っ越し" })).toHaveAttribute("href", "/life-events/relocation");
    expect(screen.getByRole("link", { name: "会社の設立" })).toHaveAttribute("href", "/life-events/incorporation");
  });
});
