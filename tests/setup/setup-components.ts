// Component tests: Testing Library's DOM matchers, cleanup after each test, and the pages' texts in Japanese.
import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import i18next from "i18next";
import { afterEach } from "vitest";
import { i18nOptions, resources } from "~/platform/i18n/resources.server";
import { setFallbackTexts, type PageTexts } from "~/platform/i18n/texts";

// The pages' texts follow this i18next's language (a test may change it), with every namespace.
await i18next.init({ ...i18nOptions, lng: "ja" });
const texts = new Map<string, PageTexts>();
setFallbackTexts(() => {
  const language = i18next.language;
  let page = texts.get(language);
  if (!page) texts.set(language, (page = { language, namespaces: (resources[language] ?? {}) as PageTexts["namespaces"] }));
  return page;
});

afterEach(() => {
  cleanup();
});
