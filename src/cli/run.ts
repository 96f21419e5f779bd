import { appendFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { PelotonAuthError } from "../auth";
import { BackupError } from "../backup/files";
import { type Config, ConfigError, type DatabaseConfig, describeCatalogue, loadConfig, redactSecrets } from "../config";
import { DatabaseConnectionError } from "../db";
import { DataDirLockedError } from "../db/lock";
import { MigrationError } from "../db/migrate";
import { StageAlreadyRunningError } from "../ingest/runs";
import { createLogger, type Logger } from "../log";
import { commandLineSettings } from "./args";
import { fileProblem } from "./file-errors";

// Failures a user can fix from the message alone: printed without a stack trace.
const expectedErrors = [ConfigError, DatabaseConnectionError, DataDirLockedError, MigrationError, StageAlreadyRunningError, PelotonAuthError, BackupError];

export interface RunOptions {
  /** the databases the command works on, when not the configured ones (the demo's own) */
  catalogue?: (config: Config) => DatabaseConfig;
}

/**
 * Runs a command's main function with the configuration from the environment (and ./.env, if present),
 * with what its command line sets (--data-dir) winning over both. Its first log line says where the
 * catalogue lives: a user of the original scripts' DB_* settings sees which server and databases.
 */
export function runCli(main: (config: Config, logger: Logger) => Promise<void>, { catalogue }: RunOptions = {}): void {
  if (existsSync(".env")) process.loadEnvFile(".env");
  let logger: Logger | undefined;
  let config: Config | undefined;
  Promise.resolve()
    .then(() => {
      config = loadConfig({ ...process.env, ...commandLineSettings });
      logger = openLogger(config);
      logger.info(describeCatalogue(catalogue ? catalogue(config) : config.database));
      return main(config, logger);
    })
    .catch((error: unknown) => {
      const expected = expectedErrors.some((type) => error instanceof type);
      const problem = !expected && config ? fileProblem(error, config) : undefined;
      process.stderr.write(`${expected ? (error as Error).message : (problem ?? redactSecrets((error as Error)?.stack ?? String(error)))}\n`);
      process.exitCode = 1;
      // the command has failed: end even if something it started (the demo's simulator, a server) is still open
      if (logger) logger.flush(() => process.exit());
      else process.exit();
    });
}

function openLogger({ logLevel, logFile }: Config): Logger {
  if (logFile) {
    // the logger opens its file in the background, where a failure would crash with a stack trace
    try {
      // the log is its owner's alone from the start (createLogger then makes an existing file so too)
      mkdirSync(path.dirname(logFile), { recursive: true, mode: 0o700 });
      appendFileSync(logFile, "", { mode: 0o600 });
    } catch (error) {
      throw new ConfigError(`Invalid configuration:\n  LOG_FILE: cannot write to ${logFile} (${(error as Error).message})`);
    }
  }
  return createLogger(logLevel, logFile);
}
