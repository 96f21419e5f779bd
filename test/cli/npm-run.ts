import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readdir, rm, stat, utimes } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { projectRoot, type StartedProcess, startProcess } from "../../harness/processes";

const groups = new Set<number>();
afterEach(() => {
  for (const pid of groups) process.kill(-pid, "SIGKILL");
  groups.clear();
});

/**
 * `npm run <script> -- <args>` in the project, as a shell starts it: in a process group of its own, so
 * that ctrlC() signals npm and all it started, as a terminal's Ctrl-C does. `exited` waits for all of
 * them to close their output.
 */
export function startNpm(script: string, args: string[], env: Record<string, string>): StartedProcess {
  const proc = startProcess("npm", ["run", script, "--", ...args], { env, cwd: projectRoot, detached: true });
  const pid = proc.child.pid!;
  groups.add(pid);
  void proc.exited.then(() => groups.delete(pid));
  return proc;
}

/** SIGINT to the process group, as a terminal sends it on Ctrl-C. */
export const ctrlC = (proc: StartedProcess) => process.kill(-proc.child.pid!, "SIGINT");

const lock = path.join(os.tmpdir(), `pmc-build-${createHash("sha256").update(projectRoot).digest("hex").slice(0, 12)}.lock`);
const buildInfo = path.join(projectRoot, "dist", ".tsbuildinfo");

/** Runs `npm run build` when a source file is newer than dist/, one jest worker at a time: the npm scripts run dist/. */
export async function buildDist(): Promise<void> {
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // a lock left by a worker that was killed mid-build
      if (Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs > 120_000) await rm(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    const built = await stat(buildInfo).then(
      (stats) => stats.mtimeMs,
      () => 0,
    );
    const sources = [path.join(projectRoot, "tsconfig.json"), path.join(projectRoot, "tsconfig.build.json"), ...(await files(path.join(projectRoot, "src")))];
    const newest = Math.max(...(await Promise.all(sources.map(async (file) => (await stat(file)).mtimeMs))));
    if (newest <= built) return;
    try {
      execFileSync("npm", ["run", "build", "--silent"], { cwd: projectRoot, stdio: "pipe" });
    } catch (error) {
      throw new Error(`npm run build failed:\n${(error as { stdout?: Buffer }).stdout ?? ""}${(error as { stderr?: Buffer }).stderr ?? ""}`);
    }
    await utimes(buildInfo, new Date(), new Date()); // tsc leaves it alone when nothing changed
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}
