import pino from "pino";
import type { LogLevel } from "./config";

export type Logger = pino.Logger;

/** Structured logs (JSON lines) to stderr, or to a file when one is given. */
export function createLogger(level: LogLevel, file?: string): Logger {
  return pino({ level }, pino.destination(file ? { dest: file, mkdir: true } : 2));
}

/** A logger that drops everything: for callers (and tests) that don't want logs. */
export const silentLogger: Logger = pino({ level: "silent" });
