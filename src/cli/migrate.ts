// npm run migrate: applies pending migrations to both databases (the app also does this at start-up).
import { openDatabases } from "../db";
import { runCli } from "./run";

runCli(async (config, logger) => {
  const where = config.database.kind === "embedded" ? `embedded databases in ${config.dataDir}` : "PostgreSQL databases";
  const databases = await openDatabases(config.database, { logger });
  await databases.close();
  process.stdout.write(`The ${where} are migrated and up to date.\n`);
});
