import { type ParseArgsConfig, parseArgs } from "node:util";

/** A mistake on the command line: printed on one line, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** node:util's parseArgs, strict, with no positionals; its errors become one-sentence UsageErrors. */
export function parseOptions<const T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T) {
  return usageErrors(() => parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values);
}

/** parseOptions for a command that also takes arguments (`npm run restore -- <timestamp>`). */
export function parseArguments<const T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T) {
  return usageErrors(() => parseArgs({ args: argv, options, strict: true, allowPositionals: true }));
}

function usageErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    // its first sentence: "Unknown option '--colour'. To specify a positional argument starting with a '-', …"
    throw new UsageError((error as Error).message.split(/\.(?:\s|$)/)[0]!);
  }
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
