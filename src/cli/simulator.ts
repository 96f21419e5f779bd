// npm run simulator: the Peloton simulator (src/simulator, a library) served on loopback until Ctrl-C.
import { type Auth0Options, DEFAULT_DISCIPLINES, type SimulatorOptions, startSimulator } from "../simulator";
import { listOption, parseOptions as parseCommandLine, readCommandLine, UsageError, wholeNumber } from "./args";

const usage = `Usage: npm run simulator -- [options]

Starts a simulated Peloton API and Auth0 login host on loopback, for the demo and for manual testing.

Options:
  --port N              port to listen on (default 0: any free port)
  --host HOST           address to bind (default 127.0.0.1)
  --seed N              catalogue seed; the same seed and sizes give the same catalogue (default 1)
  --classes N           number of classes (default 500)
  --instructors N       number of instructors (default 30)
  --songs N             size of the shared song pool (default max(50, classes * 2))
  --disciplines LIST    comma-separated fitness disciplines (default ${DEFAULT_DISCIPLINES.join(",")}); each is its own
                        browse category unless --category is given
  --category SLUG=LIST  a browse category listing the classes of these disciplines; repeatable, categories may
                        overlap (--category bootcamp=bike_bootcamp,tread_bootcamp --category bike_bootcamp=bike_bootcamp)
  --drift               vary the optional fields of class lists and details across the forms real captures show
                        (absent, null, [] or null, unknown keys...), seeded by --seed; see src/simulator/README.md
  --username EMAIL      demo account username (default demo@example.com)
  --password TEXT       demo account password (default peloton-demo)
  --token-ttl SECONDS   access token lifetime (default 172800, as Peloton's)
  --latency MS          delay added to every response (default 0)
  --legacy-login        let POST /auth/login work (by default it answers 403, as Peloton's has since 2025-10-29)
  --auth0 KEY=VALUE     the Auth0 half, repeatable: clientId, audience, redirectUri (default Peloton's web app's),
                        authorize=redirect|form, csrf=config|input|cookie, login=form|redirect,
                        ssoHop=none|redirect|form, requireOrigin=true|false (src/simulator/README.md, Auth0 login)
  -h, --help            show this help
`;

export function parseOptions(argv: string[]): SimulatorOptions | "help" {
  const values = parseCommandLine(argv, {
    port: { type: "string" },
    host: { type: "string" },
    seed: { type: "string" },
    classes: { type: "string" },
    instructors: { type: "string" },
    songs: { type: "string" },
    disciplines: { type: "string", multiple: true },
    category: { type: "string", multiple: true },
    drift: { type: "boolean" },
    username: { type: "string" },
    password: { type: "string" },
    "token-ttl": { type: "string" },
    latency: { type: "string" },
    "legacy-login": { type: "boolean" },
    auth0: { type: "string", multiple: true },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return "help";
  const number = (name: keyof typeof values, min: number) => {
    const value = values[name];
    return typeof value === "string" ? wholeNumber(name, value, min) : undefined;
  };
  const port = number("port", 0);
  if (port !== undefined && port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
  return {
    port,
    host: values.host,
    seed: number("seed", 0),
    classes: number("classes", 1),
    instructors: number("instructors", 1),
    songs: number("songs", 1),
    disciplines: values.disciplines && listOption("disciplines", values.disciplines),
    categories: values.category && categoryOption(values.category),
    drift: values.drift ?? false,
    username: values.username,
    password: values.password,
    accessTokenTtlSeconds: number("token-ttl", 1),
    latencyMs: number("latency", 0),
    legacyLogin: values["legacy-login"] ?? false,
    auth0: values.auth0 && auth0Option(values.auth0),
  };
}

const auth0Keys = ["clientId", "audience", "redirectUri", "authorize", "csrf", "login", "ssoHop", "requireOrigin"];

// --auth0 ssoHop=form --auth0 csrf=cookie (the values are checked by startSimulator)
function auth0Option(values: string[]): Auth0Options {
  const options: Record<string, string | boolean> = {};
  for (const value of values) {
    const at = value.indexOf("=");
    const [key, setting] = [value.slice(0, at).trim(), value.slice(at + 1).trim()];
    if (at < 1 || !auth0Keys.includes(key)) throw new UsageError(`--auth0 must be KEY=VALUE with KEY one of ${auth0Keys.join(", ")}, got "${value}"`);
    if (key === "requireOrigin" && setting !== "true" && setting !== "false")
      throw new UsageError(`--auth0 requireOrigin must be true or false, got "${setting}"`);
    options[key] = key === "requireOrigin" ? setting === "true" : setting;
  }
  return options;
}

// --category bootcamp=bike_bootcamp,tread_bootcamp
function categoryOption(values: string[]): Record<string, string[]> {
  const categories: Record<string, string[]> = {};
  for (const value of values) {
    const at = value.indexOf("=");
    const slug = value.slice(0, at).trim();
    if (at < 1 || slug === "") throw new UsageError(`--category must be SLUG=DISCIPLINE[,DISCIPLINE...], got "${value}"`);
    if (slug in categories) throw new UsageError(`--category ${slug} is given twice`);
    categories[slug] = listOption("category", [value.slice(at + 1)]);
  }
  return categories;
}

async function main(options: SimulatorOptions): Promise<void> {
  const simulator = await startSimulator(options);
  const { catalogue } = simulator;
  process.stdout.write(
    [
      `Peloton simulator listening on ${simulator.url} (API and Auth0 host)`,
      `  ${catalogue.classes.length} classes in ${catalogue.disciplines.join(", ")} (browse categories: ${Object.keys(catalogue.categories).join(", ")}); ${catalogue.instructors.length} instructors, ${catalogue.songCount} songs, ${catalogue.artistCount} artists`,
      `  demo login: ${simulator.credentials.username} / ${simulator.credentials.password}${simulator.legacyLogin ? " (legacy /auth/login enabled)" : ""}`,
      ...(simulator.ssoUrl ? [`  the login hops through a second host at ${simulator.ssoUrl}`] : []),
      "",
      "Point the app at it with:",
      `PELOTON_API_URL=${simulator.apiUrl}`,
      `PELOTON_AUTH_URL=${simulator.authUrl}`,
      `PELOTON_AUTH0_CLIENT_ID=${simulator.auth0.clientId}`,
      `PELOTON_AUTH0_AUDIENCE=${simulator.auth0.audience}`,
      `PELOTON_AUTH0_REDIRECT_URI=${simulator.auth0.redirectUri}`,
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
  const options = readCommandLine(usage, () => parseOptions(process.argv.slice(2)));
  if (options) {
    main(options).catch((error: unknown) => {
      const badOption = error instanceof Error && error.message.startsWith("simulator option"); // e.g. --disciplines " "
      if ((error as NodeJS.ErrnoException)?.code === "EADDRINUSE") {
        process.stderr.write(`${(error as Error).message}: that port is taken; pick another with --port (0 picks a free one).\n`);
      } else {
        process.stderr.write(badOption ? `${(error as Error).message} (--help lists the options)\n` : `${(error as Error)?.stack ?? String(error)}\n`);
      }
      process.exitCode = badOption ? 2 : 1;
    });
  }
}
