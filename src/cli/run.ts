import { existsSync } from "node:fs";
import { type Config, ConfigError, loadConfig } from "../config";
import { DatabaseConnectionError } from "../db";
import { DataDirLockedError } from "../db/lock";
import { MigrationError } from "../db/migrate";
import { type Logger, createLogger } from "../log";

// Failures a user can fix from the message alone: printed without a stack trace.
const expectedErrors = [ConfigError, DatabaseConnectionError, DataDirLockedError, MigrationError];

/** Runs a command's main function with the configuration from the environment (and ./.env, if present). */
export function runCli(main: (config: Config, logger: Logger) => Promise<void>): void {
  if (existsSync(".env")) process.loadEnvFile(".env");
  let logger: Logger | undefined;
  Promise.resolve()
    .then(() => {
      const config = loadConfig();
      logger = createLogger(config.logLevel);
      return main(config, logger);
    })
    .catch((error: unknown) => {
      const expected = expectedErrors.some((type) => error instanceof type);
      process.stderr.write(`\n${expected ? (error as Error).message : (error as Error)?.stack ?? String(error)}\n`);
      logger?.flush();
      process.exitCode = 1;
    });
}
