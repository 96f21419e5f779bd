import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import axios, { type AxiosResponse } from "axios";
import { browserUserAgent, type PelotonAuth, PelotonAuthError } from "../auth";
import type { PelotonConfig } from "../config";
import type { Logger } from "../log";
import { MalformedResponseError, PelotonNotFoundError, PelotonRequestError } from "./errors";
import { createRateLimiter } from "./rate-limit";
import {
  type ArchivedPage,
  type BrowseCategory,
  browseCategoriesSchema,
  instructorSchema,
  type PelotonInstructor,
  type PelotonUser,
  parseResponse,
  type RideDetails,
  readArchivedPage,
  rideDetailsSchema,
  userSchema,
} from "./schemas";

export interface PelotonClient {
  /** One page (0-based) of a browse category's classes, newest first. */
  archivedRides(query: { category: string; page: number; limit?: number }): Promise<ArchivedPage>;
  /** the class's details as read, and as Peloton sent them (`raw`) */
  rideDetails(rideId: string): Promise<RideDetails & { raw: unknown }>;
  instructor(instructorId: string): Promise<PelotonInstructor>;
  me(): Promise<PelotonUser>;
  browseCategories(): Promise<BrowseCategory[]>;
  /** Has a session ready (the saved one, or a login now), or throws PelotonAuthError saying what is missing. */
  signIn(): Promise<void>;
}

export interface PelotonClientDeps {
  config: PelotonConfig;
  auth: PelotonAuth;
  logger: Logger;
  /** stops waits and requests: a cancelled run does not sit out a rate-limit delay */
  signal?: AbortSignal;
  random?: () => number;
  /** where an answer we could not read is kept (the last 50), for a bug report: DATA_DIR/peloton-responses */
  responsesDir?: string;
}

type Pace = "page" | "item";
const MAX_RETRY_AFTER_MS = 10 * 60_000;
const MAX_BACKOFF_MS = 5 * 60_000;
// Cloudflare's rate limit (its plain-text "error code: 1015") lasts minutes, not seconds: back off far longer
const RATE_LIMITED_BACKOFF_FACTOR = 30;
const KEPT_RESPONSES = 50;

/** Where the answers we could not read are kept: DATA_DIR/peloton-responses. */
export const keptResponsesDir = (dataDir: string) => path.join(dataDir, "peloton-responses");

/** The typed client for Peloton's API: rate-limited, retried, authenticated, and validated at the boundary. */
export function createPelotonClient({ config, auth, logger, signal, random = Math.random, responsesDir }: PelotonClientDeps): PelotonClient {
  const http = axios.create({
    baseURL: config.apiUrl,
    timeout: config.timeoutMs,
    responseType: "text",
    transformResponse: (body: string) => body, // parsed below, where a blank or broken body can be retried
    validateStatus: () => true,
    maxRedirects: 0,
    headers: { "Peloton-Platform": "web", "User-Agent": browserUserAgent, Accept: "application/json" },
  });
  const limiter = createRateLimiter({ jitterMs: config.jitterMs, random });
  const gaps: Record<Pace, number> = { page: config.pageDelayMs, item: config.requestDelayMs };

  async function get<T>(
    url: string,
    params: Record<string, string | number>,
    pace: Pace,
    read: (json: unknown, keep: () => Promise<string | undefined>) => T | Promise<T>,
    what: string,
  ): Promise<T> {
    const target = `GET ${url}`;
    for (let attempt = 0; ; attempt++) {
      await limiter.wait(gaps[pace], signal);
      const outcome = await authenticated(url, params, pace).catch((error: unknown): Attempt => {
        // a login that Peloton refused is final, and so is a session file we cannot write (DATA_DIR's
        // problem, not Peloton's); a refresh that met a 5xx or a dropped connection is not
        if (error instanceof PelotonAuthError || signal?.aborted || typeof (error as NodeJS.ErrnoException).path === "string") throw error;
        return { kind: "retry", reason: `renewing the session: ${(error as Error).message}` };
      });
      if (outcome.kind === "ok") return readOrKeep(read, outcome, what);
      if (outcome.kind === "fail") throw outcome.error;
      if (attempt >= config.maxRetries) {
        throw new PelotonRequestError(`Peloton kept failing ${target} (${outcome.reason}); gave up after ${attempt + 1} attempts.`, outcome.status);
      }
      if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > MAX_RETRY_AFTER_MS) {
        throw new PelotonRequestError(
          `Peloton asks us to wait ${Math.round(outcome.retryAfterMs / 1000)} s before ${target}: try again later.`,
          outcome.status,
        );
      }
      const base = config.retryBaseMs * (outcome.rateLimited ? RATE_LIMITED_BACKOFF_FACTOR : 1);
      const backoff = Math.min(MAX_BACKOFF_MS, base * 2 ** attempt) * (0.5 + random() / 2);
      const delayMs = Math.round(outcome.retryAfterMs ?? backoff);
      logger.warn(
        { url, attempt: attempt + 1, reason: outcome.reason, delayMs },
        outcome.rateLimited ? "Peloton's edge (Cloudflare) is rate-limiting us; waiting longer before retrying" : "retrying a Peloton request",
      );
      await sleep(delayMs, undefined, { signal });
    }
  }

  /** One request with the current session; on a 401, the session is renewed once and the request sent again. */
  async function authenticated(url: string, params: Record<string, string | number>, pace: Pace): Promise<Attempt> {
    const headers = await auth.headers();
    const outcome = await send(url, params, headers);
    if (outcome.kind !== "unauthorized") return outcome;
    await auth.renew(headers);
    await limiter.wait(gaps[pace], signal);
    const again = await send(url, params, await auth.headers());
    if (again.kind !== "unauthorized") return again;
    // a 401 right after a fresh session is an answer, not a glitch
    return { kind: "fail", error: new PelotonAuthError(`Peloton rejects a fresh session for GET ${url} (401): check the account's access.`) };
  }

  type Outcome =
    | { kind: "ok"; json: unknown; body: string }
    | { kind: "unauthorized" }
    | { kind: "retry"; reason: string; status?: number; retryAfterMs?: number; rateLimited?: boolean }
    | { kind: "fail"; error: Error };
  type Attempt = Exclude<Outcome, { kind: "unauthorized" }>;

  async function send(url: string, params: Record<string, string | number>, headers: Record<string, string>): Promise<Outcome> {
    let response: AxiosResponse<string>;
    try {
      response = await http.get(url, { params, headers, signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      return { kind: "retry", reason: axios.isAxiosError(error) ? (error.code ?? error.message) : String(error) }; // timeout, reset, refused
    }
    const { status, data } = response;
    const target = `GET ${url}`;
    if (status === 200) {
      if (!data?.trim()) return { kind: "retry", reason: "blank body", status };
      try {
        return { kind: "ok", json: JSON.parse(data), body: data };
      } catch {
        return { kind: "retry", reason: "malformed JSON", status };
      }
    }
    if (status === 401) return { kind: "unauthorized" };
    // Cloudflare's rate limit answers plain text, with a 429 or another status
    if (/^\s*error code: 1015\b/.test(data)) {
      return {
        kind: "retry",
        reason: `rate-limited by Cloudflare (HTTP ${status}, error code 1015)`,
        status,
        retryAfterMs: retryAfter(response.headers["retry-after"]),
        rateLimited: true,
      };
    }
    if (status === 429) return { kind: "retry", reason: "HTTP 429", status, retryAfterMs: retryAfter(response.headers["retry-after"]) };
    if (status >= 500) return { kind: "retry", reason: `HTTP ${status}`, status, retryAfterMs: retryAfter(response.headers["retry-after"]) };
    if (status === 404) return { kind: "fail", error: new PelotonNotFoundError(`Peloton has no ${url} (404).`, status) };
    if (status === 403 && /<html/i.test(data)) {
      return { kind: "fail", error: new PelotonRequestError(`Peloton's edge (Cloudflare) blocked ${target} (403): stop and try again later.`, status) };
    }
    return { kind: "fail", error: new PelotonRequestError(`Peloton answered ${target} with HTTP ${status}: ${snippet(data)}`, status) };
  }

  /** Reads an answer; one we cannot read is kept on disk, and the error says where. */
  async function readOrKeep<T>(
    read: (json: unknown, keep: () => Promise<string | undefined>) => T | Promise<T>,
    answer: { json: unknown; body: string },
    what: string,
  ): Promise<T> {
    const keep = () =>
      responsesDir
        ? keepResponse(responsesDir, what, answer.body).catch((cause: unknown) => {
            logger.warn({ err: cause }, "could not keep Peloton's answer on disk");
            return undefined;
          })
        : Promise.resolve(undefined);
    try {
      return await read(answer.json, keep);
    } catch (error) {
      if (!(error instanceof MalformedResponseError)) throw error;
      const file = await keep();
      throw file ? new MalformedResponseError(`${error.message} (Peloton's answer is kept in ${file})`) : error;
    }
  }

  return {
    archivedRides: ({ category, page, limit = 50 }) => {
      const what = `page ${page} of the ${category} class list (GET /api/v2/ride/archived)`;
      return get(
        "/api/v2/ride/archived",
        { browse_category: category, content_format: "audio,video", limit, page, sort_by: "original_air_time", desc: "true" },
        "page",
        async (json, keep) => {
          const listing = readArchivedPage(json, what, page, limit);
          // entries left out are worth a bug report: keep the page they came in
          return listing.rejected.length ? { ...listing, keptIn: await keep() } : listing;
        },
        what,
      );
    },
    rideDetails: (rideId) => {
      const what = `class ${rideId} (GET /api/ride/${rideId}/details)`;
      return get(
        `/api/ride/${encodeURIComponent(rideId)}/details`,
        { stream_source: "multichannel" },
        "item",
        (json) => {
          const details = parseResponse(rideDetailsSchema, json, what);
          // an answer about another class must never be stored as this one
          if (details.ride.id !== rideId)
            throw new MalformedResponseError(`Unexpected response for ${what}: ride.id is ${JSON.stringify(details.ride.id)}, not the class asked for`);
          return { ...details, raw: json };
        },
        what,
      );
    },
    instructor: (instructorId) =>
      get(
        `/api/instructor/${encodeURIComponent(instructorId)}`,
        {},
        "item",
        (json) => parseResponse(instructorSchema, json, `instructor ${instructorId}`),
        `instructor ${instructorId}`,
      ),
    async me() {
      const user = await get("/api/me", {}, "item", (json) => parseResponse(userSchema, json, "the logged-in user"), "the logged-in user");
      await auth.rememberUserId(user.id);
      return user;
    },
    signIn: async () => {
      await auth.headers();
    },
    browseCategories: async () =>
      (
        await get(
          "/api/browse_categories",
          { library_type: "on_demand" },
          "item",
          (json) => parseResponse(browseCategoriesSchema, json, "the browse categories"),
          "the browse categories",
        )
      ).browse_categories,
  };
}

/** Retry-After in milliseconds, from seconds or an HTTP date. */
function retryAfter(header: unknown): number | undefined {
  if (typeof header !== "string" || !header.trim()) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

const snippet = (body: string) => body.replace(/\s+/g, " ").trim().slice(0, 300);

/** Writes an answer we could not read to `dir`, keeping the newest KEPT_RESPONSES; returns its path. */
async function keepResponse(dir: string, what: string, body: string): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}_${what
    .replace(/\(.*\)/, "")
    .trim()
    .replace(/[^a-z0-9]+/gi, "-")
    .slice(0, 80)}.json`;
  const file = path.join(dir, name);
  await writeFile(file, body, { mode: 0o600 });
  const kept = (await readdir(dir)).filter((entry) => entry.endsWith(".json")).sort();
  await Promise.all(kept.slice(0, Math.max(0, kept.length - KEPT_RESPONSES)).map((entry) => rm(path.join(dir, entry), { force: true })));
  return file;
}
