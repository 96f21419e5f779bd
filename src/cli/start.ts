// npm start: the GraphQL API over both databases (migrated first), with GraphiQL outside production.
import { openDatabases } from "../db";
import { pelotonClient } from "./ingest-command";
import { runCli } from "./run";
import { serveApi } from "./serve";

runCli(async (config, logger) => {
  const databases = await openDatabases(config.database, { logger });
  try {
    await serveApi(config, logger, databases, {
      adminToken: config.adminToken,
      peloton: pelotonClient(config, logger),
      banner: (url) =>
        `GraphQL API on ${url}${config.production ? "" : " (open it in a browser for GraphiQL)"}\n` +
        (config.adminToken ? "" : "Mutations are off: set ADMIN_TOKEN to start syncs and details runs through the API.\n"),
    });
  } finally {
    await databases.close(); // releases the embedded databases' lock
  }
});
