// npm start: the GraphQL API over both databases (migrated first), with GraphiQL outside production.
import { once } from "node:events";
import { createServer } from "node:http";
import { openDatabases } from "../db";
import { createApi } from "../server";
import { runCli } from "./run";
import { onStopSignals } from "./stop-signals";

runCli(async (config, logger) => {
  const databases = await openDatabases(config.database, { logger });
  const server = createServer(createApi(databases, { production: config.production }));
  server.listen(config.port);
  await once(server, "listening");
  process.stdout.write(`GraphQL API on http://localhost:${config.port}/graphql${config.production ? "" : " (open it in a browser for GraphiQL)"}\n`);
  const stop = onStopSignals((signal) => logger.info({ signal }, "shutting down after the requests in flight (again to stop at once)"));
  await once(stop.signal, "abort");
  await new Promise((resolve) => {
    server.close(resolve); // stops accepting, waits for the requests in flight
    server.closeIdleConnections();
  });
  stop.dispose();
  await databases.close(); // releases the embedded databases' lock
});
