import { isIPv6 } from "node:net";
import path from "node:path";
import { z } from "zod";
import { type Auth0Settings, pelotonWebApp } from "./auth/auth0-settings";

export type DatabaseConfig =
  | { kind: "embedded"; dataDir: string }
  /** dbVariables: set from the original scripts' DB_USER, DB_HOST, DB_PASSWORD, DB_PORT (and DB_*_NAME) rather than the two URLs */
  | { kind: "postgres"; workoutsUrl: string; detailedUrl: string; dbVariables?: true };

export const authModes = ["auto", "oauth", "token", "session"] as const;
export type AuthMode = (typeof authModes)[number];

export interface PelotonConfig {
  apiUrl: string;
  /** the Auth0 domain */
  authUrl: string;
  /** the Auth0 client we log in and refresh as; absent: Peloton's web app */
  auth0?: Auth0Settings;
  authMode: AuthMode;
  username?: string;
  password?: string;
  accessToken?: string;
  refreshToken?: string;
  /** minimum gap before a class details (or other single-item) request, and before a list page */
  requestDelayMs: number;
  pageDelayMs: number;
  /** up to this much random delay is added to every gap */
  jitterMs: number;
  timeoutMs: number;
  maxRetries: number;
  /** first retry waits about this long, doubling with each further retry */
  retryBaseMs: number;
}

/**
 * Where the API keeps the answers it may serve again until the catalogue's version changes: in its
 * own memory, up to `maxMiB` of answer text; in Redis, shared by every API process pointed at it,
 * under `keyPrefix`; or nowhere.
 */
export type ResponseCacheConfig = { store: "memory"; maxMiB: number } | { store: "redis"; url: string; keyPrefix: string } | { store: "off" };

export interface Config {
  /** the API's port, and whether it runs in production (no GraphiQL, no introspection) */
  port: number;
  /** the address the API listens on: loopback unless set (a container sets 0.0.0.0) */
  host: string;
  /** requests each client address may make per minute (0: no limit) */
  rateLimitPerMinute: number;
  production: boolean;
  /**
   * the origins (https://app.example.com) whose pages may call the API from a browser, besides its
   * own; outside production, http://localhost and http://127.0.0.1 on any port may too
   */
  corsOrigins?: string[];
  /** the bearer token the API's mutations require; without one they are disabled */
  adminToken?: string;
  /** a GraphQL operation still running after this long is stopped */
  requestTimeoutMs: number;
  /** GraphQL Code Generator's persisted-documents.json files: the operations front-end apps may send by hash */
  trustedDocuments: string[];
  /** answer those documents only, no other (GraphiQL's included) */
  trustedDocumentsOnly: boolean;
  /** how long an answer to a GET query may be kept before it is asked again with its ETag */
  cacheMaxAgeSeconds: number;
  responseCache: ResponseCacheConfig;
  dataDir: string;
  database: DatabaseConfig;
  /**
   * The PostgreSQL server that DB_USER, DB_HOST, DB_PASSWORD and DB_PORT name (a URL without a
   * database), when they are set: where the original scripts kept their databases.
   */
  dbServer?: string;
  /** where `npm run backup` writes the databases' dumps, and `npm run restore` reads them */
  backupDir: string;
  logLevel: LogLevel;
  /** logs go to this file instead of stderr */
  logFile?: string;
  peloton: PelotonConfig;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof logLevels)[number];

// An empty variable (FOO= in a .env file) means "not set", as it does for most tools.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

const postgresUrl = z.string().refine((value) => parsePostgresUrl(value) !== null, {
  message: "must be a PostgreSQL URL such as postgresql://user:password@localhost:5432/peloton_workouts",
});

/** The databases DB_* name unless DB_WORKOUTS_NAME and DB_DETAILED_NAME say otherwise: the original scripts' own. */
export const defaultNames = { workouts: "peloton_workouts", detailed: "peloton_detailed" } as const;

/** A name we can put in CREATE DATABASE "..." and in a URL's path as it is (DB_*_NAME, import-legacy's --*-db). */
export const databaseName = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][\w$-]{0,62}$/, "must be a database name: a letter or _, then up to 62 letters, digits, _, $ or -");

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).transform((url) => url.replace(/\/+$/, ""));

/**
 * A list of origins as a browser sends them in its Origin header: scheme, host and a port other than
 * the default, normalized (host lowercased, :443 on https dropped); a trailing / is allowed.
 */
const origins = z.string().transform((value, ctx) => {
  const listed = value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  const bad = listed.filter((item) => originOf(item) === undefined);
  if (listed.length === 0 || bad.length > 0) {
    const which = bad.length ? `${bad.map((item) => `"${item}"`).join(", ")} ${bad.length === 1 ? "is not an origin" : "are not origins"}: ` : "";
    ctx.addIssue({
      code: "custom",
      message: `${which}must be a comma-separated list of http(s) origins, each a scheme and host with an optional port and no path, such as https://app.example.com,http://localhost:5173`,
    });
    return z.NEVER;
  }
  return [...new Set(listed.map((item) => originOf(item)!))];
});

function originOf(text: string): string | undefined {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  // ?, # and @ would be dropped from the origin silently: a query, a fragment, a user name
  return url && /^https?:$/.test(url.protocol) && url.pathname === "/" && !/[?#@]/.test(text) ? url.origin : undefined;
}

/** A comma-separated list of files, each resolved from the working directory. */
const files = z.string().transform((value, ctx) => {
  const listed = value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  if (listed.length === 0) {
    ctx.addIssue({ code: "custom", message: "must be a comma-separated list of files, such as web/persisted-documents.json" });
    return z.NEVER;
  }
  return listed.map((file) => path.resolve(file));
});

const yesOrNo = z.enum(["true", "false"], { error: "must be true or false" }).transform((value) => value === "true");

const milliseconds = z.coerce.number({ error: "must be a whole number of milliseconds" }).int().min(0);
const count = z.coerce.number({ error: "must be a whole number" }).int().min(0);

const envSchema = z
  .object({
    DATA_DIR: optional(z.string()),
    BACKUP_DIR: optional(z.string()),
    PORT: optional(z.coerce.number({ error: "must be a port number" }).int().min(0).max(65535)),
    HOST: optional(
      z
        .string()
        .trim()
        .regex(/^[\w.:-]+$/, "must be an address to listen on, such as 127.0.0.1, 0.0.0.0 or ::"),
    ),
    RATE_LIMIT_PER_MINUTE: optional(count),
    NODE_ENV: optional(z.string()),
    CORS_ORIGINS: optional(origins),
    // not trimmed: a token with a space in or around it is one no client could send back in its Authorization header
    ADMIN_TOKEN: optional(
      z
        .string()
        .regex(/^\S*$/, "must not contain spaces or other whitespace (it is sent as one word: Authorization: Bearer <token>)")
        .min(16, "must be at least 16 characters (e.g. the output of `openssl rand -hex 32`)"),
    ),
    REQUEST_TIMEOUT_MS: optional(milliseconds.min(1)),
    TRUSTED_DOCUMENTS: optional(files),
    TRUSTED_DOCUMENTS_ONLY: optional(yesOrNo),
    CACHE_MAX_AGE_SECONDS: optional(z.coerce.number({ error: "must be a whole number of seconds" }).int().min(0)),
    RESPONSE_CACHE_MAX_MB: optional(z.coerce.number({ error: "must be a whole number of MiB (0 turns the response cache off)" }).int().min(0)),
    REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: "must be a Redis URL such as redis://127.0.0.1:6379 (rediss:// for TLS)" })),
    REDIS_KEY_PREFIX: optional(z.string().regex(/^\S+$/, "must be one word without spaces, such as peloton-catalogue:")),
    PELOTON_API_URL: optional(httpUrl),
    PELOTON_AUTH_URL: optional(httpUrl),
    PELOTON_AUTH0_CLIENT_ID: optional(
      z
        .string()
        .trim()
        .regex(/^[\w-]+$/, "must be an Auth0 client id (letters, digits, - and _)"),
    ),
    PELOTON_AUTH0_AUDIENCE: optional(z.string().trim().regex(/^\S+$/, "must be an Auth0 API identifier without spaces, such as https://api.onepeloton.com/")),
    PELOTON_AUTH0_REDIRECT_URI: optional(z.url({ protocol: /^https?$/, error: "must be an http(s) URL registered with the Auth0 client" })),
    PELOTON_AUTH_MODE: optional(z.enum(authModes)),
    PELOTON_USERNAME: optional(z.string()),
    PELOTON_PASSWORD: optional(z.string()),
    PELOTON_ACCESS_TOKEN: optional(z.string()),
    PELOTON_REFRESH_TOKEN: optional(z.string()),
    PELOTON_REQUEST_DELAY_MS: optional(milliseconds),
    PELOTON_PAGE_DELAY_MS: optional(milliseconds),
    PELOTON_JITTER_MS: optional(milliseconds),
    PELOTON_TIMEOUT_MS: optional(milliseconds.min(1)),
    PELOTON_MAX_RETRIES: optional(count),
    PELOTON_RETRY_BASE_MS: optional(milliseconds),
    WORKOUTS_DATABASE_URL: optional(postgresUrl),
    DETAILED_DATABASE_URL: optional(postgresUrl),
    // the original scripts' settings: the server of the two databases, whose names may be given too
    DB_USER: optional(z.string()),
    DB_HOST: optional(
      z
        .string()
        .trim()
        .refine(
          (host) => /^(\/\S*|[\w.-]+)$/.test(host) || isIPv6(host),
          "must be a host name or address, such as localhost, 127.0.0.1 or ::1, or a socket directory such as /var/run/postgresql (the port goes in DB_PORT)",
        ),
    ),
    // not trimmed, and empty is a value: a server that trusts the user asks for no password
    DB_PASSWORD: z.string().optional(),
    DB_PORT: optional(z.coerce.number({ error: "must be a port number" }).int().min(1).max(65535)),
    DB_WORKOUTS_NAME: optional(databaseName),
    DB_DETAILED_NAME: optional(databaseName),
    LOG_LEVEL: optional(z.enum(logLevels)),
    LOG_FILE: optional(z.string()),
  })
  .superRefine((env, ctx) => {
    const { WORKOUTS_DATABASE_URL: workouts, DETAILED_DATABASE_URL: detailed } = env;
    if ((env.DB_WORKOUTS_NAME ?? defaultNames.workouts) === (env.DB_DETAILED_NAME ?? defaultNames.detailed)) {
      ctx.addIssue(
        env.DB_DETAILED_NAME
          ? { code: "custom", path: ["DB_DETAILED_NAME"], message: "must name a different database from DB_WORKOUTS_NAME" }
          : {
              code: "custom",
              path: ["DB_WORKOUTS_NAME"],
              message: `must not be ${defaultNames.detailed}, the detailed database's name unless DB_DETAILED_NAME names another`,
            },
      );
    }
    if (workouts && !detailed) {
      ctx.addIssue({
        code: "custom",
        path: ["DETAILED_DATABASE_URL"],
        message: "must be set too when WORKOUTS_DATABASE_URL is set (or unset both to use the embedded databases)",
      });
    } else if (detailed && !workouts) {
      ctx.addIssue({
        code: "custom",
        path: ["WORKOUTS_DATABASE_URL"],
        message: "must be set too when DETAILED_DATABASE_URL is set (or unset both to use the embedded databases)",
      });
    } else if (workouts && detailed && sameDatabase(workouts, detailed)) {
      ctx.addIssue({
        code: "custom",
        path: ["DETAILED_DATABASE_URL"],
        message: "must name a different database from WORKOUTS_DATABASE_URL: each database keeps its own tables and migration history",
      });
    }
    if (env.REDIS_URL && env.RESPONSE_CACHE_MAX_MB === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["REDIS_URL"],
        message: "is set while RESPONSE_CACHE_MAX_MB=0 turns the response cache off: unset one of them",
      });
    }
  });

const secrets = new Set(["DB_PASSWORD", "ADMIN_TOKEN", "PELOTON_PASSWORD", "PELOTON_ACCESS_TOKEN", "PELOTON_REFRESH_TOKEN"]);
// URLs, whose password a message hides
const urlsWithPasswords = new Set(["WORKOUTS_DATABASE_URL", "DETAILED_DATABASE_URL", "REDIS_URL"]);

/** What a bad variable's message shows of its value: never a secret, nor a URL's password. */
function shownValue(name: string, value: string | undefined): string {
  if (!value || secrets.has(name)) return "";
  if (!urlsWithPasswords.has(name)) return ` (got "${redactSecrets(value)}")`;
  return isRedactable(value) ? ` (got "${redactUrl(value)}")` : " (not shown: it does not parse as scheme://..., so a password in it could not be hidden)";
}

/** Reads the configuration from environment variables once, at start-up; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `  ${name}: ${issue.message}${shownValue(name, env[name])}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const values = parsed.data;
  const { DATA_DIR, WORKOUTS_DATABASE_URL, DETAILED_DATABASE_URL, LOG_LEVEL, LOG_FILE } = values;
  const dataDir = path.resolve(DATA_DIR ?? "data");
  const urls = WORKOUTS_DATABASE_URL && DETAILED_DATABASE_URL;
  const dbServer = dbVariablesServer(env, values, Boolean(urls));
  const database: DatabaseConfig = urls
    ? { kind: "postgres", workoutsUrl: WORKOUTS_DATABASE_URL, detailedUrl: DETAILED_DATABASE_URL }
    : dbServer
      ? {
          kind: "postgres",
          workoutsUrl: databaseUrl(dbServer, values.DB_WORKOUTS_NAME ?? defaultNames.workouts),
          detailedUrl: databaseUrl(dbServer, values.DB_DETAILED_NAME ?? defaultNames.detailed),
          dbVariables: true,
        }
      : { kind: "embedded", dataDir };
  return {
    port: values.PORT ?? 4000,
    host: values.HOST ?? "127.0.0.1",
    rateLimitPerMinute: values.RATE_LIMIT_PER_MINUTE ?? 600,
    production: values.NODE_ENV === "production",
    corsOrigins: values.CORS_ORIGINS,
    adminToken: values.ADMIN_TOKEN,
    requestTimeoutMs: values.REQUEST_TIMEOUT_MS ?? 15_000,
    trustedDocuments: values.TRUSTED_DOCUMENTS ?? [],
    trustedDocumentsOnly: values.TRUSTED_DOCUMENTS_ONLY ?? false,
    cacheMaxAgeSeconds: values.CACHE_MAX_AGE_SECONDS ?? 60,
    responseCache: responseCacheOf(values),
    dataDir,
    database,
    ...(dbServer ? { dbServer } : {}),
    backupDir: path.resolve(values.BACKUP_DIR ?? "backups"),
    logLevel: LOG_LEVEL ?? "info",
    logFile: LOG_FILE && path.resolve(LOG_FILE),
    peloton: {
      apiUrl: values.PELOTON_API_URL ?? "https://api.onepeloton.com",
      authUrl: values.PELOTON_AUTH_URL ?? "https://auth.onepeloton.com",
      auth0: {
        clientId: values.PELOTON_AUTH0_CLIENT_ID ?? pelotonWebApp.clientId,
        audience: values.PELOTON_AUTH0_AUDIENCE ?? pelotonWebApp.audience,
        redirectUri: values.PELOTON_AUTH0_REDIRECT_URI ?? pelotonWebApp.redirectUri,
      },
      authMode: values.PELOTON_AUTH_MODE ?? "auto",
      username: values.PELOTON_USERNAME,
      password: values.PELOTON_PASSWORD,
      accessToken: values.PELOTON_ACCESS_TOKEN,
      refreshToken: values.PELOTON_REFRESH_TOKEN,
      requestDelayMs: values.PELOTON_REQUEST_DELAY_MS ?? 1000,
      pageDelayMs: values.PELOTON_PAGE_DELAY_MS ?? 2000,
      jitterMs: values.PELOTON_JITTER_MS ?? 100,
      timeoutMs: values.PELOTON_TIMEOUT_MS ?? 30_000,
      maxRetries: values.PELOTON_MAX_RETRIES ?? 5,
      retryBaseMs: values.PELOTON_RETRY_BASE_MS ?? 2000,
    },
  };
}

function responseCacheOf(values: z.output<typeof envSchema>): ResponseCacheConfig {
  if (values.REDIS_URL) return { store: "redis", url: values.REDIS_URL, keyPrefix: values.REDIS_KEY_PREFIX ?? "peloton-catalogue:" };
  const maxMiB = values.RESPONSE_CACHE_MAX_MB ?? 32;
  return maxMiB === 0 ? { store: "off" } : { store: "memory", maxMiB };
}

const dbVariables = ["DB_USER", "DB_HOST", "DB_PASSWORD", "DB_PORT"] as const;

/** "A", "A and B", "A, B and C" */
const listed = (names: readonly string[]) => (names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`);

/**
 * The server URL (no database) that the original scripts' DB_* variables name, or undefined when none
 * is set. They count only as a set: DB_PASSWORD may be empty (a server that trusts the user), but each
 * must be there, and a DB_*_NAME without them is a mistake too; so is any of them beside the two URLs.
 */
function dbVariablesServer(env: NodeJS.ProcessEnv, values: z.output<typeof envSchema>, urls: boolean): string | undefined {
  const isSet = (name: string) => (name === "DB_PASSWORD" ? env[name] !== undefined : Boolean(env[name]?.trim()));
  const given = [...dbVariables, "DB_WORKOUTS_NAME", "DB_DETAILED_NAME"].filter(isSet);
  if (given.length === 0) return undefined;
  if (urls) {
    throw new ConfigError(
      `Invalid configuration:\n  WORKOUTS_DATABASE_URL and DETAILED_DATABASE_URL are set, and so ${given.length === 1 ? "is" : "are"} ${listed(given)}: both name the ` +
        "catalogue's PostgreSQL databases. Keep one: remove the URLs to use the DB_* settings, or remove the DB_* settings to use the URLs (which would win were both allowed).",
    );
  }
  const missing = dbVariables.filter((name) => !isSet(name));
  if (missing.length) {
    throw new ConfigError(
      `Invalid configuration:\n  ${listed(missing)}: not set, while ${listed(given)} ${given.length === 1 ? "is" : "are"}. The original scripts' ` +
        "settings name the PostgreSQL server together: set DB_USER, DB_HOST, DB_PASSWORD (empty if the server asks none) and DB_PORT, or none of them.",
    );
  }
  const host = values.DB_HOST!;
  const auth = `${encodeURIComponent(values.DB_USER!)}${values.DB_PASSWORD ? `:${encodeURIComponent(values.DB_PASSWORD)}` : ""}@`;
  // a socket directory goes in the query string (libpq's and pg's form); an IPv6 address in brackets
  if (host.startsWith("/")) return `postgresql://${auth}localhost:${values.DB_PORT}/?host=${encodeURIComponent(host)}`;
  return `postgresql://${auth}${isIPv6(host) ? `[${host}]` : host}:${values.DB_PORT}/`;
}

/**
 * The URL of one database on a server given by URL (whose own database, if any, it replaces). The name
 * goes in as it is, not percent-encoded: pg reads the path with decodeURI, which would leave a "%24" for "$".
 */
export function databaseUrl(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

function parsePostgresUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    const hasHost = url.hostname !== "" || url.searchParams.has("host");
    return (url.protocol === "postgres:" || url.protocol === "postgresql:") && hasHost ? url : null;
  } catch {
    return null;
  }
}

/** Whether two URLs name one database: the same server (localhost, 127.0.0.1 and ::1 alike), port, database and schema. */
export function sameDatabase(a: string, b: string): boolean {
  const identity = databaseIdentity(a);
  return identity !== null && identity === databaseIdentity(b);
}

function databaseIdentity(value: string): string | null {
  const url = parsePostgresUrl(value);
  if (!url) return null;
  const host = url.searchParams.get("host") ?? (url.hostname || "localhost");
  const server = /^(localhost|127(\.\d+){3}|\[::1\])$/i.test(host) ? "localhost" : host.toLowerCase();
  const port = url.searchParams.get("port") ?? (url.port || "5432");
  return `${server}:${port}/${databaseNameOf(value)}?schema=${url.searchParams.get("schema") ?? "public"}`;
}

/**
 * A database URL with its passwords hidden (user:password@, and a password in the query string, which
 * pg reads too), safe for logs and error messages. A value that is not a URL is not shown at all:
 * where its password is cannot be known.
 */
export function redactUrl(value: string): string {
  if (!isRedactable(value)) return "(a URL not shown: it does not parse, so its password could not be hidden)";
  const url = new URL(value);
  if (url.password) url.password = "****";
  for (const key of new Set(url.searchParams.keys())) if (/password/i.test(key)) url.searchParams.set(key, "****");
  return url.toString();
}

// only scheme://...: "app:secret@db/x" parses too, as a URL whose path holds the password
const isRedactable = (value: string) => /^[a-z][\w+.-]*:\/\//i.test(value) && URL.canParse(value);

// user:password@ after any scheme, up to the last @ the authority can hold; and password=... as in a
// query string or libpq's key=value form. Linear: each match starts at a fixed text and stops at a delimiter.
// A password may hold quotes: hiding too much of a line beats showing a password.
// A password with an unencoded #, / or ? (a URL that then does not parse) is hidden up to its first @.
const urlPassword = /(:\/\/[^\s:/?#@"'`]*:)(?:[^\s/?#]*|[^\s@]*)@/g;
const passwordParameter = /\b((?:ssl)?password=)('(?:[^'\\]|\\.)*'?|[^&#\s"'`]*)/gi;

/** Text (a log line's string, an error's message) with the password of every URL in it hidden. */
export const redactSecrets = (text: string): string => text.replace(urlPassword, "$1****@").replace(passwordParameter, "$1****");

/**
 * The server a database URL points at, for a person: user, host and port, and a socket directory (the
 * host parameter) unencoded; no password, database or other parameter.
 */
export function describeServer(value: string): string {
  const url = parsePostgresUrl(value);
  if (!url) return redactUrl(value);
  const socket = url.searchParams.get("host");
  const port = url.searchParams.get("port");
  const user = url.username ? `${decodeURIComponent(url.username)}@` : "";
  return `${url.protocol}//${user}${url.host}${socket ? `?host=${socket}` : ""}${port ? `${socket ? "&" : "?"}port=${port}` : ""}`;
}

/** The name of the database a URL points at (what pg reads from its path). */
export function databaseNameOf(value: string): string {
  const url = parsePostgresUrl(value);
  return url ? decodeURI(url.pathname.slice(1)) : "";
}

/** Where the catalogue lives, in one line for a person, password hidden: each command's first line, and the demo's. */
export function describeCatalogue(database: DatabaseConfig): string {
  if (database.kind === "embedded") return `Catalogue: the embedded databases in ${database.dataDir}`;
  const { workoutsUrl, detailedUrl } = database;
  const parse = (value: string) => parsePostgresUrl(value) !== null;
  if (parse(workoutsUrl) && parse(detailedUrl) && describeServer(workoutsUrl) === describeServer(detailedUrl)) {
    return `Catalogue: PostgreSQL at ${describeServer(workoutsUrl)}, databases ${databaseNameOf(workoutsUrl)} and ${databaseNameOf(detailedUrl)}`;
  }
  return `Catalogue: PostgreSQL, the workouts database at ${redactUrl(workoutsUrl)} and the detailed one at ${redactUrl(detailedUrl)}`;
}
