// npm run backups: the backups in BACKUP_DIR, newest first, with their sizes and how to restore each.
import path from "node:path";
import { type Backup, type BackupFile, type BackupListing, backupFileName, listBackups, manifestFileName } from "../backup/files";
import { type Config, databaseNameOf } from "../config";
import { commonUsage, parseOptions, readCommandLine } from "./args";
import { runCli } from "./run";

const usage = `Usage: npm run backups -- [options]

Lists the backups in BACKUP_DIR (default ./backups), newest first: each pair of files with their sizes, its
checksum manifest, and the command that restores it. A backup missing one of its two files is flagged: it
cannot be restored.

Options:
${commonUsage}  -h, --help        show this help
`;

/** A backup's files with their sizes, and the commands that restore it: lines indented for a listing. */
export function describeBackup(backup: Backup, config: Pick<Config, "database">): string[] {
  const files = Object.values(backup.files);
  const lines = files.map((file) => `  ${path.basename(file.path)}  ${formatBytes(file.bytes)}`);
  if (backup.missing.length > 0) return lines;
  const manifest = manifestFileName(backup.timestamp);
  lines.push(backup.manifest ? `  checksums: ${manifest}` : `  no checksums (${manifest}): restore refuses it until you vouch for its files (it says how)`);
  lines.push(`  restore: npm run restore -- ${backup.timestamp}`);
  const dumpedBy = files.map((file) => Number.parseInt(file.pgDumpVersion ?? "", 10));
  if (config.database.kind === "postgres" && dumpedBy.every((major) => major > 0)) {
    // psql runs a pg_dump script as it is, so the server must know every setting the script's pg_dump wrote
    // psql runs any statement: restore's check of each one (see allowed-statements.ts) is the guard against a tampered file
    lines.push(
      `  or with psql, which runs whatever the files hold (only for files you trust), on PostgreSQL ${Math.max(...dumpedBy)} or later, replacing what the databases hold:`,
    );
    lines.push(...files.map((file) => `    ${psqlRestore(file, config.database)}`));
  }
  return lines;
}

function psqlRestore(file: BackupFile, database: Config["database"]): string {
  // the settings the databases come from, as the shell (or .env, once sourced) holds them
  const [password, connection] =
    database.kind === "postgres" && database.dbVariables
      ? [
          'PGPASSWORD="$DB_PASSWORD" ',
          `-h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d ${shellQuote(databaseNameOf(file.database === "workouts" ? database.workoutsUrl : database.detailedUrl))}`,
        ]
      : ["", `-d "$${file.database.toUpperCase()}_DATABASE_URL"`];
  const relative = path.relative(process.cwd(), file.path);
  const shown = relative.startsWith("..") || path.isAbsolute(relative) ? file.path : relative;
  return `${password}psql -X -v ON_ERROR_STOP=1 --single-transaction ${connection} -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' -f ${shellQuote(shown)}`;
}

const shellQuote = (text: string) => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

/** 1536 → "1.5 KiB" */
function formatBytes(bytes: number): string {
  const units = ["KiB", "MiB", "GiB", "TiB"];
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

const utc = (date: Date) =>
  date
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC");

function formatListing(dir: string, { backups, unfinished }: BackupListing, config: Pick<Config, "database">): string {
  const sections = backups.map((backup) => {
    const missing = backup.missing.map((database) => backupFileName(database, backup.timestamp));
    const flag = missing.length > 0 ? `  INCOMPLETE: ${missing.join(" and ")} is missing, so it cannot be restored` : "";
    return [`${backup.timestamp}  taken ${utc(backup.takenAt)}  ${formatBytes(backup.bytes)} in all${flag}`, ...describeBackup(backup, config)].join("\n");
  });
  const head = backups.length > 0 ? `Backups in ${dir}, newest first:` : `No backups in ${dir} yet: \`npm run backup\` takes one.`;
  const tail =
    unfinished.length > 0
      ? [`Files of a backup still being written, or of one that was stopped (delete them if no backup is running):\n  ${unfinished.join("\n  ")}`]
      : [];
  return `${[head, ...sections, ...tail].join("\n\n")}\n`;
}

if (require.main === module) {
  const options = readCommandLine(usage, () => (parseOptions(process.argv.slice(2), { help: { type: "boolean", short: "h" } }).help ? "help" : {}));
  if (options) {
    runCli(async (config) => {
      process.stdout.write(formatListing(config.backupDir, await listBackups(config.backupDir), config));
    });
  }
}
