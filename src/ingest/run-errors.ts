// What a failed run records: a short code anyone may read, and the detail (which may name the Peloton
// account, the server's files or its host) for the admin. The code comes from the error's class and
// what it wraps, never from its text.
import { PelotonAuthError } from "../auth/errors";
import { errorChain, isDatabaseUnavailable, isRefusedData } from "../db/errors";
import { MalformedResponseError, PelotonRequestError } from "../peloton/errors";
import { storable } from "./storable";

export const runErrorCodes = [
  "AUTH_FAILED",
  "RATE_LIMITED",
  "PELOTON_UNAVAILABLE",
  "PELOTON_ANSWER_UNREADABLE",
  "DATABASE_UNAVAILABLE",
  "DATABASE_REFUSED",
  "ABANDONED",
  "INTERNAL",
] as const;
export type RunErrorCode = (typeof runErrorCodes)[number];

/** What each code tells someone who may not see the detail: nothing about the account, the host or the code. */
export const runErrorSummary: Record<RunErrorCode, string> = {
  AUTH_FAILED: "Peloton refused the catalogue's login.",
  RATE_LIMITED: "Peloton asked the catalogue to slow down; a later run resumes.",
  PELOTON_UNAVAILABLE: "Peloton did not answer; a later run resumes.",
  PELOTON_ANSWER_UNREADABLE: "Peloton answered in a form the catalogue could not read.",
  DATABASE_UNAVAILABLE: "The database was unavailable; a later run resumes.",
  DATABASE_REFUSED: "The database refused what the run tried to store.",
  ABANDONED: "The process running it stopped before it finished.",
  INTERNAL: "The run failed on an unexpected error.",
};

/** A stored code as the API shows it: one it does not know (or a run from before codes) is INTERNAL. */
export const knownRunErrorCode = (code: string | null): RunErrorCode =>
  (runErrorCodes as readonly string[]).includes(code ?? "") ? (code as RunErrorCode) : "INTERNAL";

/** The code for why a run failed, from the error's class or the class of what it wraps. */
export function runErrorCode(error: unknown): RunErrorCode {
  if (isDatabaseUnavailable(error)) return "DATABASE_UNAVAILABLE";
  for (const current of errorChain(error)) {
    if (current instanceof PelotonAuthError) return "AUTH_FAILED";
    if (current instanceof PelotonRequestError) return current.status === 429 ? "RATE_LIMITED" : "PELOTON_UNAVAILABLE";
    if (current instanceof MalformedResponseError) return "PELOTON_ANSWER_UNREADABLE";
  }
  if (isRefusedData(error)) return "DATABASE_REFUSED";
  return "INTERNAL";
}

const MAX_DETAIL = 2_000;
// a stack frame: "    at fn (/path/file.ts:1:2)"
const stackFrame = /^at\s+\S/;
// Prisma's "Invalid `x.y()` invocation in\n/path/file.ts:81:5\n\n<code frame>\n<what went wrong>"
const prismaInvocation = /^\s*Invalid `([^`]+)` invocation/;

/**
 * The detail a failed run keeps: the error's message, one line, without a stack trace or Prisma's code
 * frame (which names our source files); cut to a length a reader takes in.
 */
export function runErrorDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const invocation = prismaInvocation.exec(lines[0] ?? "");
  const kept = invocation ? [`${invocation[1]} failed: ${lines.at(-1)}`] : lines.filter((line) => !stackFrame.test(line));
  return storable().text(kept.join(" ") || (error instanceof Error ? error.name : "unknown error"), "error", MAX_DETAIL);
}

/** What a run that failed on `error` records. */
export const runFailure = (error: unknown) => ({ errorCode: runErrorCode(error), error: runErrorDetail(error) });
