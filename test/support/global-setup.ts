import { randomBytes } from "node:crypto";
import { createPostgresPair, templateDir, templateName, testBackend } from "../../harness/databases";
import { openDatabases } from "../../src/db";

// Builds the migrated databases once per run; every test file then starts from a copy of them.
export default async function globalSetup() {
  const run = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  process.env.PMC_TEST_RUN = run;
  const config = testBackend === "embedded" ? { kind: "embedded" as const, dataDir: templateDir(run) } : await createPostgresPair(templateName(run));
  const databases = await openDatabases(config);
  await databases.close();
}
