// drizzle-kit: generates SQL migrations from db/schema.ts into db/migrations (committed, never edited once shipped).
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  dbCredentials: { url: process.env.DATABASE_PATH ?? "./data/madoguchi.db" },
});
