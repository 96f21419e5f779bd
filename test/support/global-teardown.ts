import { rm } from "node:fs/promises";
import path from "node:path";
import { runId, templateDir, testBackend, withAdmin } from "../../harness/databases";

export default async function globalTeardown() {
  const run = runId();
  if (testBackend === "embedded") {
    await rm(path.dirname(templateDir(run)), { recursive: true, force: true });
    return;
  }
  // the templates, and any scratch database a crashed test file left behind
  await withAdmin(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`pmc\\_test\\_${run}\\_%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
