import type { Backup } from "../../src/backup/files";
import { describeBackup } from "../../src/cli/backups";
import { loadConfig } from "../../src/config";

const backup: Backup = {
  timestamp: "20261130T060000Z",
  takenAt: new Date("2026-11-30T06:00:00Z"),
  files: {
    workouts: { database: "workouts", path: "backups/peloton_workouts_20261130T060000Z.sql", bytes: 10, pgDumpVersion: "15.20" },
    detailed: { database: "detailed", path: "backups/peloton_detailed_20261130T060000Z.sql", bytes: 10, pgDumpVersion: "15.20" },
  },
  missing: [],
  manifest: "backups/peloton_20261130T060000Z.sha256",
  bytes: 20,
};
const psqlLines = (env: Record<string, string>) => describeBackup(backup, loadConfig(env)).filter((line) => line.includes("psql "));

describe("the psql restore hint", () => {
  it("names the variables the databases are configured by: the two URLs", () => {
    const lines = psqlLines({ WORKOUTS_DATABASE_URL: "postgresql://app:pw@db/w", DETAILED_DATABASE_URL: "postgresql://app:pw@db/d" });
    expect(lines).toEqual([expect.stringContaining(`-d "$WORKOUTS_DATABASE_URL"`), expect.stringContaining(`-d "$DETAILED_DATABASE_URL"`)]);
  });

  it("or the original scripts' DB_* settings, with the databases' names, and never the password itself", () => {
    const env = { DB_USER: "app", DB_HOST: "db", DB_PASSWORD: "hunter2", DB_PORT: "5432", DB_DETAILED_NAME: "mine_detailed" };
    const lines = psqlLines(env);
    expect(lines).toEqual([
      expect.stringContaining(
        `PGPASSWORD="$DB_PASSWORD" psql -X -v ON_ERROR_STOP=1 --single-transaction -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d peloton_workouts -c`,
      ),
      expect.stringContaining(`-U "$DB_USER" -d mine_detailed -c`),
    ]);
    expect(lines.join("\n")).not.toContain("hunter2");
  });

  it("quotes a database name the shell would read otherwise ($ is allowed in one)", () => {
    const lines = psqlLines({ DB_USER: "app", DB_HOST: "db", DB_PASSWORD: "", DB_PORT: "5432", DB_WORKOUTS_NAME: "cat$w" });
    expect(lines[0]).toContain(`-d 'cat$w' -c`);
  });
});
