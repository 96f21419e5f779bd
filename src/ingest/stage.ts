import { z } from "zod";
import { PelotonAuthError } from "../auth/errors";
import { formatDuration } from "../duration";
import type { IngestDeps, Progress } from "./deps";
import { activeRun, claimRun, executeRun, type IngestRun, type IngestStage, type RunHandle, StageAlreadyRunningError } from "./runs";

/** What an option says of itself, beside its zod type: how users name it, and where it is offered. */
export interface OptionInfo {
  /** one line for --help, the GraphQL description and the README */
  description: string;
  /** the name users type: the flag (kebab-cased) and the GraphQL input field; the option's key otherwise */
  name?: string;
  /** other flags the command line accepts for it (the original scripts' names) */
  aliases?: string[];
  /** the command line only (it names a file of the machine running it), or code only (tests, tuning) */
  only?: "cli" | "code";
  /** the default as the help says it, when it depends on other options */
  defaultText?: string;
  /** its items are Peloton ids (GraphQL ID) */
  ids?: boolean;
}

const optionInfo = z.registry<OptionInfo>();

/** An option of a stage: its zod type (bounds, default) with what users read of it. */
export function option<T extends z.ZodType>(schema: T, info: OptionInfo): T {
  optionInfo.add(schema as z.ZodType, info);
  return schema;
}

/** A whole number option's type, its bounds said in the words every surface shows. */
export function wholeNumber({ min, max }: { min: number; max?: number }) {
  const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
  const message = `must be a whole number ${range}`;
  const schema = z.number({ error: message }).int(message).min(min, message);
  return max === undefined ? schema : schema.max(max, message);
}

export type OptionKind = "int" | "boolean" | "string" | "strings";

export interface OptionSpec extends OptionInfo {
  key: string;
  /** the name users type */
  name: string;
  kind: OptionKind;
  min?: number;
  max?: number;
  default?: unknown;
  /** the default as users read it: "100", "off", "cycling" */
  shownDefault: string;
  /** a whole number's bounds: "1 to 16", "0 or more" */
  range?: string;
}

/** The options a stage's schema declares, for the command line, the GraphQL input and the README. */
export function optionSpecs(schema: z.ZodObject): OptionSpec[] {
  return Object.entries(schema.shape).map(([key, field]) => {
    const info = optionInfo.get(field as z.ZodType);
    if (!info) throw new Error(`option ${key} has no description: declare it with option()`);
    let inner = field as z.ZodType;
    let fallback: unknown;
    while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault || inner instanceof z.ZodNullable) {
      if (inner instanceof z.ZodDefault) fallback = inner.def.defaultValue;
      inner = inner.def.innerType as z.ZodType;
    }
    const kind = kindOf(inner);
    if (!kind) throw new Error(`option ${key}: the command line and the GraphQL input take whole numbers, booleans, strings and lists of strings`);
    const bounded = (bound: number | null) => (bound === null || Math.abs(bound) >= Number.MAX_SAFE_INTEGER ? undefined : bound);
    const [min, max] = inner instanceof z.ZodNumber ? [bounded(inner.minValue), bounded(inner.maxValue)] : [];
    const range = min === undefined ? undefined : max === undefined ? `${min} or more` : `${min} to ${max}`;
    const shownDefault =
      info.defaultText ?? (fallback === undefined ? "none" : fallback === false ? "off" : Array.isArray(fallback) ? fallback.join(",") : String(fallback));
    return { ...info, key, name: info.name ?? key, kind, min, max, range, default: fallback, shownDefault };
  });
}

function kindOf(type: z.ZodType): OptionKind | undefined {
  if (type instanceof z.ZodNumber) return "int";
  if (type instanceof z.ZodBoolean) return "boolean";
  if (type instanceof z.ZodString) return "string";
  if (type instanceof z.ZodArray && type.element instanceof z.ZodString) return "strings";
  return undefined;
}

/** Options a user gave that a stage cannot take: every problem at once, each naming its option. */
export class StageOptionsError extends Error {
  override name = "StageOptionsError";
  constructor(readonly problems: { option: string; message: string }[]) {
    super(problems.map((problem) => `${problem.option}: ${problem.message}`).join("; "));
  }
}

/**
 * One ingestion stage, defined once: its name, its options (zod, with defaults and bounds), what it
 * checks before a run is recorded, its work, and what the user reads of its progress and end. The
 * command line, the GraphQL mutation and its input, the background runner, the demo and the README's
 * table of options are derived from it.
 */
export interface Stage<Options extends z.ZodObject = z.ZodObject, Checked = unknown> {
  /** the run's stage in the database (IngestStage); the GraphQL mutation is its camel case */
  name: IngestStage;
  /** the npm script: `npm run sync` */
  command: string;
  /** "Sync": heads the summary */
  title: string;
  /** what the stage does, for --help and the mutation's description */
  description: string;
  /** what a run goes through one at a time, and stops after when interrupted */
  step: { one: string; many: string };
  options: Options;
  /**
   * What must hold before a run is recorded (a Peloton session, categories Peloton knows): throws
   * StageOptionsError or PelotonAuthError then; its result goes to `work`.
   */
  check(deps: IngestDeps, options: z.output<Options>): Promise<Checked>;
  /** defaults that depend on other options, filled in so that the recorded run says what it does */
  settle?(options: z.output<Options>): z.output<Options>;
  /** what the demo runs it with */
  demo?: z.input<Options>;
  work(deps: IngestDeps, run: RunHandle, options: z.output<Options>, checked: Checked): Promise<void>;
  /** the run's counts in a few words, for the progress display */
  counts(progress: Progress): string;
  /** what the user reads at the end of a run */
  summary(run: IngestRun): string;
}

// biome-ignore lint/suspicious/noExplicitAny: a list of stages holds each with its own options
export type AnyStage = Stage<any, any>;

export const defineStage = <Options extends z.ZodObject, Checked>(stage: Stage<Options, Checked>) => stage;

/** The options as the stage takes them (defaults filled in), or StageOptionsError naming every problem, by the names users type. */
export function readOptions<Options extends z.ZodObject>(stage: Stage<Options>, input: unknown): z.output<Options> {
  const parsed = stage.options.safeParse(input ?? {});
  if (parsed.success) return stage.settle ? stage.settle(parsed.data) : parsed.data;
  const names = new Map(optionSpecs(stage.options).map((spec) => [spec.key, spec.name]));
  throw new StageOptionsError(
    parsed.error.issues.map((issue) => {
      const [key, ...rest] = issue.path.map(String);
      return { option: [names.get(key ?? "") ?? key ?? "options", ...rest].join("."), message: issue.message };
    }),
  );
}

/** How long a stage's check waits for Peloton: a mutation answers well within REQUEST_TIMEOUT_MS. */
const CHECK_TIME_MS = 5_000;

/**
 * Peloton's answer for a stage's check (`what` it was asked), or undefined if it fails or takes longer
 * than a check may (or the run is stopped meanwhile): the run then meets Peloton itself, and records
 * what goes wrong. A login Peloton refuses, or none to make, is final: it is thrown.
 */
export async function askBeforeRun<T>({ signal, logger }: Pick<IngestDeps, "signal" | "logger">, answer: Promise<T>, what: string): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), CHECK_TIME_MS);
    onAbort = () => resolve(undefined);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  answer.catch(() => undefined); // a late failure is the run's to meet, not an unhandled rejection
  try {
    return await Promise.race([answer, late]);
  } catch (error) {
    if (error instanceof PelotonAuthError) throw error;
    logger.warn({ err: error }, `could not check ${what} before the run; the run will meet it`);
    return undefined;
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  }
}

/**
 * Runs a stage: reads its options, checks what must hold, records the run (or carries out
 * `deps.queuedRun`) and does the work under it. Returns the finished run; throws only before a run is
 * recorded (bad options, no Peloton session, the stage already running).
 */
export async function runStage<Options extends z.ZodObject, Checked>(
  stage: Stage<Options, Checked>,
  deps: IngestDeps,
  input: z.input<Options> | undefined,
  checkedAlready?: { options: z.output<Options>; checked: Checked },
): Promise<IngestRun> {
  if (!checkedAlready && deps.queuedRun === undefined) {
    // refused before Peloton is asked anything
    const active = await activeRun(deps, stage.name);
    if (active) throw new StageAlreadyRunningError(active);
  }
  const options = checkedAlready?.options ?? readOptions(stage, input);
  const checked = checkedAlready ? checkedAlready.checked : await stage.check(deps, options);
  const run = told(await claimRun(deps, stage.name, options), deps.onRunChange);
  return executeRun(deps, run, () => stage.work(deps, run, options, checked));
}

/** The run, telling `onRunChange` of its start and of each write of its row that follows. */
function told(run: RunHandle, onRunChange: IngestDeps["onRunChange"]): RunHandle {
  if (!onRunChange) return run;
  onRunChange(run.id);
  return {
    id: run.id,
    async update(counts) {
      await run.update(counts);
      onRunChange(run.id);
    },
    async finish(status, error) {
      const finished = await run.finish(status, error);
      onRunChange(run.id);
      return finished;
    },
  };
}

/** "Sync run #12 SUCCEEDED in 4.2s" */
export function runHeadline(title: string, run: IngestRun): string {
  const ms = (run.finishedAt ?? new Date()).getTime() - (run.startedAt ?? run.createdAt).getTime();
  return `${title} run #${run.id} ${run.status} in ${formatDuration(ms)}`;
}
