import { useOnResolve } from "@envelop/on-resolve";
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { useDisableIntrospection } from "@graphql-yoga/plugin-disable-introspection";
import { GraphQLError } from "graphql";
import { createYoga, type GraphiQLOptions, type Plugin } from "graphql-yoga";
import { sharedCatalogueVersion } from "./catalogue-version";
import { maskError, useClientErrorStatus, withoutSuggestions, yogaLogger } from "./client-errors";
import { corsPolicy, varyOnOrigin } from "./cors";
import { type Databases, statementsPerRequest } from "./db";
import { outsideRequests, RequestStatements, withinRequest } from "./db/request-scope";
import { catalogueTags, useCatalogueCaching } from "./http-caching";
import type { BackgroundRuns } from "./ingest/background";
import type { Logger } from "./log";
import { queryLimits, useComplexityLimits, useThrownRefusals } from "./query-limits";
import { useRateLimit } from "./rate-limit";
import { type AnswerStore, unlessAnsweredFromCache, useResponseCache } from "./response-cache";
import { RunEvents } from "./run-events";
import { schema } from "./schema";
import { type Context, createContext } from "./schema/context";
import { type TrustedDocuments, useTrustedDocuments } from "./trusted-documents";

export interface ApiOptions {
  /** no GraphiQL, no introspection, no field suggestions, no CORS for localhost unless listed */
  production?: boolean;
  /** origins whose pages may call the API from a browser (CORS_ORIGINS); outside production, localhost's too */
  corsOrigins?: readonly string[];
  /** what the mutations need: the bearer token they require, and where they run the stages; without it they are refused */
  admin?: { token: string; runs: BackgroundRuns };
  /** an operation still running after this long is stopped with a TIMEOUT error, its SQL with it */
  requestTimeoutMs?: number;
  /** requests each client address may make per minute, the admin's aside; none or 0: no limit */
  rateLimitPerMinute?: number;
  /** how often a subscriber's run is read from the database, for runs this server did not start (the CLI's) */
  runPollMs?: number;
  /** the operations front-end apps registered, answered by hash (TRUSTED_DOCUMENTS) */
  trustedDocuments?: TrustedDocuments;
  /** answer trusted documents only, no other (TRUSTED_DOCUMENTS_ONLY) */
  trustedDocumentsOnly?: boolean;
  /** how long browsers and proxies may keep an answer to a GET query before asking again with its ETag (CACHE_MAX_AGE_SECONDS) */
  cacheMaxAgeSeconds?: number;
  /** where queries' answers are kept until the catalogue's version changes (openResponseCache), closed with the API; none: every query is executed */
  responseCache?: AnswerStore;
  /** the artist GraphiQL's first tab looks for (graphiqlWelcome): one of Peloton's by default, one of its own catalogue's in the demo */
  welcomeArtist?: string;
  logger?: Logger;
}

export { queryLimits };

/**
 * Renders GraphiQL from @graphql-yoga/render-graphiql, which holds its scripts, styles and editor
 * workers: Yoga's own page loads them from a CDN and, offline, never gets past "Loading". The 9 MB
 * page is loaded on the first visit (production never serves it) and made once per API.
 */
function graphiqlPage(): (options?: GraphiQLOptions) => Promise<string> {
  let page: Promise<string> | undefined;
  return (options) => (page ??= import("@graphql-yoga/render-graphiql").then(({ renderGraphiQL }) => renderGraphiQL(options)));
}

/** The largest request body: far above any operation within the limits below, far below Yoga's 25 MB. */
export const maxBodyBytes = 1_000_000;

/** What GraphiQL shows in a new tab, where to start: the classes that play `artist`. */
export const graphiqlWelcome = (artist = "daft punk") => {
  const name = JSON.stringify(artist);
  return `# The music of Peloton's classes.
# Ctrl-Enter runs a query; the Docs (book icon)
# describe every field.
# Classes that play an artist, the counts of a
# filter menu, and the songs that matched:
{
  workoutFacets(filter: { artist: ${name} }) {
    total
    disciplines { discipline count }
  }
  workouts(filter: { artist: ${name} }, first: 5) {
    edges {
      node { title instructor { name } pelotonUrl }
      matches { position song { title } }
    }
  }
}
`;
};

/** The GraphQL API over the given databases; GraphiQL on unless in production. */
export function createApi(databases: Pick<Databases, "backend" | "workouts" | "detailed">, options: ApiOptions = {}) {
  const { production = false, corsOrigins = [], requestTimeoutMs = 15_000, rateLimitPerMinute = 0, logger } = options;
  const { trustedDocuments = new Map(), trustedDocumentsOnly = false, cacheMaxAgeSeconds = 60 } = options;
  const runEvents = new RunEvents(options.runPollMs);
  const admin = options.admin && { token: options.admin.token, runs: toldRuns(options.admin.runs, runEvents) };
  const tagOf = catalogueTags(sharedCatalogueVersion(databases.detailed), schema);
  return createYoga<object, Context>({
    schema,
    // GraphiQL sends a subscription as a GET (server-sent events), which CSRF prevention refuses without its header
    graphiql: production
      ? false
      : { title: "Peloton music catalogue", defaultQuery: graphiqlWelcome(options.welcomeArtist), additionalHeaders: { "x-graphql-yoga-csrf": "graphiql" } },
    renderGraphiQL: graphiqlPage(),
    cors: corsPolicy(corsOrigins, { production }),
    maskedErrors: { maskError },
    logging: logger ? yogaLogger(logger) : false,
    // checked from the Content-Length (useBodyLimit) rather than by Yoga counting every body's bytes
    maxRequestBodySize: false,
    context: ({ request }) => createContext(databases, { authorization: request.headers.get("authorization"), admin, runEvents, clientGone: request.signal }),
    plugins: [
      // yoga.dispose(), at shutdown: subscribers' streams end rather than hold the server open until their runs do
      { onDispose: () => runEvents.close() },
      varyOnOrigin,
      ...(rateLimitPerMinute > 0 ? [useRateLimit(rateLimitPerMinute, { adminToken: admin?.token, logger })] : []),
      useBodyLimit(maxBodyBytes),
      useTrustedDocuments(trustedDocuments, { only: trustedDocumentsOnly }),
      csrfPrevention,
      ...(production ? [useDisableIntrospection()] : []),
      EnvelopArmorPlugin({
        maxAliases: { n: queryLimits.aliases },
        maxTokens: { n: queryLimits.tokens },
        maxDirectives: { n: 10 },
        blockFieldSuggestion: { enabled: production },
        // depth and cost: the complexity rule below knows page sizes
        maxDepth: { enabled: false },
        costLimit: { enabled: false },
      }),
      useThrownRefusals,
      // before the limits and the timeout: a 304 or a stored answer needs neither
      useCatalogueCaching({ tagOf, maxAgeSeconds: cacheMaxAgeSeconds }),
      ...(options.responseCache ? [useResponseCache(options.responseCache, { tagOf })] : []),
      unlessAnsweredFromCache(useComplexityLimits(databases.detailed)),
      useRequestTimeout(requestTimeoutMs),
      // the embedded database holds the thread for each statement: the timer may fire late, a check before each resolver does not
      ...(databases.backend === "embedded" ? [checkDeadline] : []),
      useClientErrorStatus(),
      ...(production ? [withoutSuggestions] : []),
    ],
  });
}

/**
 * Yoga's CSRF prevention (a custom header, or a content type a browser must preflight), but for a GET
 * of a trusted document, which must stay a simple request that caches keep: a GET never runs a
 * mutation (Yoga refuses), the document is a query the server knows, and the admin's token is a
 * header no browser adds by itself, so a cross-site GET reads what any anonymous client may.
 */
const csrfPrevention: Plugin = {
  onRequestParse(payload) {
    if (payload.request.method === "GET") {
      const { searchParams } = new URL(payload.request.url);
      if (searchParams.has("documentId") && !searchParams.has("query")) return;
    }
    return csrfRequired.onRequestParse?.(payload);
  },
};
const csrfRequired = useCSRFPrevention();

/**
 * The runs a mutation starts outlive its request (their statements must not stop with it), and tell
 * this API's subscribers (ingestRun) of each change.
 */
const toldRuns = (runs: BackgroundRuns, events: RunEvents): BackgroundRuns => ({
  start: (stage, input) => outsideRequests(() => runs.start(stage, input, events.publish)),
  stop: () => runs.stop(),
});

/**
 * Refuses a POST body over `limit` bytes (413) from its Content-Length, which a POST must carry (411
 * without one; clients send it for any body they do not stream): Node's HTTP parser reads exactly
 * that many bytes. Yoga's own limit (maxRequestBodySize) pipes every body through a TransformStream
 * to count its bytes, which cost a tenth of a small request's CPU.
 */
function useBodyLimit(limit: number): Plugin {
  const refuse = (status: number, code: string, message: string) => new GraphQLError(message, { extensions: { code, http: { status } } });
  return {
    onRequestParse({ request }) {
      if (request.method !== "POST") return;
      const length = request.headers.get("content-length");
      if (length === null) throw refuse(411, "LENGTH_REQUIRED", "A POST needs a Content-Length header");
      if (!/^\d+$/.test(length)) throw refuse(400, "BAD_REQUEST", "The Content-Length header is invalid");
      if (Number(length) > limit) throw refuse(413, "REQUEST_ENTITY_TOO_LARGE", `The request body is over ${limit} bytes`);
    },
  };
}

// why an answer that ended early stops what still resolves: made once
const answered = new GraphQLError("The operation was answered", { extensions: { code: "ANSWERED" } });

const hasErrors = (result: unknown) => Array.isArray((result as { errors?: unknown } | null)?.errors);

interface Deadline {
  deadline?: { at: number; stop: () => void };
}

/**
 * Stops an operation that runs too long (or whose client went away), its SQL with it; a timeout
 * answers TIMEOUT once none of its statements runs any more (see db/request-scope: on PostgreSQL
 * the running ones are cancelled, on either database the rest are refused). The timer fires between
 * the embedded database's statements too, which take turns with a pass through the event loop; a
 * check before each resolver (checkDeadline) covers resolvers that reach no database.
 */
function useRequestTimeout(ms: number): Plugin<Deadline> {
  return {
    onExecute({ args, extendContext, executeFn, setExecuteFn }) {
      const statements = new RequestStatements(statementsPerRequest);
      // the executor's signal: it stops waiting for the resolvers and answers the reason
      const cancel = new AbortController();
      const stopWith = (reason: unknown) => {
        statements.stop();
        cancel.abort(reason);
      };
      const stop = () =>
        stopWith(new GraphQLError(`The operation took longer than ${ms} ms and was stopped`, { extensions: { code: "TIMEOUT", http: { status: 503 } } }));
      const timer = setTimeout(stop, ms);
      extendContext({ deadline: { at: performance.now() + ms, stop } });
      // joined by hand: on Node 20, AbortSignal.any keeps each signal it makes, with the executor's
      // listeners, alive until it aborts, a few KiB per request for good (nodejs/node#54614)
      const clientGone = (args.contextValue as { request?: Request }).request?.signal;
      const onClientGone = () => stopWith(clientGone?.reason);
      if (clientGone?.aborted) onClientGone();
      else clientGone?.addEventListener("abort", onClientGone, { once: true });
      // graphql-tools' executor (Yoga's) reads this, as Yoga's own useExecutionCancellation sets it
      Object.assign(args, { signal: cancel.signal });
      setExecuteFn(async (executionArgs) => {
        try {
          const result = await withinRequest(statements, () => executeFn(executionArgs));
          // answered early: a field that failed where null was not allowed ends the execution while its
          // siblings still resolve, and the executor starts no more of them once its signal aborts
          if (hasErrors(result)) cancel.abort(answered);
          return result;
        } catch (error) {
          cancel.abort(answered);
          throw error;
        } finally {
          // nothing of the request may reach the database after its answer
          statements.stop();
          await statements.settled();
        }
      });
      return {
        onExecuteDone: () => {
          clearTimeout(timer);
          clientGone?.removeEventListener("abort", onClientGone);
        },
      };
    },
  };
}

// One instance for every embedded server: it wraps the shared schema's resolvers, once. Only there: a
// hook around every resolver costs a sixth of a small request's CPU.
const checkDeadline = useOnResolve<Deadline>(({ context: { deadline } }) => {
  if (deadline && performance.now() > deadline.at) deadline.stop();
});
