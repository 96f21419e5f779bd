import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Config } from "../config";
import type { Databases } from "../db";
import { backgroundRuns } from "../ingest/background";
import type { Logger } from "../log";
import type { PelotonClient } from "../peloton/client";
import { createApi } from "../server";
import { onStopSignals } from "./stop-signals";

export interface ServeOptions {
  /** the mutations' bearer token; without one they are refused */
  adminToken?: string;
  /** where the mutations' runs fetch from */
  peloton: PelotonClient;
  /** what to print once the server listens, given its GraphQL URL */
  banner(url: string): string;
}

/**
 * Serves the GraphQL API on PORT until SIGINT or SIGTERM; then finishes the requests in flight and
 * stops the runs the mutations started after their current page or class (they end CANCELLED).
 */
export async function serveApi(config: Config, logger: Logger, databases: Databases, { adminToken, peloton, banner }: ServeOptions): Promise<void> {
  const runs = adminToken ? backgroundRuns({ ...databases, peloton, logger }) : undefined;
  const api = createApi(databases, {
    production: config.production,
    admin: adminToken && runs ? { token: adminToken, runs } : undefined,
    requestTimeoutMs: config.requestTimeoutMs,
    logger,
  });
  const server = createServer(api);
  server.listen(config.port);
  await Promise.race([
    once(server, "listening"),
    once(server, "error").then(([error]) => {
      throw (error as NodeJS.ErrnoException).code === "EADDRINUSE"
        ? new PortInUseError(`Port ${config.port} is in use by another program: set PORT to a free one (PORT=0 picks any).`)
        : error;
    }),
  ]);
  const { port } = server.address() as AddressInfo; // PORT=0 picks a free one
  process.stdout.write(banner(`http://localhost:${port}/graphql`));
  const stop = onStopSignals((signal) => logger.info({ signal }, "shutting down after the requests and runs in flight (again to stop at once)"));
  await once(stop.signal, "abort");
  await Promise.all([
    new Promise((resolve) => {
      server.close(resolve); // stops accepting, waits for the requests in flight
      server.closeIdleConnections();
    }),
    runs?.stop(),
  ]);
  stop.dispose();
}

export class PortInUseError extends Error {
  override name = "PortInUseError";
}
