import { readFile } from "node:fs/promises";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import { type DocumentNode, GraphQLError, parse } from "graphql";
import type { GraphQLParams, Plugin } from "graphql-yoga";
import { type Config, ConfigError } from "./config";

/**
 * The operations front-end apps registered, by hash: GraphQL Code Generator's client preset writes
 * them to persisted-documents.json (presetConfig: { persistedDocuments: true }), a JSON object of
 * hash -> document. Parsed once, at start-up.
 */
export type TrustedDocuments = ReadonlyMap<string, DocumentNode>;

/** The manifests TRUSTED_DOCUMENTS lists, merged; a file that cannot be read or holds anything else is a ConfigError naming it. */
export async function loadTrustedDocuments(paths: readonly string[]): Promise<TrustedDocuments> {
  const documents = new Map<string, { document: DocumentNode; text: string; file: string }>();
  for (const file of paths) {
    const problem = (what: string) => new ConfigError(`TRUSTED_DOCUMENTS: ${file} ${what}`);
    let manifest: unknown;
    try {
      manifest = JSON.parse(await readFile(file, "utf8"));
    } catch (error) {
      throw problem(`cannot be read as JSON (${(error as Error).message})`);
    }
    if (!manifest || typeof manifest !== "object" || Array.isArray(manifest)) {
      throw problem("is not a manifest of documents by hash: GraphQL Code Generator's persisted-documents.json is a JSON object of hash -> document");
    }
    for (const [hash, text] of Object.entries(manifest)) {
      if (typeof text !== "string") throw problem(`gives document ${hash} as ${typeof text}, not as the document's text`);
      let document: DocumentNode;
      try {
        document = parse(text);
      } catch (error) {
        throw problem(`holds document ${hash}, which is not GraphQL: ${(error as Error).message}`);
      }
      const known = documents.get(hash);
      if (known && known.text !== text) throw problem(`gives document ${hash} another text than ${known.file} does`);
      documents.set(hash, { document, text, file });
    }
  }
  return new Map([...documents].map(([hash, { document }]) => [hash, document]));
}

/** What createApi takes of the configuration's trusted documents: the manifests read, and whether they are all it answers. */
export async function trustedDocumentsOf(config: Pick<Config, "trustedDocuments" | "trustedDocumentsOnly">) {
  if (config.trustedDocumentsOnly && config.trustedDocuments.length === 0) {
    throw new ConfigError(
      "TRUSTED_DOCUMENTS_ONLY=true answers only the documents of TRUSTED_DOCUMENTS, which lists none: list the apps' persisted-documents.json files there.",
    );
  }
  return { trustedDocuments: await loadTrustedDocuments(config.trustedDocuments), trustedDocumentsOnly: config.trustedDocumentsOnly };
}

/** The trusted document a request names: `documentId` in the body or the query string (the client preset's), or an APQ-style persistedQuery extension. */
export function documentIdOf(params: GraphQLParams & { documentId?: unknown }, request: Request): string | null {
  if (typeof params.documentId === "string") return params.documentId;
  if (request.method === "GET") {
    const inUrl = new URL(request.url).searchParams.get("documentId");
    if (inUrl !== null) return inUrl;
  }
  const persisted = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  return typeof persisted === "string" ? persisted : null;
}

const refusal = (message: string, code: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/**
 * Answers requests that name a trusted document by its hash (GET /graphql?documentId=<hash>&variables=...,
 * or the same in a POST body); other documents are answered too unless `only` (GraphiQL sends them).
 */
export function useTrustedDocuments(documents: TrustedDocuments, { only }: { only: boolean }): Plugin {
  return usePersistedOperations({
    allowArbitraryOperations: !only,
    extractPersistedOperationId: (params, request) => documentIdOf(params, request),
    getPersistedOperation: (id) => documents.get(id) ?? null,
    customErrors: {
      notFound: ({ params, request }) =>
        refusal(
          `There is no trusted document ${JSON.stringify(documentIdOf(params, request))}: the server knows the documents of the manifests that TRUSTED_DOCUMENTS lists ` +
            "(GraphQL Code Generator's persisted-documents.json); add the app's manifest there and restart it.",
          "PERSISTED_QUERY_NOT_FOUND",
        ),
      keyNotFound: () =>
        refusal(
          only
            ? "Send the documentId of a trusted document (this server answers no other documents)."
            : "Send a GraphQL document as `query`, or the hash of a trusted document as `documentId`.",
          only ? "PERSISTED_QUERY_ID_REQUIRED" : "BAD_REQUEST",
        ),
      persistedQueryOnly: () =>
        refusal(
          "This server answers trusted documents only: send the documentId of one (its hash in the app's persisted-documents.json), not a query.",
          "PERSISTED_QUERY_ONLY",
        ),
    },
  });
}
