import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FactRow, ProcedureFacts } from "./procedure-facts";

const procedure = { organisation: "新宿区", channel: "受付箱", legalBasis: "住民基本台帳法第22条", deadline: "転入から14日以内", prerequisites: ["転出届", "転居届"] };

describe("ProcedureFacts", () => {
  it("names the organisation, channel, law, deadline and prerequisites, with the page's own rows around them", () => {
    render(
      <ProcedureFacts procedure={procedure} first={<FactRow term="理由">{"転入する"}</FactRow>}>
        <FactRow term="対面">{"不要"}</FactRow>
      </ProcedureFacts>,
    );
    const terms = screen.getAllByRole("term").map((term) => term.textContent);
    expect(terms).toEqual(["理由", "機関", "送り方", "根拠法令", "期限", "先に完了が必要な手続", "対面"]);
    expect(screen.getByText("転出届、転居届")).toBeInTheDocument();
  });

  it("leaves out the channel and prerequisites when there are none", () => {
    render(<ProcedureFacts procedure={{ ...procedure, channel: undefined, prerequisites: [] }} />);
    expect(screen.getAllByRole("term")).toHaveLength(3);
  });
});
