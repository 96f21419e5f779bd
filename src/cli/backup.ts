// npm run backup: both databases dumped, side by side, into BACKUP_DIR.
import { backupDatabases } from "../backup/backup";
import { commonUsage, parseOptions, readCommandLine } from "./args";
import { describeBackup } from "./backups";
import { runCli } from "./run";

const usage = `Usage: npm run backup -- [options]

Dumps both databases into BACKUP_DIR (default ./backups) as peloton_workouts_<time>.sql and
peloton_detailed_<time>.sql, one pair per backup, named by the time in UTC (20261124T054019Z), with their
SHA-256 checksums in peloton_<time>.sha256. The files are readable by you only (BACKUP_DIR too, when the
backup creates it). They are plain SQL that \`npm run restore\` reads back into either backend. On PostgreSQL the backup runs
pg_dump, which must be the server's version or newer; the embedded databases are dumped by PGlite's own
pg_dump, and allow one process at a time: stop \`npm start\` first. Settings come from the environment and
./.env (see README.md, Configuration).

Options:
${commonUsage}  -h, --help        show this help

Exit code: 0 when both files were written, 1 when the backup failed (it leaves no file behind), 2 for a bad
option.
`;

const options = readCommandLine(usage, () => (parseOptions(process.argv.slice(2), { help: { type: "boolean", short: "h" } }).help ? "help" : {}));

if (options) {
  runCli(async (config, logger) => {
    const backup = await backupDatabases({ database: config.database, backupDir: config.backupDir, logger });
    process.stdout.write(`Backed up both databases to ${config.backupDir}:\n${describeBackup(backup, config).join("\n")}\n`);
  });
}
