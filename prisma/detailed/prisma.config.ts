// Prisma CLI configuration for the detailed database (prisma generate, and migrate with the schema-engine shim).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  datasource: {
    url: process.env.DETAILED_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/peloton_detailed_dev",
  },
});
