// npm run migrate: applies pending migrations to both databases (the app also does this at start-up).
import { describeCatalogue } from "../config";
import { openDatabases } from "../db";
import { commonUsage, parseOptions, readCommandLine } from "./args";
import { runCli } from "./run";

const usage = `Usage: npm run migrate -- [options]

Applies the pending migrations to both databases (every command also does this at start-up). Settings
come from the environment and ./.env (see README.md, Configuration).

Options:
${commonUsage}  -h, --help        show this help
`;

const options = readCommandLine(usage, () => (parseOptions(process.argv.slice(2), { help: { type: "boolean", short: "h" } }).help ? "help" : {}));

if (options) {
  runCli(async (config, logger) => {
    const databases = await openDatabases(config.database, { logger });
    await databases.close();
    process.stdout.write(`${describeCatalogue(config.database).replace(/^Catalogue: /, "Migrated and up to date: ")}.\n`);
  });
}
