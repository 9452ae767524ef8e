import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DataTable } from "./data-table";

describe("DataTable", () => {
  it("puts the table in a keyboard-reachable region named by its caption", () => {
    render(
      <DataTable caption="Your applications">
        <tbody>
          <tr>
            <td>{"MDG-1"}</td>
          </tr>
        </tbody>
      </DataTable>,
    );
    const region = screen.getByRole("region", { name: "Your applications" });
    expect(region).toHaveAttribute("tabindex", "0");
    expect(screen.getByRole("table", { name: "Your applications" })).toBeInTheDocument();
    expect(region).toContainElement(screen.getByRole("table"));
  });
});
