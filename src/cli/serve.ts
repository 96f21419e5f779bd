import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Config, ConfigError } from "../config";
import type { Databases } from "../db";
import { backgroundRuns } from "../ingest/background";
import type { Logger } from "../log";
import type { PelotonClient } from "../peloton/client";
import { openResponseCache } from "../response-cache";
import { createApi } from "../server";
import { trustedDocumentsOf } from "../trusted-documents";
import { isApiPath, webApp, webDocuments } from "../web";
import { onStopSignals } from "./stop-signals";

export interface ServeOptions {
  /** the mutations' bearer token; without one they are refused */
  adminToken?: string;
  /** where the mutations' runs fetch from */
  peloton: PelotonClient;
  /** what to print once the server listens, given its GraphQL URL */
  banner(url: string): string;
  /** a server from listen(), when the port was taken earlier (the demo takes it before it ingests) */
  server?: Server;
  /** the artist GraphiQL's first tab looks for, if not Peloton's default */
  welcomeArtist?: string;
}

/**
 * Serves the GraphQL API at /graphql (each client address limited to RATE_LIMIT_PER_MINUTE
 * requests) and the web app at every other path, on HOST and PORT, until SIGINT or SIGTERM; then
 * finishes the requests in flight and stops the runs the mutations started after their current page
 * or class (they end CANCELLED).
 */
export async function serveApi(
  config: Config,
  logger: Logger,
  databases: Databases,
  { adminToken, peloton, banner, server, welcomeArtist }: ServeOptions,
): Promise<void> {
  const runs = adminToken ? backgroundRuns({ ...databases, peloton, logger }) : undefined;
  const api = createApi(databases, {
    production: config.production,
    admin: adminToken && runs ? { token: adminToken, runs } : undefined,
    requestTimeoutMs: config.requestTimeoutMs,
    rateLimitPerMinute: config.rateLimitPerMinute,
    corsOrigins: config.corsOrigins,
    // the web app served beside the API asks for its own documents only
    ...(await trustedDocumentsOf({ ...config, trustedDocuments: [webDocuments, ...config.trustedDocuments] })),
    cacheMaxAgeSeconds: config.cacheMaxAgeSeconds,
    responseCache: await openResponseCache(config.responseCache, logger),
    welcomeArtist,
    logger,
  });
  const http = server ?? (await listen(config));
  const web = webApp();
  http.removeAllListeners("request").on("request", (request, response) => (isApiPath(request.url) ? api(request, response) : web(request, response)));
  const { port } = http.address() as AddressInfo; // PORT=0 picks a free one
  process.stdout.write(banner(`http://${browsable(config.host)}:${port}/graphql`));
  const stop = onStopSignals((signal) => logger.info({ signal }, "shutting down after the requests and runs in flight (again to stop at once)"));
  await once(stop.signal, "abort");
  await Promise.all([
    new Promise((resolve) => {
      http.close(resolve); // stops accepting, waits for the requests in flight
      http.closeIdleConnections();
    }),
    runs?.stop(),
    api.dispose(),
  ]);
  stop.dispose();
}

/** A server listening on HOST and PORT that answers 503 until serveApi serves; a taken port or an unknown address is a one-line error. */
export async function listen(config: Config): Promise<Server> {
  const server = createServer((_request, response) => response.writeHead(503, { "retry-after": "5" }).end("Starting: the API is not ready yet.\n"));
  server.listen(config.port, config.host);
  // not events.once(server, "listening"): it rejects with the raw error before any handler could explain it
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", (error: NodeJS.ErrnoException) => reject(listenError(error, config)));
  });
  return server;
}

/** What to tell the user when the server cannot listen on HOST and PORT. */
function listenError(error: NodeJS.ErrnoException, { host, port }: Config): Error {
  if (error.code === "EADDRINUSE") return new ConfigError(`Port ${port} is in use by another program: set PORT to a free one (PORT=0 picks any).`);
  if (error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND" || error.code === "EAI_AGAIN") {
    return new ConfigError(`Invalid configuration:\n  HOST: no network interface of this machine has the address ${host} (use 127.0.0.1, 0.0.0.0 or ::)`);
  }
  return error;
}

/** Where a browser on this machine reaches a server listening on `host`: localhost for the loopback and any address, the host otherwise. */
export function browsable(host: string): string {
  if (/^(0\.0\.0\.0|::|::1|127\.0\.0\.1|localhost)$/i.test(host)) return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}
