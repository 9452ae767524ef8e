import { createRemixStub } from "@remix-run/testing";
import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useClientLinks } from "./client-links";

function List() {
  const ref = useClientLinks<HTMLUListElement>();
  return (
    <ul ref={ref}>
      <li>
        <a href="/office/requests/r-1?from=inbox">{"First request"}</a>
      </li>
      <li>
        <a href="/office/requests/r-2" target="_blank" rel="noreferrer">
          {"In a new tab"}
        </a>
      </li>
      <li>
        <a href="https://example.org/elsewhere">{"Another site"}</a>
      </li>
    </ul>
  );
}

function renderList() {
  const Stub = createRemixStub([
    { path: "/office", Component: List },
    { path: "/office/requests/:id", Component: () => <h1>{"The request page"}</h1> },
  ]);
  render(<Stub initialEntries={["/office"]} />);
}

describe("useClientLinks", () => {
  it("takes a plain click on a plain link to the router, as <Link> does", async () => {
    renderList();
    fireEvent.click(screen.getByRole("link", { name: "First request" }));
    expect(await screen.findByRole("heading", { name: "The request page" })).toBeInTheDocument();
  });

  it("leaves clicks with a modifier key, links to a new tab and links to another site to the browser", () => {
    renderList();
    // Whether the hook took each click (called preventDefault); then the test stops jsdom, which cannot navigate.
    const taken: boolean[] = [];
    const record = (event: Event) => {
      taken.push(event.defaultPrevented);
      event.preventDefault();
    };
    window.addEventListener("click", record);
    try {
      fireEvent.click(screen.getByRole("link", { name: "First request" }), { ctrlKey: true });
      fireEvent.click(screen.getByRole("link", { name: "First request" }), { button: 1 });
      fireEvent.click(screen.getByRole("link", { name: "In a new tab" }));
      fireEvent.click(screen.getByRole("link", { name: "Another site" }));
    } finally {
      window.removeEventListener("click", record);
    }
    expect(taken).toEqual([false, false, false, false]);
    expect(screen.queryByRole("heading", { name: "The request page" })).not.toBeInTheDocument();
  });
});
