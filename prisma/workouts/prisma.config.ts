// Prisma CLI configuration for the workouts database (prisma generate, and migrate with the schema-engine shim).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  datasource: {
    url: process.env.WORKOUTS_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/peloton_workouts_dev",
  },
});
