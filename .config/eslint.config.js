// Lint: TypeScript, React hooks, and jsx-a11y (accessibility rules are errors, not warnings).
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", "data/**", "db/migrations/**", "tests/.artifacts/**"] },
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
