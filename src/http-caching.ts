import { createHash } from "node:crypto";
import { type DocumentNode, type GraphQLSchema, printSchema, TypeInfo, visit, visitWithTypeInfo } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * Declared on a field whose answer is not the catalogue's (an ingestion run's progress): the
 * catalogue's version does not follow it, so an answer that selects it is never cached.
 */
export const notCached = { cacheControl: { maxAge: 0 } } as const;

interface Answer {
  etag: string;
  /** the client holds this answer already (If-None-Match): it was not executed */
  notModified: boolean;
}

/** Marks a result the response cache (src/response-cache.ts) served: cacheable, since it stores nothing else. */
export const answeredFromCache = Symbol("answered from the response cache");

const schemaTags = new WeakMap<GraphQLSchema, string>();

/**
 * What names the catalogue's answers as a request sees them: the catalogue's version, read once per
 * request (the ETag and the response cache share it), and a hash of the schema, so that another build's
 * answers are not taken for this one's. Null while the catalogue has no version (nothing ingested yet,
 * a backup restored from before it was kept) or its version cannot be read.
 */
export function catalogueTags(version: () => Promise<string | null>, schema: GraphQLSchema): (request: Request) => Promise<string | null> {
  let schemaTag = schemaTags.get(schema);
  if (schemaTag === undefined) {
    schemaTag = createHash("sha256").update(printSchema(schema)).digest("base64url").slice(0, 10);
    schemaTags.set(schema, schemaTag);
  }
  const tags = new WeakMap<Request, Promise<string | null>>();
  return (request) => {
    let tag = tags.get(request);
    if (!tag) {
      // the answer does not depend on the version: a failed read only leaves it uncached (the query reports a database that is down)
      tag = version().then(
        (current) => (current === null ? null : `${current}-${schemaTag}`),
        () => null,
      );
      tags.set(request, tag);
    }
    return tag;
  };
}

/**
 * HTTP caching of GET queries, tied to the catalogue's version (`tagOf`, which every ingestion commit
 * changes): `ETag` and `Cache-Control: public, max-age=<maxAgeSeconds>`; a request whose If-None-Match
 * holds the current ETag answers 304 without executing. Never cached (no-store): a request carrying
 * Authorization, an answer with errors, and one selecting an admin-scoped or `notCached` field, and any
 * answer while the catalogue has no version or its version cannot be read. The ETag is the same for
 * every URL at one version (validators are per URL). An answer the response cache served gets the same
 * headers.
 */
export function useCatalogueCaching({ tagOf, maxAgeSeconds }: { tagOf: (request: Request) => Promise<string | null>; maxAgeSeconds: number }): Plugin {
  const answers = new WeakMap<Request, Answer>();
  const answerTo = (request: Request, tag: string): Answer => {
    const etag = `"${tag}"`;
    return { etag, notModified: heldAlready(request.headers.get("if-none-match"), etag) };
  };
  const mayCache = (request: Request | undefined): request is Request => request?.method === "GET" && !request.headers.has("authorization");
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (!mayCache(request) || !cacheableDocument(args.schema, args.document)) return;
      const tag = await tagOf(request);
      if (tag === null) return;
      const answer = answerTo(request, tag);
      answers.set(request, answer);
      if (answer.notModified) setResultAndStopExecution({ data: null });
    },
    async onExecutionResult({ request, result }) {
      if (result && "errors" in result && result.errors?.length) answers.delete(request);
      else if (result && answeredFromCache in result && mayCache(request)) {
        const tag = await tagOf(request);
        if (tag !== null) answers.set(request, answerTo(request, tag));
      }
    },
    onResponse({ request, response, setResponse }) {
      // GraphQL's answers only (JSON): not GraphiQL's page, nor a subscription's events
      if (request.method !== "GET" || !/json/.test(response.headers.get("content-type") ?? "")) return;
      const answer = answers.get(request);
      if (!answer || response.status !== 200) {
        response.headers.set("cache-control", "no-store");
        return;
      }
      response.headers.set("etag", answer.etag);
      response.headers.set("cache-control", `public, max-age=${maxAgeSeconds}`);
      // the answer's media type follows Accept (application/json or application/graphql-response+json)
      response.headers.append("vary", "Accept");
      if (answer.notModified) {
        const headers = new Headers(response.headers);
        headers.delete("content-type");
        headers.delete("content-length");
        setResponse(new Response(null, { status: 304, headers }));
      }
    },
  };
}

/** Whether an If-None-Match header holds this ETag (or `*`); weak tags compare as their strong form. */
function heldAlready(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed.replace(/^W\//, "") === etag;
  });
}

// by document: Yoga's parser cache hands out one object per document text, and the schema is one
const cacheable = new WeakMap<DocumentNode, boolean>();

/** Whether a document may be cached (its answers stored, named by the catalogue's version), remembered per document. */
export function cacheableDocument(schema: GraphQLSchema, document: DocumentNode): boolean {
  let selectsCached = cacheable.get(document);
  if (selectsCached === undefined) {
    selectsCached = onlyCachedFields(schema, document);
    cacheable.set(document, selectsCached);
  }
  return selectsCached;
}

/** Whether a document selects no field that is admin-scoped or declared notCached. */
export function onlyCachedFields(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let cached = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const extensions = typeInfo.getFieldDef()?.extensions as { cacheControl?: { maxAge?: number }; pothosOptions?: { authScopes?: unknown } } | undefined;
        if (extensions?.cacheControl?.maxAge === 0 || extensions?.pothosOptions?.authScopes !== undefined) cached = false;
      },
    }),
  );
  return cached;
}
