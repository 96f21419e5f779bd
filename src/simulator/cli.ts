import { parseArgs } from "node:util";
import { DEFAULT_DISCIPLINES, startSimulator } from "./index";
import type { SimulatorOptions } from "./types";

const usage = `Usage: npm run simulator -- [options]

Starts a simulated Peloton API and Auth0 login host on loopback, for the demo and for manual testing.

Options:
  --port N              port to listen on (default 0: any free port)
  --host HOST           address to bind (default 127.0.0.1)
  --seed N              catalogue seed; the same seed and sizes give the same catalogue (default 1)
  --classes N           number of classes (default 500)
  --instructors N       number of instructors (default 30)
  --songs N             size of the shared song pool (default max(50, classes * 2))
  --disciplines LIST    comma-separated browse categories (default ${DEFAULT_DISCIPLINES.join(",")})
  --username EMAIL      demo account username (default demo@example.com)
  --password TEXT       demo account password (default peloton-demo)
  --token-ttl SECONDS   access token lifetime (default 172800, as Peloton's)
  --latency MS          delay added to every response (default 0)
  --legacy-login        let POST /auth/login work (by default it answers 403, as Peloton's has since 2025-10-29)
  -h, --help            show this help
`;

class UsageError extends Error {}

function wholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  return Number(value);
}

export function parseOptions(argv: string[]): SimulatorOptions | "help" {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        seed: { type: "string" },
        classes: { type: "string" },
        instructors: { type: "string" },
        songs: { type: "string" },
        disciplines: { type: "string" },
        username: { type: "string" },
        password: { type: "string" },
        "token-ttl": { type: "string" },
        latency: { type: "string" },
        "legacy-login": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return "help";
  const port = wholeNumber("port", values.port);
  if (port !== undefined && (port < 0 || port > 65535)) throw new UsageError(`--port must be between 0 and 65535, got ${port}`);
  return {
    port,
    host: values.host,
    seed: wholeNumber("seed", values.seed),
    classes: wholeNumber("classes", values.classes),
    instructors: wholeNumber("instructors", values.instructors),
    songs: wholeNumber("songs", values.songs),
    disciplines: values.disciplines?.split(",").map((slug) => slug.trim()).filter(Boolean),
    username: values.username,
    password: values.password,
    accessTokenTtlSeconds: wholeNumber("token-ttl", values["token-ttl"]),
    latencyMs: wholeNumber("latency", values.latency),
    legacyLogin: values["legacy-login"] ?? false,
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options === "help") {
    process.stdout.write(usage);
    return;
  }
  const simulator = await startSimulator(options);
  const { catalogue } = simulator;
  process.stdout.write(
    [
      `Peloton simulator listening on ${simulator.url} (API and Auth0 host)`,
      `  ${catalogue.classes.length} classes in ${catalogue.disciplines.join(", ")}; ${catalogue.instructors.length} instructors, ${catalogue.songCount} songs, ${catalogue.artistCount} artists`,
      `  demo login: ${simulator.credentials.username} / ${simulator.credentials.password}${simulator.legacyLogin ? " (legacy /auth/login enabled)" : ""}`,
      "",
      "Point the app at it with:",
      `PELOTON_API_URL=${simulator.apiUrl}`,
      `PELOTON_AUTH_URL=${simulator.authUrl}`,
      `PELOTON_USERNAME=${simulator.credentials.username}`,
      `PELOTON_PASSWORD=${simulator.credentials.password}`,
      "",
      "Ctrl-C stops it.",
      "",
    ].join("\n"),
  );
  const stop = () => {
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException)?.code === "EADDRINUSE") {
      process.stderr.write(`${(error as Error).message}: that port is taken; pick another with --port (0 picks a free one).\n`);
      process.exitCode = 1;
      return;
    }
    const expected = error instanceof UsageError || (error instanceof Error && error.message.startsWith("simulator option"));
    process.stderr.write(expected ? `${(error as Error).message}\nRun with --help to see the options.\n` : `${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = expected ? 2 : 1;
  });
}
