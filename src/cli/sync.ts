// npm run sync: stage 1, Peloton's class list into the workouts database.
import path from "node:path";
import type { Progress } from "../ingest/deps";
import type { IngestRun } from "../ingest/runs";
import { type SyncOptions, syncWorkouts } from "../ingest/sync-workouts";
import { listOption, parseOptions, readCommandLine, wholeNumber } from "./args";
import { runHeadline, runIngestCommand } from "./ingest-command";
import { runCli } from "./run";

const usage = `Usage: npm run sync -- [options]

Lists Peloton's classes, newest first, into the workouts database. A sync stops at the first page with
nothing new (after getting past where an interrupted sync stopped); --full walks every page. Settings
come from the environment and ./.env (see README.md, Configuration).

Options:
  --category LIST   browse categories to sync: comma-separated, or the option repeated; "all" syncs every
                    category Peloton lists (default cycling)
  --full            walk every page, not only down to the classes already known; a walk to the end of the
                    list marks the classes no longer listed unavailable (default off)
  --max-pages N     stop after N pages per category; the next sync resumes past them (default no limit)
  --save-pages      also keep each page as JSON in DATA_DIR/workouts_list/ (default off)
  -h, --help        show this help

Exit code: 0 when the sync succeeded, 1 when it failed, 2 for a bad option, 130 (Ctrl-C) or 143 (SIGTERM)
when it was stopped.
`;

export interface SyncArguments extends Omit<SyncOptions, "savePagesDir"> {
  savePages: boolean;
}

export function parseSyncArguments(argv: string[]): SyncArguments | "help" {
  const values = parseOptions(argv, {
    category: { type: "string", multiple: true },
    full: { type: "boolean" },
    "max-pages": { type: "string" },
    "save-pages": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return "help";
  return {
    categories: values.category && listOption("category", values.category),
    full: values.full ?? false,
    maxPages: values["max-pages"] === undefined ? undefined : wholeNumber("max-pages", values["max-pages"], 1),
    savePages: values["save-pages"] ?? false,
  };
}

/** The run's counts in a few words, for the progress display. */
export const syncCounts = (progress: Progress) => `${progress.seen} classes seen, ${progress.new} new`;

/** What the user reads at the end of a run. */
export function syncSummary(run: IngestRun): string {
  const listed = run.total === null ? "" : ` of ${run.total} listed`;
  const lines = [`${runHeadline("Sync", run)}: ${run.seen} classes seen${listed}, ${run.new} new.`];
  if (run.error) lines.push(`Error: ${run.error}`);
  if (run.status !== "SUCCEEDED") lines.push("The next sync resumes where this one stopped.");
  return lines.join("\n");
}

if (require.main === module) {
  const args = readCommandLine(usage, () => parseSyncArguments(process.argv.slice(2)));
  if (args) {
    const { savePages, ...options } = args;
    runCli((config, logger) =>
      runIngestCommand(config, logger, {
        name: "sync",
        step: "page",
        counts: syncCounts,
        run: (deps) => syncWorkouts(deps, { ...options, savePagesDir: savePages ? path.join(config.dataDir, "workouts_list") : undefined }),
        summary: syncSummary,
      }),
    );
  }
}
