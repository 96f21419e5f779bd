import axios, { type AxiosResponse } from "axios";
import { setTimeout as sleep } from "node:timers/promises";
import type { z } from "zod";
import { type PelotonAuth, PelotonAuthError, browserUserAgent } from "../auth";
import type { PelotonConfig } from "../config";
import type { Logger } from "../log";
import { MalformedResponseError, PelotonNotFoundError, PelotonRequestError } from "./errors";
import { createRateLimiter } from "./rate-limit";
import {
  type ArchivedPage,
  type BrowseCategory,
  type PelotonInstructor,
  type PelotonUser,
  type RideDetails,
  archivedPageSchema,
  browseCategoriesSchema,
  instructorSchema,
  parseResponse,
  rideDetailsSchema,
  userSchema,
} from "./schemas";

export interface PelotonClient {
  /** One page (0-based) of a browse category's classes, newest first. */
  archivedRides(query: { category: string; page: number; limit?: number }): Promise<ArchivedPage>;
  rideDetails(rideId: string): Promise<RideDetails>;
  instructor(instructorId: string): Promise<PelotonInstructor>;
  me(): Promise<PelotonUser>;
  browseCategories(): Promise<BrowseCategory[]>;
}

export interface PelotonClientDeps {
  config: PelotonConfig;
  auth: PelotonAuth;
  logger: Logger;
  /** stops waits and requests: a cancelled run does not sit out a rate-limit delay */
  signal?: AbortSignal;
  random?: () => number;
}

type Pace = "page" | "item";
const MAX_RETRY_AFTER_MS = 10 * 60_000;
const MAX_BACKOFF_MS = 5 * 60_000;

/** The typed client for Peloton's API: rate-limited, retried, authenticated, and validated at the boundary. */
export function createPelotonClient({ config, auth, logger, signal, random = Math.random }: PelotonClientDeps): PelotonClient {
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

  async function get<T extends z.ZodType>(url: string, params: Record<string, string | number>, pace: Pace, schema: T, what: string): Promise<z.infer<T>> {
    const target = `GET ${url}`;
    for (let attempt = 0; ; attempt++) {
      await limiter.wait(gaps[pace], signal);
      const outcome = await authenticated(url, params, pace).catch((error: unknown): Attempt => {
        // a login that Peloton refused is final; a refresh that met a 5xx or a dropped connection is not
        if (error instanceof PelotonAuthError || signal?.aborted) throw error;
        return { kind: "retry", reason: `renewing the session: ${(error as Error).message}` };
      });
      if (outcome.kind === "ok") return parseResponse(schema, outcome.json, what);
      if (outcome.kind === "fail") throw outcome.error;
      if (attempt >= config.maxRetries) {
        throw new PelotonRequestError(`Peloton kept failing ${target} (${outcome.reason}); gave up after ${attempt + 1} attempts.`, outcome.status);
      }
      if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > MAX_RETRY_AFTER_MS) {
        throw new PelotonRequestError(`Peloton asks us to wait ${Math.round(outcome.retryAfterMs / 1000)} s before ${target}: try again later.`, outcome.status);
      }
      const backoff = Math.min(MAX_BACKOFF_MS, config.retryBaseMs * 2 ** attempt) * (0.5 + random() / 2);
      const delayMs = Math.round(outcome.retryAfterMs ?? backoff);
      logger.warn({ url, attempt: attempt + 1, reason: outcome.reason, delayMs }, "retrying a Peloton request");
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
    | { kind: "ok"; json: unknown }
    | { kind: "unauthorized" }
    | { kind: "retry"; reason: string; status?: number; retryAfterMs?: number }
    | { kind: "fail"; error: Error };
  type Attempt = Exclude<Outcome, { kind: "unauthorized" }>;

  async function send(url: string, params: Record<string, string | number>, headers: Record<string, string>): Promise<Outcome> {
    let response: AxiosResponse<string>;
    try {
      response = await http.get(url, { params, headers, signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      return { kind: "retry", reason: axios.isAxiosError(error) ? error.code ?? error.message : String(error) }; // timeout, reset, refused
    }
    const { status, data } = response;
    const target = `GET ${url}`;
    if (status === 200) {
      if (!data || !data.trim()) return { kind: "retry", reason: "blank body", status };
      try {
        return { kind: "ok", json: JSON.parse(data) };
      } catch {
        return { kind: "retry", reason: "malformed JSON", status };
      }
    }
    if (status === 401) return { kind: "unauthorized" };
    if (status === 429) return { kind: "retry", reason: "HTTP 429", status, retryAfterMs: retryAfter(response.headers["retry-after"]) };
    if (status >= 500) return { kind: "retry", reason: `HTTP ${status}`, status, retryAfterMs: retryAfter(response.headers["retry-after"]) };
    if (status === 404) return { kind: "fail", error: new PelotonNotFoundError(`Peloton has no ${url} (404).`, status) };
    if (status === 403 && /<html/i.test(data)) {
      return { kind: "fail", error: new PelotonRequestError(`Peloton's edge (Cloudflare) blocked ${target} (403): stop and try again later.`, status) };
    }
    return { kind: "fail", error: new PelotonRequestError(`Peloton answered ${target} with HTTP ${status}: ${data.slice(0, 300)}`, status) };
  }

  return {
    archivedRides: ({ category, page, limit = 50 }) =>
      get(
        "/api/v2/ride/archived",
        { browse_category: category, content_format: "audio,video", limit, page, sort_by: "original_air_time", desc: "true" },
        "page",
        archivedPageSchema,
        `page ${page} of the ${category} class list`,
      ),
    rideDetails: (rideId) =>
      get(`/api/ride/${encodeURIComponent(rideId)}/details`, { stream_source: "multichannel" }, "item", rideDetailsSchema, `class ${rideId}`),
    instructor: (instructorId) =>
      get(`/api/instructor/${encodeURIComponent(instructorId)}`, {}, "item", instructorSchema, `instructor ${instructorId}`),
    async me() {
      const user = await get("/api/me", {}, "item", userSchema, "the logged-in user");
      await auth.rememberUserId(user.id);
      return user;
    },
    browseCategories: async () =>
      (await get("/api/browse_categories", { library_type: "on_demand" }, "item", browseCategoriesSchema, "the browse categories")).browse_categories,
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
