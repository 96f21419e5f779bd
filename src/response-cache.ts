import { createHash } from "node:crypto";
import { getOperationAST } from "graphql";
import { type GraphQLParams, isAsyncIterable, type Plugin } from "graphql-yoga";
import { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { ConfigError, type ResponseCacheConfig, redactUrl } from "./config";
import { answeredFromCache, cacheableDocument } from "./http-caching";
import type { Logger } from "./log";

/** Where answers are kept, by key: the JSON text of each, exactly as it was sent. */
export interface AnswerStore {
  /** the answer stored under `key`, or undefined (also when the store cannot be read: the request is then executed) */
  get(key: string): string | undefined | Promise<string | undefined>;
  /** stores an answer, without waiting: a store that fails only leaves it uncached */
  set(key: string, answer: string): void;
  close(): Promise<void>;
}

/**
 * Answers in this process's memory, the least recently used dropped beyond `maxBytes` of text. No
 * expiry: an answer is reached only while the catalogue keeps the version it was stored under, so the
 * older ones are dropped first as the newer are read.
 */
export function memoryStore(maxBytes: number): AnswerStore {
  // one large answer (a page of classes with their playlists) must not push out hundreds of small ones
  const answers = new LRUCache<string, string>({
    maxSize: maxBytes,
    maxEntrySize: Math.ceil(maxBytes / 8),
    sizeCalculation: (answer, key) => answer.length + key.length,
  });
  return {
    get: (key) => answers.get(key),
    set: (key, answer) => void answers.set(key, answer),
    close: async () => answers.clear(),
  };
}

/** How long Redis keeps an answer: those of older versions are never read again, and expire. */
export const redisAnswerSeconds = 3600;
// A command slower than this counts as Redis failing. Redis answers in a millisecond, but a busy API reads
// the reply late (200 ms timed out every command of a loaded API on 2 cores); only the requests waiting when
// Redis stops answering wait this long, the next ones skip it (retryAfterOutageMs).
const commandTimeoutMs = 1000;
// During an outage Redis is asked again once a second, rather than by every request (each would wait the timeout).
const retryAfterOutageMs = 1000;

/**
 * Answers in Redis (REDIS_URL), shared by every API process pointed at it, under `keyPrefix`, each
 * kept an hour. Connects at once: a Redis that cannot be reached at start is a ConfigError naming
 * REDIS_URL. Once running, a failing Redis never fails a request: the request is answered uncached,
 * and the outage logged once (and its end), while the client reconnects on its own.
 */
export async function redisStore(url: string, { keyPrefix, logger }: { keyPrefix: string; logger?: Logger }): Promise<AnswerStore> {
  let started = false;
  const redis = new Redis(url, {
    keyPrefix,
    lazyConnect: true,
    // a command while disconnected fails at once rather than wait in a queue, the request with it
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
    connectTimeout: 3000,
    // how long disconnect() waits for a connection to close: one already lost never does
    disconnectTimeout: 100,
    // no retry before the first connection: a Redis that cannot be reached at start is an error to fix
    retryStrategy: (attempt) => (started ? Math.min(attempt * 100, 2000) : null),
  });
  // the connection's own error (ECONNREFUSED), which connect() reports only as "Connection is closed"
  let reason: Error | undefined;
  const startError = (error: Error) => {
    reason ??= error;
  };
  redis.on("error", startError);
  try {
    await redis.connect();
    started = true;
  } catch (error) {
    throw new ConfigError(
      `Invalid configuration:\n  REDIS_URL: no Redis answers at ${redactUrl(url)} (${(reason ?? (error as Error)).message}). Start it, or unset REDIS_URL to keep the response cache in the API's memory.`,
    );
  } finally {
    redis.off("error", startError);
  }
  let outage = false;
  let retryAt = 0;
  const failed = (error: unknown) => {
    retryAt = performance.now() + retryAfterOutageMs;
    if (outage) return;
    outage = true;
    logger?.warn({ err: error }, "the response cache's Redis (REDIS_URL) is failing: answering uncached until it is back");
  };
  const answered = () => {
    if (!outage) return;
    outage = false;
    logger?.info("the response cache's Redis (REDIS_URL) answers again");
  };
  // ioredis reports a lost connection here (and reconnects); without a listener it would print each
  redis.on("error", failed);
  const usable = () => !outage || performance.now() >= retryAt;
  return {
    get: (key) => {
      if (!usable()) return undefined;
      return redis.get(key).then(
        (answer) => {
          answered();
          return answer ?? undefined;
        },
        (error: unknown) => {
          failed(error);
          return undefined;
        },
      );
    },
    set: (key, answer) => {
      if (usable()) redis.set(key, answer, "EX", redisAnswerSeconds).then(answered, failed);
    },
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** The store the configuration names (RESPONSE_CACHE_MAX_MB, REDIS_URL), connected; none when the cache is off. */
export async function openResponseCache(config: ResponseCacheConfig, logger?: Logger): Promise<AnswerStore | undefined> {
  if (config.store === "off") return undefined;
  if (config.store === "memory") return memoryStore(config.maxMiB * 1024 * 1024);
  return redisStore(config.url, { keyPrefix: config.keyPrefix, logger });
}

// the requests answered from the cache, whose other preparations for executing are skipped (unlessAnsweredFromCache)
const hits = new WeakSet<Request>();

/**
 * Serves a query's answer again, from `store`, while the catalogue keeps the version it was answered
 * at. The key: the catalogue's tag (`tagOf`: its version and the schema's hash), the document's text
 * (a trusted document's, when named by id), the operation's name and the variables; a new ingestion
 * commit changes the tag, so that every older answer is out of reach. GET and POST alike. Never cached:
 * mutations and subscriptions, documents selecting an admin-scoped or `notCached` field (the rule the
 * ETag follows) or introspection (which production refuses, and several APIs may share one store),
 * requests with Authorization, answers with errors, and anything while the catalogue has no version.
 *
 * A hit is answered before the document is parsed, validated or priced: its answer was stored only after
 * the same document with the same variables passed the same checks, against the same catalogue (the
 * limits price text filters by what they reach in it), so the verdict could not differ; the rate limit
 * still counts it. The stored text is sent as it is (Yoga's `stringify` of a result), so a hit answers
 * the same bytes as the miss that stored it.
 */
export function useResponseCache(store: AnswerStore, { tagOf }: { tagOf: (request: Request) => Promise<string | null> }): Plugin {
  const keys = new WeakMap<Request, string>();
  return {
    async onParams({ params, request, setResult }) {
      if (request.headers.has("authorization") || typeof params.query !== "string" || introspects(params.query)) return;
      const tag = await tagOf(request);
      if (tag === null) return;
      // by request: Yoga's batching is off, so a request holds one operation
      const key = keyOf(tag, params);
      if (key === null) return;
      keys.set(request, key);
      const answer = await store.get(key);
      if (answer === undefined) return;
      hits.add(request);
      setResult({ stringify: () => answer, [answeredFromCache]: true } as never);
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const key = request && keys.get(request);
      if (!key || getOperationAST(args.document, args.operationName)?.operation !== "query" || !cacheableDocument(args.schema, args.document)) return;
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result) || result.errors?.length || result.extensions !== undefined || !result.data) return;
          // what Yoga would send for this result, made once: stored, and sent as it is
          const answer = JSON.stringify(result);
          store.set(key, answer);
          setResult({ ...result, stringify: () => answer } as typeof result);
        },
      };
    },
    onDispose: () => store.close(),
  };
}

/** A plugin whose onParams is skipped for a request answered from the cache: what it prepares is for executing (the limits' look-ups). */
export function unlessAnsweredFromCache<C extends object>(plugin: Plugin<C>): Plugin<C> {
  const { onParams } = plugin;
  if (!onParams) return plugin;
  return { ...plugin, onParams: (payload) => (hits.has(payload.request) ? undefined : onParams(payload)) };
}

const introspects = (query: string) => /\b__(schema|type)\b/.test(query);

/**
 * Null for what the cache leaves to the checks after it: an operation name that is not a string, and
 * variables too deep to write out (they are refused as such).
 */
function keyOf(tag: string, { query, operationName, variables }: GraphQLParams): string | null {
  if (operationName != null && typeof operationName !== "string") return null;
  let variablesText: string;
  try {
    variablesText = JSON.stringify(variables ?? {});
  } catch {
    return null;
  }
  const hash = createHash("sha256")
    .update(tag)
    .update("\n")
    .update(operationName ?? "")
    .update("\n")
    .update(query ?? "")
    .update("\n");
  return `answer:${hash.update(variablesText).digest("base64url")}`;
}
