import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/** Which database backend the suite runs on: TEST_DATABASE=embedded (default) or TEST_DATABASE=postgres. */
export const testBackend = (() => {
  const value = process.env.TEST_DATABASE ?? "embedded";
  if (value !== "embedded" && value !== "postgres") {
    throw new Error(`TEST_DATABASE must be "embedded" or "postgres" (got "${value}")`);
  }
  return value;
})();

/** A server the postgres suite may create and drop databases on. */
export const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export const databaseUrl = (database: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// Set by global-setup, inherited by the jest workers.
export const runId = () => process.env.PMC_TEST_RUN ?? "";
export const templateName = (run: string) => `pmc_test_${run}_template`;
export const templateDir = (run: string) => path.join(os.tmpdir(), `pmc-test-${run}`, "template");
export const scratchName = () => `pmc_test_${runId()}_${randomBytes(4).toString("hex")}`;
