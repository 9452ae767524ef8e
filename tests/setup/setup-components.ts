// Component tests: Testing Library's DOM matchers, cleanup after each test, and i18next in Japanese.
import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { afterEach } from "vitest";
import { i18nOptions } from "~/platform/i18n/resources.server";

await i18next.use(initReactI18next).init({ ...i18nOptions, lng: "ja" });

afterEach(() => {
  cleanup();
});
