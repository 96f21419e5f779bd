import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { cliEnv } from "../../harness/commands";
import { projectRoot, startProcess } from "../../harness/processes";
import { type Simulator, startSimulator } from "../../src/simulator";
import { buildDist, startNpm } from "./npm-run";

beforeAll(buildDist, 120_000);

let dataDir: string;
const sims: Simulator[] = [];
beforeEach(async () => (dataDir = await mkdtemp(path.join(os.tmpdir(), "pmc-terminal-"))));
afterEach(async () => {
  await Promise.all(sims.splice(0).map((sim) => sim.close()));
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Another simulated Peloton, which knows nothing of the sessions the others gave out. */
async function anotherPeloton(): Promise<Record<string, string>> {
  const sim = await startSimulator({ classes: 3, disciplines: ["cycling"], seed: sims.length + 1 });
  sims.push(sim);
  return { ...cliEnv(sim, { kind: "embedded", dataDir }, dataDir), LOG_LEVEL: "info" };
}

/** `npm run <script>` in a pseudo-terminal (util-linux script): what a person at a terminal sees, less the control sequences. */
async function inTerminal(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string; screen: string }> {
  const terminal = startProcess("script", ["-qec", `npm run ${script}`, "/dev/null"], { env, cwd: projectRoot });
  const { code } = await terminal.exited;
  return { code, output: terminal.stdout(), screen: stripVTControlCharacters(terminal.stdout()).replace(/\r/g, "") };
}

describe("on a terminal", () => {
  it("a saved session from another Peloton is one readable warning, not JSON with a stack, and the progress bar keeps its place; without a terminal, JSON lines", async () => {
    expect(await startNpm("sync", [], await anotherPeloton()).exited).toEqual({ code: 0, signal: null }); // saves a session

    const { code, output, screen } = await inTerminal("sync", await anotherPeloton());
    expect(code).toBe(0);
    expect(screen).toMatch(/^warning: Peloton refused the refresh token: Unknown or invalid refresh token\.$/m);
    expect(screen).toMatch(/^logging in to Peloton \(mode=oauth, username=demo@example\.com, reason="Peloton refused the saved refresh token"\)$/m);
    expect(screen).toMatch(/^Sync run #2 SUCCEEDED in [\d.]+s: 3 classes seen/m);
    expect(screen).not.toContain('"level"');
    expect(screen).not.toMatch(/^\s+at /m);
    // the progress bar never restores a saved cursor: that jumps back above the log lines written below it
    expect(output).toMatch(/sync cycling \[=+\] 1\/1 pages/);
    expect(output).not.toContain("\x1b8");

    const piped = startNpm("sync", [], await anotherPeloton());
    expect(await piped.exited).toEqual({ code: 0, signal: null });
    const lines = piped
      .stderr()
      .split("\n")
      .filter((line) => line.startsWith("{"));
    expect(lines.map((line) => JSON.parse(line))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 40, msg: "Peloton refused the refresh token", err: expect.objectContaining({ type: "RefreshTokenRefusedError" }) }),
      ]),
    );
  }, 180_000);
});
