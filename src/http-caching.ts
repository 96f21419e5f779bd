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

/**
 * HTTP caching of GET queries, tied to the catalogue's version (`version`, which every ingestion
 * commit changes): `ETag` and `Cache-Control: public, max-age=<maxAgeSeconds>`; a request whose
 * If-None-Match holds the current ETag answers 304 without executing. Never cached (no-store): a
 * request carrying Authorization, an answer with errors, and one selecting an admin-scoped or
 * `notCached` field, and any answer while the catalogue has no version (nothing ingested yet, a backup
 * restored from before it was kept) or its version cannot be read. The ETag is the same for every URL
 * at one version (validators are per URL) and changes with the schema, so that another build's answers
 * are not taken for this one's.
 */
export function useCatalogueCaching({ version, maxAgeSeconds }: { version: () => Promise<string | null>; maxAgeSeconds: number }): Plugin {
  const answers = new WeakMap<Request, Answer>();
  const cacheable = new WeakMap<DocumentNode, boolean>();
  let schemaTag: string | undefined;
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (request?.method !== "GET" || request.headers.has("authorization")) return;
      let selectsCached = cacheable.get(args.document);
      if (selectsCached === undefined) {
        selectsCached = onlyCachedFields(args.schema, args.document);
        cacheable.set(args.document, selectsCached);
      }
      if (!selectsCached) return;
      schemaTag ??= createHash("sha256").update(printSchema(args.schema)).digest("base64url").slice(0, 10);
      // the answer does not depend on the version: a failed read only leaves it uncached (the query reports a database that is down)
      const current = await version().catch(() => null);
      if (current === null) return;
      const etag = `"${current}-${schemaTag}"`;
      const notModified = heldAlready(request.headers.get("if-none-match"), etag);
      answers.set(request, { etag, notModified });
      if (notModified) setResultAndStopExecution({ data: null });
    },
    onExecutionResult({ request, result }) {
      if (result && "errors" in result && result.errors?.length) answers.delete(request);
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

/** Whether a document selects no field that is admin-scoped or declared notCached. */
function onlyCachedFields(schema: GraphQLSchema, document: DocumentNode): boolean {
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
