import { createRemixStub } from "@remix-run/testing";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { pageLinks, pageOf, pageWindow, withParam } from "~/admin/paging";
import { AdminTable, Pager } from "./admin-table";

const rows = [
  { id: "a", name: "日本郵便", waiting: 3 },
  { id: "b", name: "東京都水道局", waiting: 0 },
];

describe("AdminTable", () => {
  it("names its columns and draws one row per item", async () => {
    const Stub = createRemixStub([
      {
        path: "/admin/agencies",
        Component: () => (
          <AdminTable
            caption="組織の接続"
            columns={[
              { header: "組織", cell: (row) => row.name },
              { header: "配信待ち", cell: (row) => row.waiting },
            ]}
            rows={rows}
            rowKey={(row) => row.id}
          />
        ),
      },
    ]);
    render(<Stub initialEntries={["/admin/agencies"]} />);
    const table = await screen.findByRole("table", { name: "組織の接続" });
    expect(within(table).getByRole("columnheader", { name: "配信待ち" })).toHaveAttribute("scope", "col");
    expect(within(table).getAllByRole("row").map((row) => row.textContent)).toEqual(["組織配信待ち", "日本郵便3", "東京都水道局0"]);
  });
});

describe("Pager", () => {
  it("links to the pages before and after, keeping the other parameters, and is absent for a single page", async () => {
    const Stub = createRemixStub([
      {
        path: "/admin/agencies",
        Component: () => (
          <>
            <Pager label="ページ" position="3件目" previous={withParam("?page=2&x=1", "page", "1")} next={null} />
            <Pager label="なし" previous={null} next={null} />
          </>
        ),
      },
    ]);
    render(<Stub initialEntries={["/admin/agencies"]} />);
    const nav = await screen.findByRole("navigation", { name: "ページ" });
    expect(within(nav).getByRole("link", { name: "前のページ" })).toHaveAttribute("href", "/admin/agencies?page=1&x=1");
    expect(within(nav).queryByRole("link", { name: "次のページ" })).toBeNull();
    expect(screen.queryByRole("navigation", { name: "なし" })).toBeNull();
  });

  it("cuts a list into pages of 20: a page past the end is the last one, anything unreadable the first", () => {
    const items = [...Array(45).keys()];
    expect(pageOf(items, "2")).toMatchObject({ page: 2, pages: 3, total: 45, from: 21, to: 40, items: items.slice(20, 40) });
    expect(pageOf(items, "9")).toMatchObject({ page: 3, from: 41, to: 45 });
    expect(pageOf(items, "x")).toMatchObject({ page: 1, from: 1, to: 20 });
    expect(pageOf([], null)).toMatchObject({ page: 1, pages: 1, from: 0, to: 0, items: [] });
  });

  it("gives the database's window for a list it cuts itself, and the links before and after keeping the filters", () => {
    expect(pageWindow(45, "3")).toEqual({ page: 3, pages: 3, offset: 40, limit: 20 });
    expect(pageWindow(0, "2")).toEqual({ page: 1, pages: 1, offset: 0, limit: 20 });
    expect(pageLinks("?agency=japan-post&page=2", { page: 2, pages: 3 })).toEqual({ previous: "?agency=japan-post&page=1", next: "?agency=japan-post&page=3" });
    expect(pageLinks("", { page: 1, pages: 1 })).toEqual({ previous: null, next: null });
  });
});
