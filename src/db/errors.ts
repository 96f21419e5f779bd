// What a failed query says about the database, read from Prisma's errors and what they wrap (the pg
// adapter's DriverAdapterError, pg's own errors), so that the API can tell its clients what happened.

// Prisma's codes for a server it cannot reach and a connection it lost
const unreachableCodes = new Set(["P1001", "P1002", "P1008", "P1017"]);
// what the pg adapter makes of socket errors (see @prisma/adapter-pg's convertDriverError)
const unreachableKinds = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// SQLSTATE: class 08 (connection exception), 57P01-57P03 (shutting down, crashed, starting up), 53300 (too many connections)
const unreachableStates = /^(08...|57P0[123]|53300)$/;
// what pg and its pool throw themselves, with no code
const unreachableMessages =
  /^(Connection terminated( unexpectedly| due to connection timeout)?|Client has encountered a connection error and is not queryable)$/;
const socketCodes = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH"]);

interface ErrorFields {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  kind?: unknown;
  meta?: { driverAdapterError?: { cause?: unknown }; code?: unknown };
  cause?: unknown;
  originalError?: unknown;
}

/** The error and those it wraps (GraphQL's originalError, Prisma's driver adapter error, causes), outermost first. */
export function* errorChain(error: unknown): Generator<ErrorFields> {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length > 0 && seen.size < 10) {
    const current = pending.shift();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const fields = current as ErrorFields;
    yield fields;
    pending.push(fields.originalError, fields.meta?.driverAdapterError?.cause, fields.cause);
  }
}

// a raw query's failure carries the SQLSTATE in meta.code (Prisma's P2010)
const sqlStates = (error: unknown) =>
  [...errorChain(error)].flatMap(({ code, meta }) =>
    [code, meta?.code].filter((state): state is string => typeof state === "string" && /^[0-9A-Z]{5}$/.test(state)),
  );

/**
 * Whether PostgreSQL could not be reached or dropped the connection: a failure of the moment, which
 * the same query may well not meet a second later.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return [...errorChain(error)].some(
    ({ code, kind, message }) =>
      (typeof code === "string" && (unreachableCodes.has(code) || socketCodes.has(code) || unreachableStates.test(code))) ||
      (typeof kind === "string" && unreachableKinds.has(kind)) ||
      (typeof message === "string" && unreachableMessages.test(message)),
  );
}

/**
 * Whether the query waited too long for one of the pool's connections, all busy with other queries:
 * the server is busy, the database itself may be fine (pg's pool, or Prisma's P2024).
 */
export const isPoolExhausted = (error: unknown) =>
  [...errorChain(error)].some(({ code, message }) => code === "P2024" || message === "timeout exceeded when trying to connect");

/** Whether the database refused the role a privilege (SQLSTATE 42501: creating tables in a schema, reading a table). */
export const isPermissionDenied = (error: unknown) => sqlStates(error).includes("42501");

/** Whether the database refused text with a NUL character (U+0000), which PostgreSQL cannot store. */
export const isNulInText = (error: unknown) => sqlStates(error).includes("22021");

/**
 * Whether the database, or Prisma before it, refused a value it was given as such: of the wrong
 * type (Prisma's validation), or out of range (SQLSTATE class 22, data exception).
 */
export const isRefusedValue = (error: unknown) =>
  [...errorChain(error)].some(({ name }) => name === "PrismaClientValidationError") || sqlStates(error).some((state) => state.startsWith("22"));

// Prisma's codes for a value too long, a missing reference, a null where none may be, a number out of range
const refusedDataCodes = new Set(["P2000", "P2003", "P2011", "P2020"]);

/**
 * Whether the database refused the data it was given: a value it cannot hold (class 22), a constraint
 * (class 23), a limit such as an index row too big (class 54). What a record's own data can cause.
 */
export const isRefusedData = (error: unknown) =>
  isRefusedValue(error) ||
  [...errorChain(error)].some(({ code }) => typeof code === "string" && refusedDataCodes.has(code)) ||
  sqlStates(error).some((state) => /^(23|54)/.test(state));

// Prisma's codes for a write conflict or deadlock, and for a transaction that could not start or ran out of time
const transientCodes = new Set(["P2034", "P2028"]);

/** Whether a transaction failed for the moment (a deadlock, a serialization failure, a lock it could not get). */
export const isTransient = (error: unknown) =>
  [...errorChain(error)].some(({ code }) => typeof code === "string" && transientCodes.has(code)) ||
  sqlStates(error).some((state) => ["40001", "40P01", "55P03"].includes(state));
