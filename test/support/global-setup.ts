import { randomBytes } from "node:crypto";
import { openDatabases } from "../../src/db";
import { databaseUrl, templateDir, templateName, testBackend, withAdmin } from "./backend";

// Builds the migrated databases once per run; every test file then starts from a copy of them.
export default async function globalSetup() {
  const run = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  process.env.PMC_TEST_RUN = run;
  if (testBackend === "embedded") {
    const databases = await openDatabases({ kind: "embedded", dataDir: templateDir(run) });
    await databases.close();
    return;
  }
  const name = templateName(run);
  await withAdmin(async (admin) => {
    await admin.query(`CREATE DATABASE "${name}_workouts"`);
    await admin.query(`CREATE DATABASE "${name}_detailed"`);
  });
  const databases = await openDatabases({
    kind: "postgres",
    workoutsUrl: databaseUrl(`${name}_workouts`),
    detailedUrl: databaseUrl(`${name}_detailed`),
  });
  await databases.close();
}
