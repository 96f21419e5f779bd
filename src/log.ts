import { chmodSync, statSync } from "node:fs";
import pino from "pino";
import { type LogLevel, redactSecrets } from "./config";

export type Logger = pino.Logger;

/** The longest string a log line keeps whole; a longer one keeps its start and end (a stack's frames). */
export const maxLoggedString = 2_000;
// entries of one array or object, levels of nesting, and characters of text in all of one line
const MAX_ENTRIES = 50;
const MAX_DEPTH = 8;
const MAX_LINE_TEXT = 16_000;

/**
 * Structured logs (JSON lines) to stderr, or to a file (readable by its owner only) or a stream when
 * one is given; on a terminal, stderr gets them as lines for a person (humanLine). Whatever a client
 * sends, a line stays small: long strings are cut, long lists and deep objects shortened; and no
 * database URL's password is written.
 */
export function createLogger(level: LogLevel, to?: string | pino.DestinationStream): Logger {
  if (typeof to === "string") ownerOnly(to);
  const destination = typeof to === "string" ? pino.destination({ dest: to, mkdir: true, mode: 0o600 }) : (to ?? stderr());
  return pino(
    {
      level,
      formatters: { log: (object) => bounded(object, budget()) as Record<string, unknown> },
      // errors are serialized (and cut) by the formatter above, wherever they are in the object
      serializers: { err: (err: unknown) => err, msg: (message: unknown) => (typeof message === "string" ? boundedString(message, budget()) : message) },
    },
    destination,
  );
}

/** stderr: JSON lines, or readable ones on a terminal, where a write is synchronous (so a last line before exit is not lost). */
function stderr(): pino.DestinationStream {
  return process.stderr.isTTY ? { write: (line: string) => void process.stderr.write(humanLine(line)) } : pino.destination(2);
}

/**
 * A JSON log line as a person reads it: `warning: class details failed (class=abc, reason="404")`.
 * An error shows its message (the JSON log keeps its stack); the line starts by clearing a progress
 * bar's, which redraws below it.
 */
export function humanLine(json: string): string {
  const { level, msg, err, time, pid, hostname, ...fields } = JSON.parse(json) as Record<string, unknown>;
  const label = levelLabels[pino.levels.labels[level as number] ?? ""] ?? "";
  const message = typeof msg === "string" ? msg : "";
  const error = (err as { message?: unknown } | undefined)?.message;
  // "Peloton refused the refresh token" with an error that says so and why: the error's words alone
  const text = typeof error !== "string" ? message : !message || error.startsWith(message) ? error : `${message}: ${error}`;
  const details = Object.entries(fields).map(
    ([key, value]) => `${key}=${typeof value === "string" && !/[\s",=()]/.test(value) ? value : JSON.stringify(value)}`,
  );
  return `\r\x1b[K${label}${text}${details.length ? ` (${details.join(", ")})` : ""}\n`;
}

const levelLabels: Record<string, string> = { trace: "trace: ", debug: "debug: ", info: "", warn: "warning: ", error: "error: ", fatal: "fatal: " };

/** A log file written before its mode was set (or by a hand) is made readable by its owner only; a device such as /dev/null is left alone. */
function ownerOnly(file: string) {
  try {
    if (statSync(file).isFile()) chmodSync(file, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/** A log line's allowance of text: what is left of it, shared by every string of the line. */
const budget = () => ({ left: MAX_LINE_TEXT });
type Budget = ReturnType<typeof budget>;

function boundedString(text: string, allowance: Budget): string {
  // redacted whole, before it is cut: a cut could leave part of a password without the @ that marks it
  const clean = redactSecrets(text);
  const max = Math.max(0, Math.min(maxLoggedString, allowance.left));
  allowance.left -= Math.min(clean.length, max);
  if (clean.length <= max) return clean;
  const head = Math.ceil((max * 5) / 8);
  const tail = max - head;
  return `${clean.slice(0, head)}…(${clean.length - max} more characters)…${tail > 0 ? clean.slice(-tail) : ""}`;
}

/** A stack cut as its message and its frames apart, so that a long message leaves where it was thrown in the line. */
function boundedStack(stack: string, allowance: Budget): string {
  const frames = stack.search(/\n\s+at /);
  return frames < 0 ? boundedString(stack, allowance) : boundedString(stack.slice(0, frames), allowance) + boundedString(stack.slice(frames), allowance);
}

/** A copy of a logged value within the line's limits: errors serialized, strings cut and redacted, long lists and deep objects shortened. */
function bounded(value: unknown, allowance: Budget, depth = 0): unknown {
  if (typeof value === "string") return boundedString(value, allowance);
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Error) {
    const { stack, ...rest } = pino.stdSerializers.err(value) as { stack?: unknown };
    const error = bounded(rest, allowance, depth);
    return typeof stack === "string" && error !== null && typeof error === "object" ? { ...error, stack: boundedStack(stack, allowance) } : error;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") {
    const json = (value as { toJSON(): unknown }).toJSON();
    if (json !== value) return bounded(json, allowance, depth);
  }
  if (depth >= MAX_DEPTH || allowance.left <= 0) return "…(left out)";
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_ENTRIES).map((item) => bounded(item, allowance, depth + 1));
    return value.length > MAX_ENTRIES ? [...kept, `…(${value.length - MAX_ENTRIES} more items)`] : kept;
  }
  const keys = Object.keys(value);
  const kept = keys.slice(0, MAX_ENTRIES).map((key) => [boundedString(key, allowance), bounded((value as Record<string, unknown>)[key], allowance, depth + 1)]);
  return Object.fromEntries(keys.length > MAX_ENTRIES ? [...kept, ["…", `${keys.length - MAX_ENTRIES} more keys`]] : kept);
}

/** A logger that drops everything: for callers (and tests) that don't want logs. */
export const silentLogger: Logger = pino({ level: "silent" });
