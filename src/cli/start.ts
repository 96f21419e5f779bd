// npm start: the GraphQL API over both databases (migrated first), with GraphiQL outside production.
import v8 from "node:v8";
import { openDatabases } from "../db";
import { commonUsage, parseOptions, readCommandLine } from "./args";
import { pelotonClient } from "./ingest-command";
import { runCli } from "./run";
import { listen, serveApi } from "./serve";

const usage = `Usage: npm start -- [options]

Serves the GraphQL API over both databases (migrated first) on HOST and PORT (default
http://localhost:4000/graphql), with GraphiQL in a browser unless NODE_ENV=production. The mutations
need ADMIN_TOKEN. SIGTERM or Ctrl-C finish the requests in flight and stop the runs the mutations
started. Settings come from the environment and ./.env (see README.md, Configuration).

Options:
${commonUsage}  -h, --help        show this help
`;

const options = readCommandLine(usage, () => (parseOptions(process.argv.slice(2), { help: { type: "boolean", short: "h" } }).help ? "help" : {}));

if (options) {
  runCli(async (config, logger) => {
    // Prisma's query compiler is WebAssembly that runs once per shape of query (its plans are cached):
    // V8's optimising tier held 40 to 70 MiB more for it, for no time measured. Not on the embedded
    // databases, where PostgreSQL itself is WebAssembly (PGlite) and runs every statement.
    if (config.database.kind === "postgres") v8.setFlagsFromString("--liftoff-only");
    const server = await listen(config); // a taken port is said before the databases are opened
    const databases = await openDatabases(config.database, { logger });
    try {
      await serveApi(config, logger, databases, {
        server,
        adminToken: config.adminToken,
        peloton: pelotonClient(config, logger),
        banner: (url) =>
          `Web app on ${new URL("/", url)}; GraphQL API on ${url}${config.production ? "" : " (open it in a browser for GraphiQL)"}\n` +
          (config.adminToken ? "" : "Mutations are off: set ADMIN_TOKEN to start syncs and details runs through the API.\n"),
      });
    } finally {
      await databases.close(); // releases the embedded databases' lock
    }
  });
}
