// What the API's clients are told when an operation fails: a code that says whose fault it is, an
// HTTP status to match, and never a stack trace.
import { PothosValidationError } from "@pothos/core";
import { type ExecutionResult, GraphQLError } from "graphql";
import { type Plugin, type YogaLogger, maskError as yogaMaskError } from "graphql-yoga";
import { isDatabaseUnavailable, isNulInText, isPoolExhausted, isRefusedValue } from "./db/errors";
import type { Logger } from "./log";

/** Where in the operation the error arose, for the error that replaces it. */
const locationOf = (error: unknown) => (error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {});

const badInput = (message: string, error: unknown) => new GraphQLError(message, { ...locationOf(error), extensions: { code: "BAD_USER_INPUT" } });

/**
 * Yoga's maskError for the errors that are not the API's own: a database that cannot be reached (or
 * that dropped the connection) is DATABASE_UNAVAILABLE, HTTP 503, worth retrying; a query that found
 * no free connection in the pool (other requests hold them all) is SERVER_BUSY, 503 too; input refused by
 * Pothos or by the database (a cursor that is not ours, text with a NUL) is BAD_USER_INPUT; anything
 * else is "Unexpected error.", with no detail even under NODE_ENV=development. Yoga logs the original
 * of every error this replaces.
 */
export function maskError(error: unknown, message: string): Error {
  if (isPoolExhausted(error)) {
    return new GraphQLError("The server is busy with other requests at the moment; try again shortly.", {
      ...locationOf(error),
      extensions: { code: "SERVER_BUSY", http: { status: 503, headers: { "retry-after": "2" } } },
    });
  }
  if (isDatabaseUnavailable(error)) {
    return new GraphQLError("The database is unavailable at the moment; try again shortly.", {
      ...locationOf(error),
      extensions: { code: "DATABASE_UNAVAILABLE", http: { status: 503, headers: { "retry-after": "1" } } },
    });
  }
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (original instanceof PothosValidationError) return badInput(original.message, error);
  if (isNulInText(error)) return badInput("Text may not contain the NUL character (U+0000).", error);
  if (isRefusedValue(error) && givenCursor(error)) return badInput("Invalid cursor: it is not one this API gave out.", error);
  return yogaMaskError(error, message, false);
}

// the field that failed was given a cursor: whatever its value made Prisma or PostgreSQL refuse came from the client
const givenCursor = (error: unknown) =>
  error instanceof GraphQLError &&
  (error.nodes ?? []).some((node) => node.kind === "Field" && node.arguments?.some((arg) => arg.name.value === "after" || arg.name.value === "before"));

const refusal = (message: string, code: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/**
 * Gives refusals of the client's request a 4xx status where Yoga would answer 200 or 500: variables
 * that are not JSON in a GET's query string, a document nested too deeply for the parser, and an
 * operation refused as a whole for its input (no data at all, every error BAD_USER_INPUT) — a
 * 400 under application/graphql-response+json, like a validation error. When part of the operation
 * was answered, the status stays 200, as GraphQL over HTTP requires.
 */
export function useClientErrorStatus(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          // Yoga JSON.parses `variables` and `extensions` from a query string or form as they come
          if (error instanceof SyntaxError) throw refusal(`The request's variables or extensions are not valid JSON: ${error.message}`, "BAD_REQUEST");
          throw error;
        }
      });
    },
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parseFn(source, options);
        } catch (error) {
          // the parser recurses into nested lists and objects: thousands of `[` overflow its stack before the token limit
          if (error instanceof RangeError) throw refusal("Syntax Error: the document is nested too deeply.", "GRAPHQL_PARSE_FAILED");
          throw error;
        }
      });
    },
    onResultProcess({ result }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      const { data, errors } = result as ExecutionResult;
      if (data != null || !errors?.length || !errors.every((error) => error.extensions?.code === "BAD_USER_INPUT")) return;
      for (const error of errors) Object.assign(error.extensions, { http: { spec: true, status: 400, ...(error.extensions.http as object) } });
    },
  };
}

/** What the server's own logs keep of a failure: the client's mistakes, and the moments a database was away, without a stack. */
const levelOf = (code: unknown): "debug" | "warn" | "error" =>
  code === "BAD_USER_INPUT" ? "debug" : code === "DATABASE_UNAVAILABLE" || code === "SERVER_BUSY" ? "warn" : "error";

/**
 * Yoga's logger over ours. Yoga logs the original of every error maskError replaced, at error level:
 * here a client's mistake (a cursor that is not ours, a value refused) is logged at debug with the
 * message the client got, a database away or a busy server at warn, and only what nobody expected at
 * error, with its stack.
 */
export function yogaLogger(logger: Logger): YogaLogger {
  const text = (args: unknown[]) => args.map(String).join(" ");
  return {
    debug: (...args) => logger.debug(text(args)),
    info: (...args) => logger.info(text(args)),
    warn: (...args) => logger.warn(text(args)),
    error: (...args) => {
      for (const arg of args) {
        if (!(arg instanceof Error)) {
          logger.error(String(arg));
          continue;
        }
        const told = maskError(arg, "Unexpected error.");
        const code = told instanceof GraphQLError ? told.extensions.code : undefined;
        const level = levelOf(code);
        if (level === "error") logger.error({ err: arg }, "unexpected error answering a request");
        else logger[level]({ code, message: told.message }, "request failed");
      }
    },
  };
}

const suggestion = / ?Did you mean [^?]*\?/g;

/**
 * In production, no error names a field, argument or value the client did not ask for ("Did you
 * mean ...?"), whether the document's validation (graphql-armor covers that), a variable's value or
 * anything else produced it.
 */
export const withoutSuggestions: Plugin = {
  onResultProcess({ result }) {
    const results = Array.isArray(result) ? result : Symbol.asyncIterator in result ? [] : [result];
    for (const { errors } of results as ExecutionResult[]) {
      for (const error of errors ?? []) error.message = error.message.replace(suggestion, "");
    }
  },
};
