import { type ChildProcess, spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { pathToFileURL } from "node:url";

export const projectRoot = path.resolve(__dirname, "..");
const tsx = pathToFileURL(require.resolve("tsx")).href;

/** Node's arguments that run a TypeScript file of the project (tsx as a loader: no wrapper process, so the pid and the signals are the script's own). */
export const scriptArgs = (script: string, args: string[] = []) => ["--import", tsx, path.resolve(projectRoot, script), ...args];

export interface StartedProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`; answers how it ended */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StartOptions {
  /** added to this process's environment less the catalogue's settings */
  env?: Record<string, string>;
  /** where it runs: by default a temporary directory, where no developer's ./.env is */
  cwd?: string;
  /** piped to talk to it line by line; by default it reads an empty input */
  stdin?: "ignore" | "pipe";
  uid?: number;
  gid?: number;
  /** in a process group of its own, as a shell starts a command: kill(-pid) then signals all it started */
  detached?: boolean;
}

// Children still running when this process exits (a benchmark that failed, a jest worker that ends) are killed with it.
const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Starts `program <args>` with this process's environment less its catalogue settings, plus `env`, keeping what it prints. */
export function startProcess(
  program: string,
  args: string[],
  { env = {}, cwd = os.tmpdir(), stdin = "ignore", uid, gid, detached }: StartOptions = {},
): StartedProcess {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(PELOTON_|WORKOUTS_DATABASE_URL|DETAILED_DATABASE_URL|DATA_DIR|BACKUP_DIR|LOG_|DB_|PORT$|HOST$)/.test(name),
    ),
  );
  const child = spawn(program, args, { cwd, env: { ...inherited, ...env }, stdio: [stdin, "pipe", "pipe"], uid, gid, detached });
  running.add(child);
  let [stdout, stderr] = ["", ""];
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Starts `node <args>`: see startProcess. */
export const startNode = (args: string[], options: StartOptions = {}) => startProcess(process.execPath, args, options);

/** Starts a TypeScript file of the project (e.g. "bench/raw-server.ts") in a Node process of its own. */
export const startScript = (script: string, args: string[] = [], options: StartOptions = {}) => startNode(scriptArgs(script, args), options);

/** Polls `condition` until it holds, failing with `what` after `timeoutMs`. */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const hasEnded = ({ child }: StartedProcess) => child.exitCode !== null || child.signalCode !== null;

/**
 * Waits until what the process printed matches `pattern` (a URL, a banner) and answers the match's first
 * group (or the whole match). If it ends first, or `timeoutMs` passes, it is killed and this fails with
 * what it printed on stderr.
 */
export async function waitForOutput(proc: StartedProcess, pattern: RegExp, what: string, timeoutMs = 30_000): Promise<string> {
  try {
    await waitFor(what, () => pattern.test(proc.stdout()) || hasEnded(proc), timeoutMs);
    const match = pattern.exec(proc.stdout());
    if (!match) throw new Error(`it ended (${proc.child.signalCode ?? `code ${proc.child.exitCode}`}) while waiting for ${what}`);
    return match[1] ?? match[0];
  } catch (error) {
    proc.child.kill("SIGKILL");
    throw new Error(`${(error as Error).message}:\n${proc.stderr()}`);
  }
}

export interface LineProcess extends StartedProcess {
  /** the next line it prints, or, once it has ended, "exited <code or signal>: <its stderr>" */
  next(): Promise<string>;
  /** writes `line` to its input and answers the next line it prints */
  ask(line: string): Promise<string>;
}

/** Starts a TypeScript file that is driven by lines on its input and answers with lines (a child that races for a lock, say). */
export function startLineProcess(script: string, args: string[] = []): LineProcess {
  const proc = startScript(script, args, { stdin: "pipe" });
  proc.child.stdin!.on("error", () => undefined); // a line written after it died: its end is reported by next()
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let ended: string | undefined;
  readline.createInterface({ input: proc.child.stdout! }).on("line", (line) => (waiting.length > 0 ? waiting.shift()!(line) : lines.push(line)));
  void proc.exited.then(({ code, signal }) => {
    ended = `exited ${code ?? signal}${proc.stderr() ? `: ${proc.stderr().trim()}` : ""}`;
    for (const deliver of waiting.splice(0)) deliver(ended);
  });
  const next = () =>
    lines.length > 0 ? Promise.resolve(lines.shift()!) : ended !== undefined ? Promise.resolve(ended) : new Promise<string>((resolve) => waiting.push(resolve));
  return {
    ...proc,
    next,
    ask(line) {
      proc.child.stdin!.write(`${line}\n`);
      return next();
    },
  };
}
