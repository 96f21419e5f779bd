import { type AnyStage, type OptionSpec, optionSpecs, readOptions, StageOptionsError } from "../ingest/stage";
import { stages } from "../ingest/stages";
import { commonOptionRows, listOption, parseOptions, readCommandLine, UsageError } from "./args";
import { runIngestCommand } from "./ingest-command";
import { runCli } from "./run";

/** The command line of a stage (`npm run sync`, `npm run details`): its flags, help and run, all from the stage's definition. */
export function runStageCommand(stage: AnyStage, argv = process.argv.slice(2)): void {
  const input = readCommandLine(stageUsage(stage), () => parseStageArguments(stage, argv));
  if (!input) return;
  runCli(async (config, logger) => {
    try {
      await runIngestCommand(config, logger, stage, input);
    } catch (error) {
      // what only Peloton could tell (a category it does not list): a bad option all the same
      if (!(error instanceof StageOptionsError)) throw error;
      const flags = new Map(cliOptions(stage).map((spec) => [spec.name, `--${flagOf(spec)}`]));
      process.stderr.write(`${error.problems.map(({ option, message }) => `${flags.get(option) ?? option}: ${message}`).join("; ")}\n`);
      process.exitCode = 2;
    }
  });
}

/** The options the command line offers (code-only tuning is not one). */
const cliOptions = (stage: AnyStage) => optionSpecs(stage.options).filter((spec) => spec.only !== "code");

const flagOf = (spec: Pick<OptionSpec, "name">) => spec.name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** The stage's input from its command line (what the flags give; the stage fills in its defaults), or "help". */
export function parseStageArguments(stage: AnyStage, argv: string[]): Record<string, unknown> | "help" {
  const specs = cliOptions(stage);
  const config = Object.fromEntries(
    specs.flatMap((spec) =>
      [flagOf(spec), ...(spec.aliases ?? [])].map((flag) => [
        flag,
        spec.kind === "boolean" ? { type: "boolean" as const } : { type: "string" as const, multiple: true },
      ]),
    ),
  );
  const values = parseOptions(argv, { ...config, help: { type: "boolean", short: "h" } }) as Record<string, string[] | boolean | undefined>;
  if (values.help) return "help";
  const input: Record<string, unknown> = {};
  const given: Record<string, string> = {};
  for (const spec of specs) {
    const flags = [flagOf(spec), ...(spec.aliases ?? [])].filter((flag) => values[flag] !== undefined);
    if (flags.length === 0) continue;
    if (spec.kind === "boolean") {
      input[spec.key] = flags.some((flag) => values[flag] === true);
      continue;
    }
    const strings = flags.flatMap((flag) => values[flag] as string[]);
    given[spec.key] = strings.join(",");
    if (spec.kind === "strings") input[spec.key] = listOption(flagOf(spec), strings);
    else if (strings.length > 1) throw new UsageError(`--${flagOf(spec)} is given ${strings.length} times`);
    else input[spec.key] = spec.kind === "int" && /^\s*-?\d+\s*$/.test(strings[0]!) ? Number(strings[0]) : strings[0];
  }
  try {
    readOptions(stage, input); // what the stage would refuse, said in the flags' words
  } catch (error) {
    if (!(error instanceof StageOptionsError)) throw error;
    const byName = new Map(specs.map((spec) => [spec.name, spec]));
    throw new UsageError(
      error.problems
        .map(({ option, message }) => {
          const spec = byName.get(option.split(".")[0]!);
          return spec ? `--${flagOf(spec)} ${message}, got "${given[spec.key] ?? ""}"` : `${option}: ${message}`;
        })
        .join("; "),
    );
  }
  return input;
}

/** --help: the stage's description and a line per flag, with its default. */
export function stageUsage(stage: AnyStage): string {
  const rows: [string, string][] = cliOptions(stage).map((spec) => {
    const notes = [spec.range, `default ${spec.shownDefault}`, spec.kind === "strings" && "comma-separated, or the flag repeated", aliasesOf(spec)];
    return [flagWithValue(spec), `${spec.description} (${notes.filter(Boolean).join("; ")})`];
  });
  rows.push(...commonOptionRows, ["-h, --help", "show this help"]);
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return (
    `Usage: npm run ${stage.command} -- [options]\n\n${wrap(stage.description, 100)}\nSettings come from the environment and ./.env (see README.md, Configuration).\n\n` +
    `Options:\n${rows.map(([flag, text]) => `  ${flag.padEnd(width)}${wrap(text, 100 - width - 2).replaceAll("\n", `\n${" ".repeat(width + 2)}`)}`).join("\n")}\n\n` +
    `${wrap("Exit code: 0 when the run succeeded, 1 when it failed, 2 for a bad option, 130 (Ctrl-C) or 143 (SIGTERM) when it was stopped.", 100)}\n`
  );
}

/** The README's table of a stage's options: the command line's flags and the mutation's input fields. */
export function optionsTable(stage: AnyStage): string {
  const rows = optionSpecs(stage.options)
    .filter((spec) => spec.only !== "code")
    .map((spec) => {
      const flags = [flagWithValue(spec), ...(spec.aliases ?? []).map((alias) => `--${alias}`)].map((flag) => `\`${flag}\``).join(" or ");
      const field = spec.only === "cli" ? "(command line only)" : `\`${spec.name}\``;
      const range = spec.range;
      return `| ${flags} | ${field} | ${spec.description}${range ? ` (${range})` : ""} | ${spec.shownDefault} |`;
    });
  return ["| Flag | GraphQL input | What it does | Default |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

function flagWithValue(spec: OptionSpec): string {
  const value = { int: " N", string: " TEXT", strings: " LIST", boolean: "" }[spec.kind];
  return `--${flagOf(spec)}${value}`;
}

const aliasesOf = (spec: OptionSpec) => (spec.aliases?.length ? `also ${spec.aliases.map((alias) => `--${alias}`).join(", ")}` : "");

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join("\n");
}

/** The README with each stage's table of options (between `<!-- options:sync -->` and `<!-- /options -->`) as its definition says. */
export function readmeWithOptions(readme: string): string {
  return readme.replace(/(<!-- options:([a-z-]+) -->\n)[\s\S]*?(<!-- \/options -->)/g, (block, open: string, command: string, close: string) => {
    const stage = stages.find((candidate) => candidate.command === command);
    return stage ? `${open}${optionsTable(stage)}\n${close}` : block;
  });
}
