#!/usr/bin/env node
// Generates both Prisma clients. `prisma generate` never runs the schema engine, but the CLI tries to
// download it unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file: point it at node itself.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
for (const db of ["workouts", "detailed"]) {
  try {
    execFileSync(process.execPath, [prismaCli, "generate", "--config", `prisma/${db}/prisma.config.ts`], {
      stdio: "pipe",
      env: {
        PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
        ...process.env,
        // generators such as prisma-pothos-types are commands in node_modules/.bin, as under `npm run`
        PATH: [path.resolve("node_modules/.bin"), process.env.PATH].join(path.delimiter),
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
    });
  } catch (error) {
    process.stderr.write(`prisma generate failed for the ${db} database:\n${error.stdout ?? ""}${error.stderr ?? ""}`);
    process.exit(1);
  }
}
console.log("Generated the workouts and detailed Prisma clients into src/db/generated/");
