// npm run details: stage 2, each synced class's details and playlist into the detailed database.
import type { Progress } from "../ingest/deps";
import type { IngestRun } from "../ingest/runs";
import { type ProcessDetailsOptions, processDetails } from "../ingest/process-details";
import { listOption, parseOptions, readCommandLine, wholeNumber } from "./args";
import { runHeadline, runIngestCommand } from "./ingest-command";
import { runCli } from "./run";

const usage = `Usage: npm run details -- [options]

Fetches the details of the classes that \`npm run sync\` listed and that are not processed yet (oldest
first), and saves each class's instructor and playlist to the detailed database. A class that fails is
recorded and retried by the next run. Settings come from the environment and ./.env (see README.md,
Configuration).

Options:
  --batch-size N    how many classes this run takes; 0 takes them all (default 100)
  --concurrency N   classes in flight at once; requests still keep one rate limit (default 1)
  --force           take classes already processed too, replacing their playlists (default off)
  --ids LIST        exactly these classes, comma-separated or the option repeated, whether processed
                    or not (default: the classes not processed yet)
  -h, --help        show this help

Exit code: 0 when the run succeeded, 1 when it failed, 2 for a bad option, 130 (Ctrl-C) or 143 (SIGTERM)
when it was stopped.
`;

export function parseDetailsArguments(argv: string[]): ProcessDetailsOptions | "help" {
  const values = parseOptions(argv, {
    "batch-size": { type: "string" },
    concurrency: { type: "string" },
    force: { type: "boolean" },
    ids: { type: "string", multiple: true },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return "help";
  return {
    batchSize: wholeNumber("batch-size", values["batch-size"] ?? "100", 0),
    concurrency: wholeNumber("concurrency", values.concurrency ?? "1", 1),
    force: values.force ?? false,
    ids: values.ids && listOption("ids", values.ids),
  };
}

/** The run's counts in a few words, for the progress display. */
export const detailsCounts = (progress: Progress) => `${progress.processed} processed, ${progress.failed} failed`;

/** What the user reads at the end of a run. */
export function detailsSummary(run: IngestRun): string {
  const total = run.total ?? run.seen;
  const lines = [`${runHeadline("Details", run)}: ${run.processed} of ${total} classes processed, ${run.failed} failed.`];
  if (run.error) lines.push(`Error: ${run.error}`);
  if (run.failed) lines.push(`${run.failed} ${run.failed === 1 ? "class" : "classes"} failed (why is in the log and in workouts.details_error); the next run retries them.`);
  if (run.status !== "SUCCEEDED" && run.seen < total) lines.push(`The next run takes the ${total - run.seen} classes this one did not reach.`);
  return lines.join("\n");
}

if (require.main === module) {
  const options = readCommandLine(usage, () => parseDetailsArguments(process.argv.slice(2)));
  if (options) {
    runCli((config, logger) =>
      runIngestCommand(config, logger, {
        name: "details",
        step: "class",
        counts: detailsCounts,
        run: (deps) => processDetails(deps, options),
        summary: detailsSummary,
      }),
    );
  }
}
