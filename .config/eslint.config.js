// Lint: TypeScript, React hooks, and jsx-a11y (accessibility rules are errors, not warnings).
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// The parts of app/, each in its own folder, and which parts each may import (../shared/DESIGN.md): routes
// use the parts; the parts use platform/, flows/ and db/, and each other only downward; demo/ may use
// everything and nothing uses demo/ but the start-up (entry.server.tsx, cli/) and tests.
const parts = ["platform", "identity", "cases", "delivery", "journeys", "office", "admin", "design", "ideas", "evaluation"];
const mayUse = {
  platform: [],
  identity: ["platform"],
  cases: ["platform", "identity"],
  delivery: ["platform", "identity", "cases"],
  journeys: ["platform", "identity", "cases"],
  office: ["platform", "identity", "cases", "delivery", "journeys"],
  admin: ["platform", "identity", "cases", "delivery", "journeys"],
  design: ["platform", "identity", "cases", "delivery", "journeys"],
  ideas: ["platform", "identity", "cases", "delivery", "journeys"],
  evaluation: ["platform", "identity", "cases", "delivery", "journeys", "ideas"],
};
/** An import of app/<folder>/…, written with the ~ alias or relative from anywhere inside app/. */
const folderImport = (folders) => `^(~/|(\\.\\./)+)(${folders.join("|")})(/|$)`;
const partRules = parts.map((part) => {
  const forbidden = [...parts.filter((other) => other !== part && !mayUse[part].includes(other)), "routes", "components", "demo", "cli"];
  return {
    files: [`app/${part}/**/*.{ts,tsx}`],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: folderImport(forbidden), message: `app/${part}/ may use only ${mayUse[part].join(", ") || "no other part"} (besides flows/ and db/).` }] },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", "data/**", "db/migrations/**", "tests/.artifacts/**", "tests/bench/bare/build/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-console": ["error", { allow: ["warn", "error", "log"] }],
    },
  },
  {
    files: ["**/*.tsx"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    settings: { react: { version: "18.3" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      "react/prop-types": "off",
      // Literal user-facing text belongs in public/locales, never in components.
      "react/jsx-no-literals": ["error", { noStrings: false, ignoreProps: true, allowedStrings: ["·", "—", "|", ":", "/", "(", ")", "*", "→", "…"] }],
    },
  },
  ...partRules,
  {
    // Routes and components use the parts, never the demo (the start-up wires it in); components are
    // presentational and import no server module.
    files: ["app/routes/**/*.{ts,tsx}", "app/components/**/*.{ts,tsx}", "app/root.tsx", "app/entry.client.tsx"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: folderImport(["demo", "cli"]), message: "Nothing uses app/demo/ but the start-up and tests." }] }],
    },
  },
  {
    files: ["app/components/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: folderImport(["demo", "cli", "routes"]), message: "Components use neither the demo, the commands nor routes." },
            { regex: "\\.server$", message: "Components are presentational: no server module." },
          ],
        },
      ],
    },
  },
  {
    // flows/ is pure: no I/O, and it imports neither app/ nor db/.
    files: ["flows/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/app/**", "~/*", "**/db/**"], message: "flows/ imports neither app/ nor db/." },
            { group: ["node:*", "fs", "http", "https", "net", "child_process", "better-sqlite3", "drizzle-orm", "drizzle-orm/*"], message: "flows/ does no I/O." },
          ],
        },
      ],
    },
  },
  {
    // db/ knows nothing of routes or flows.
    files: ["db/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/app/**", "~/*", "**/flows/**"], message: "db/ imports neither app/ nor flows/." }] }],
    },
  },
);
