// npm start: the GraphQL API over both databases (migrated first), with GraphiQL outside production.
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { openDatabases } from "../db";
import { backgroundRuns } from "../ingest/background";
import { createApi } from "../server";
import { pelotonClient } from "./ingest-command";
import { runCli } from "./run";
import { onStopSignals } from "./stop-signals";

runCli(async (config, logger) => {
  const databases = await openDatabases(config.database, { logger });
  const runs = config.adminToken ? backgroundRuns({ ...databases, peloton: pelotonClient(config, logger), logger }) : undefined;
  const api = createApi(databases, {
    production: config.production,
    admin: config.adminToken && runs ? { token: config.adminToken, runs } : undefined,
    requestTimeoutMs: config.requestTimeoutMs,
    logger,
  });
  const server = createServer(api);
  server.listen(config.port);
  await once(server, "listening");
  const { port } = server.address() as AddressInfo; // PORT=0 picks a free one
  process.stdout.write(
    `GraphQL API on http://localhost:${port}/graphql${config.production ? "" : " (open it in a browser for GraphiQL)"}\n` +
      (runs ? "" : "Mutations are off: set ADMIN_TOKEN to start syncs and details runs through the API.\n"),
  );
  const stop = onStopSignals((signal) => logger.info({ signal }, "shutting down after the requests and runs in flight (again to stop at once)"));
  await once(stop.signal, "abort");
  await Promise.all([
    new Promise((resolve) => {
      server.close(resolve); // stops accepting, waits for the requests in flight
      server.closeIdleConnections();
    }),
    runs?.stop(), // runs finish their current page or class and end CANCELLED
  ]);
  stop.dispose();
  await databases.close(); // releases the embedded databases' lock
});
