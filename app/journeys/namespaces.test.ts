import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listLifeEvents } from "../../flows";
import { journeyNamespaces } from "./namespaces";
import { subjectTypeOf } from "./life-events.server";

const words = (lang: string, namespace: string) => JSON.parse(readFileSync(new URL(`../../public/locales/${lang}/${namespace}.json`, import.meta.url), "utf8"));

describe("journey namespaces", () => {
  it("name the journey and every life event, so each journey page loads its translations", () => {
    expect([...journeyNamespaces].sort()).toEqual(["journey", ...new Set(listLifeEvents().map((lifeEvent) => lifeEvent.id))].sort());
  });

  it("give every life event its start page's words in both languages: its title and summary, what you need and how long it takes", () => {
    for (const lang of ["ja", "en"]) {
      const common = words(lang, "common");
      const journey = words(lang, "journey");
      for (const { id } of listLifeEvents()) {
        expect(common.lifeEvents[id], `${lang} common:lifeEvents.${id}`).toEqual({ title: expect.any(String), summary: expect.any(String) });
        expect(journey.start[id], `${lang} journey:start.${id}`).toEqual({ need: expect.any(String), time: expect.any(String) });
      }
    }
  });

  it("let a person start car ownership and a company's representative start an incorporation", () => {
    // The three the service started with; a life event scaffolded by `flows:new` comes after them.
    expect(listLifeEvents().map((lifeEvent) => [lifeEvent.id, subjectTypeOf(lifeEvent)]).slice(0, 3)).toEqual([
      ["relocation", "person"],
      ["incorporation", "company"],
      ["car-ownership", "person"],
    ]);
  });
});
