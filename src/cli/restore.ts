// npm run restore -- <timestamp>: both databases replaced by a backup from BACKUP_DIR.
import path from "node:path";
import { isBackupTimestamp } from "../backup/files";
import { restoreBackup } from "../backup/restore";
import { commonUsage, parseArguments, readCommandLine, UsageError } from "./args";
import { runCli } from "./run";

const usage = `Usage: npm run restore -- <timestamp> [--yes]

Replaces both databases with the backup taken at <timestamp> (as \`npm run backups\` lists them, e.g.
20261124T054019Z) from BACKUP_DIR (default ./backups). It restores into the configured databases, embedded
or PostgreSQL, whichever backend took the backup. The dumps must match the checksums in the backup's
manifest (peloton_<timestamp>.sha256), and every statement must be one our backups contain (tables of our
schema, their rows, sequence values, pg_dump's settings): anything else is refused, naming its line, before
anything runs. Each database is emptied and its dump run in one transaction; if anything fails, neither
database changes. Databases that hold rows are only replaced with
--yes. Stop \`npm start\` first. Settings come from the environment and ./.env (see README.md,
Configuration).

Options:
  -y, --yes         replace the databases even if they hold rows
${commonUsage}  -h, --help        show this help

Exit code: 0 when both databases were restored, 1 when the restore was refused or failed, 2 for a bad
argument.
`;

export interface RestoreArguments {
  timestamp: string;
  overwrite: boolean;
}

export function parseRestoreArguments(argv: string[]): RestoreArguments | "help" {
  const { values, positionals } = parseArguments(argv, { yes: { type: "boolean", short: "y" }, help: { type: "boolean", short: "h" } });
  if (values.help) return "help";
  if (positionals.length === 0)
    throw new UsageError("Which backup? Give its timestamp, e.g. npm run restore -- 20261124T054019Z (`npm run backups` lists them)");
  if (positionals.length > 1) throw new UsageError(`One backup at a time, got ${positionals.join(" ")}`);
  const timestamp = positionals[0]!;
  if (!isBackupTimestamp(timestamp)) {
    throw new UsageError(`"${timestamp}" is not a backup's timestamp, such as 20261124T054019Z (\`npm run backups\` lists them)`);
  }
  return { timestamp, overwrite: values.yes ?? false };
}

if (require.main === module) {
  const args = readCommandLine(usage, () => parseRestoreArguments(process.argv.slice(2)));
  if (args) {
    runCli(async (config, logger) => {
      const where = config.database.kind === "embedded" ? `the embedded databases in ${config.dataDir}` : "the PostgreSQL databases";
      const { backup, statements } = await restoreBackup(args.timestamp, {
        database: config.database,
        backupDir: config.backupDir,
        logger,
        overwrite: args.overwrite,
      });
      const files = Object.values(backup.files).map((file) => path.basename(file.path));
      process.stdout.write(
        `Restored ${where} from the backup ${backup.timestamp} (${files.join(", ")}: ${statements.workouts + statements.detailed} statements).\n`,
      );
    });
  }
}
