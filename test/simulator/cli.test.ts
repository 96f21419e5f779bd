import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { parseOptions } from "../../src/cli/simulator";

const root = path.join(__dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

function runCli(args: string[]): ChildProcess & { output: () => string; errors: () => string; exited: Promise<number | null> } {
  const child = spawn(tsx, ["src/cli/simulator.ts", ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let [stdout, stderr] = ["", ""];
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return Object.assign(child, { output: () => stdout, errors: () => stderr, exited });
}

describe("option parsing", () => {
  it("reads every option", () => {
    expect(
      parseOptions([
        "--port",
        "4100",
        "--classes",
        "500",
        "--seed",
        "3",
        "--legacy-login",
        "--disciplines",
        "cycling, yoga",
        "--token-ttl",
        "60",
        "--latency",
        "5",
      ]),
    ).toMatchObject({ port: 4100, classes: 500, seed: 3, legacyLogin: true, disciplines: ["cycling", "yoga"], accessTokenTtlSeconds: 60, latencyMs: 5 });
    expect(parseOptions([])).toMatchObject({ port: undefined, classes: undefined, legacyLogin: false });
    expect(parseOptions(["--help"])).toBe("help");
  });

  it("names what is wrong", () => {
    expect(() => parseOptions(["--classes", "many"])).toThrow('--classes must be a whole number of at least 1, got "many"');
    expect(() => parseOptions(["--port", "70000"])).toThrow("--port must be at most 65535, got 70000");
    expect(() => parseOptions(["--colour"])).toThrow(/Unknown option '--colour'/);
  });
});

describe("npm run simulator", () => {
  it("prints its URL, the demo login and the env lines, serves, and stops on SIGTERM", async () => {
    const cli = runCli(["--port", "0", "--classes", "20", "--seed", "4"]);
    try {
      const deadline = Date.now() + 15_000;
      while (!cli.output().includes("Ctrl-C") && Date.now() < deadline && cli.exitCode === null) await new Promise((r) => setTimeout(r, 25));
      const url = /^PELOTON_API_URL=(\S+)$/m.exec(cli.output())?.[1];
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(cli.output()).toContain(`PELOTON_AUTH_URL=${url}`);
      expect(cli.output()).toContain("PELOTON_USERNAME=demo@example.com");
      expect(cli.output()).toContain("PELOTON_PASSWORD=peloton-demo");
      expect(cli.output()).toContain("20 classes");
      const me = await fetch(`${url}/api/me`);
      expect(me.status).toBe(401);
    } finally {
      cli.kill("SIGTERM");
    }
    expect(await cli.exited).toBe(0);
  });

  it("exits 2 with a message on a bad option", async () => {
    const cli = runCli(["--classes", "lots"]);
    expect(await cli.exited).toBe(2);
    expect(cli.errors()).toContain('--classes must be a whole number of at least 1, got "lots"');
    expect(cli.errors()).toContain("--help");
  });
});
