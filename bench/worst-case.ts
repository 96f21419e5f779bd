// npx tsx bench/worst-case.ts: the most expensive operations the query limits allow
// (reliability/worst-case-operations.ts), each sent alone through the API over what bench:seed left,
// with the time it took and the SQL statements it ran. On PostgreSQL nearly all of a lone request's
// time is the database's; nothing here fails on a number.

import { costliestArguments, type WorstCaseOperation, worstCaseOperations } from "../reliability/worst-case-operations";
import { parseOptions, readCommandLine, wholeNumber } from "../src/cli/args";
import { openDatabases } from "../src/db";
import { schema } from "../src/schema";
import { createApi } from "../src/server";
import { type Backend, benchDatabaseConfig, defaultTargetOptions, parseBackend } from "./databases";

const usage = `npx tsx bench/worst-case.ts [options]
Runs every generated worst-case operation once, then the slowest again, and prints the slowest.

  --backend B       postgres (default) or embedded
  --search TERM     the search term the operations use (default: the 2-letter term matching the most songs)
  --top N           how many of the slowest to print (default 25)
  --repeat N        runs of each of the slowest, the median kept (default 3)
  --match TEXT      only the operations whose name contains TEXT
`;

interface Options {
  backend: Backend;
  search?: string;
  top: number;
  repeat: number;
  match?: string;
}

function parseCommandLine(): Options | undefined {
  return readCommandLine(usage, () => {
    const values = parseOptions(process.argv.slice(2), {
      backend: { type: "string", default: "postgres" },
      search: { type: "string" },
      top: { type: "string", default: "25" },
      repeat: { type: "string", default: "3" },
      match: { type: "string" },
      help: { type: "boolean" },
    });
    if (values.help) return "help";
    return {
      backend: parseBackend(values.backend),
      search: values.search,
      top: wholeNumber("top", values.top, 1),
      repeat: wholeNumber("repeat", values.repeat, 1),
      match: values.match,
    };
  });
}

interface Run {
  operation: WorstCaseOperation;
  refused: boolean;
  errors: string[];
  ms: number;
  statements: number;
}

async function main() {
  const options = parseCommandLine();
  if (!options) return;
  let statements = 0;
  const databases = await openDatabases(benchDatabaseConfig(options.backend, defaultTargetOptions), { onQuery: () => void statements++ });
  try {
    const costliest = await costliestArguments(databases);
    const search = options.search ?? costliest.searchTerm;
    const operations = worstCaseOperations(schema, { ...costliest, searchTerm: search }).filter((op) => !options.match || op.name.includes(options.match));
    process.stdout.write(`${operations.length} operations on ${options.backend}, search "${search}"\n`);

    const api = createApi(databases, { production: true, requestTimeoutMs: 60_000 });
    const send = async (operation: WorstCaseOperation): Promise<Run> => {
      statements = 0;
      const started = performance.now();
      const response = await api.fetch("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
        body: JSON.stringify({ query: operation.query }),
      });
      const body = (await response.json()) as { errors?: { message: string }[] };
      const ms = performance.now() - started;
      return { operation, refused: response.status === 400, errors: (body.errors ?? []).map((e) => e.message), ms, statements };
    };

    const runs: Run[] = [];
    for (const operation of operations) {
      const run = await send(operation);
      runs.push(run);
      if (run.ms > 250) process.stderr.write(`over 250 ms: ${run.ms.toFixed(0)} ms, ${run.statements} statements, ${operation.name}\n`);
    }
    runs.sort((a, b) => b.ms - a.ms);
    const slowest = runs.slice(0, options.top);
    for (const [i, first] of slowest.entries()) {
      const times = [first.ms];
      for (let r = 1; r < options.repeat; r++) times.push((await send(first.operation)).ms);
      times.sort((a, b) => a - b);
      slowest[i] = { ...first, ms: times[Math.floor(times.length / 2)]! };
    }
    slowest.sort((a, b) => b.ms - a.ms);

    const accepted = runs.filter((r) => !r.refused);
    const failed = accepted.filter((r) => r.errors.length > 0);
    process.stdout.write(`accepted ${accepted.length}, refused ${runs.length - accepted.length}, answered with errors ${failed.length}\n`);
    for (const r of failed.slice(0, 5)) process.stdout.write(`  error: ${r.operation.name}: ${r.errors[0]}\n`);
    process.stdout.write(`most statements: ${Math.max(...accepted.map((r) => r.statements))}\n\n`);
    process.stdout.write(`${"ms".padStart(8)} ${"stmts".padStart(6)} ${"cost".padStart(6)}  operation\n`);
    for (const r of slowest) {
      process.stdout.write(
        `${r.ms.toFixed(1).padStart(8)} ${String(r.statements).padStart(6)} ${String(r.operation.complexity).padStart(6)}  ${r.refused ? "(refused) " : ""}${r.operation.name}\n`,
      );
    }
  } finally {
    await databases.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exitCode = 1;
});
