import { type ParseArgsConfig, parseArgs } from "node:util";

/** A mistake on the command line: printed on one line, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Options every command takes, and the variable each one sets for that command. */
const commonOptions = { "data-dir": "DATA_DIR" } as const;
type CommonOption = keyof typeof commonOptions;

/** The common options as a usage lists them: the flag, and what it does. */
export const commonOptionRows: [string, string][] = [
  ["--data-dir DIR", "the directory of the embedded databases and the session (default DATA_DIR, or ./data)"],
];

/** The common options' lines for a hand-written usage. */
export const commonUsage = commonOptionRows.map(([flag, text]) => `  ${flag.padEnd(16)}  ${text}\n`).join("");

/** Settings given on the command line (--data-dir DIR sets DATA_DIR), which win over the environment's. */
export const commandLineSettings: Record<string, string> = {};

/** node:util's parseArgs, strict, with no positionals, plus the common options; its errors become one-sentence UsageErrors. */
export function parseOptions<const T extends Options>(argv: string[], options: T) {
  return usageErrors(() =>
    takeCommon(options, parseArgs({ args: negativeValues(argv, options), options: withCommon(options), strict: true, allowPositionals: false }).values),
  );
}

/** parseOptions for a command that also takes arguments (`npm run restore -- <timestamp>`). */
export function parseArguments<const T extends Options>(argv: string[], options: T) {
  return usageErrors(() => {
    const parsed = parseArgs({ args: negativeValues(argv, options), options: withCommon(options), strict: true, allowPositionals: true });
    return { ...parsed, values: takeCommon(options, parsed.values) };
  });
}

function usageErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // its first sentence: "Unknown option '--colour'. To specify a positional argument starting with a '-', …"
    throw new UsageError((error as Error).message.split(/\.(?:\s|$)/)[0]!);
  }
}

/** The command's options and the common ones it does not define itself (a benchmark's --data-dir is its own). */
const withCommon = <T extends Options>(options: T) =>
  ({ ...Object.fromEntries(Object.keys(commonOptions).map((name) => [name, { type: "string" }])), ...options }) as T &
    Record<Exclude<CommonOption, keyof T>, { type: "string" }>;

/** Moves the common options' values into commandLineSettings, leaving the command's own. */
function takeCommon<T extends Options, V extends object>(options: T, values: V): Omit<V, Exclude<CommonOption, keyof T>> {
  const given = values as Record<string, unknown>;
  for (const [name, variable] of Object.entries(commonOptions)) {
    if (name in options || given[name] === undefined) continue;
    if (typeof given[name] !== "string" || given[name].trim() === "") throw new UsageError(`--${name} needs a directory, got "${String(given[name])}"`);
    commandLineSettings[variable] = given[name];
    delete given[name];
  }
  return values;
}

/** "--batch-size -5" as "--batch-size=-5": parseArgs takes "-5" for an option, and would only say the value is ambiguous. */
function negativeValues(argv: string[], options: Options): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (arg === "--") return [...args, ...argv.slice(i)];
    const takesValue = arg.startsWith("--") && options[arg.slice(2)]?.type === "string";
    if (takesValue && next !== undefined && /^-\d/.test(next)) args.push(`${arg}=${argv[++i]}`);
    else args.push(arg);
  }
  return args;
}

/** A whole number given to option --`name`, at least `min`. */
export function wholeNumber(name: string, value: string, min: number): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < min) {
    throw new UsageError(`--${name} must be a whole number of at least ${min}, got "${value}"`);
  }
  return Number(value);
}

/** The items of a repeatable, comma-separated option (--x a,b --x c). */
export function listOption(name: string, values: string[]): string[] {
  const items = values.flatMap((value) => value.split(",")).map((item) => item.trim());
  if (items.some((item) => item === "")) throw new UsageError(`--${name} has an empty item: "${values.join(",")}"`);
  return items;
}

/**
 * Reads a command's arguments with `parse`. Prints the usage for --help, or the mistake for a bad
 * argument (exit code 2), and returns undefined then: there is nothing to run.
 */
export function readCommandLine<T>(usage: string, parse: () => T | "help"): T | undefined {
  try {
    const parsed = parse();
    if (parsed !== "help") return parsed;
    process.stdout.write(usage);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message} (--help lists the options)\n`);
    process.exitCode = 2;
  }
  return undefined;
}
