import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type FormattedExecutionResult, print } from "graphql";
import type { createApi } from "../../src/server";

interface Options {
  headers?: Record<string, string>;
}

/**
 * Sends an operation through the API's fetch (no port), as a client would, and answers its typed result.
 * Pass a document from `graphql()` in test/graphql; a plain string only for a query codegen must not see
 * (one that is deliberately invalid). Variables may be left out when the operation needs none.
 */
export async function execute<TResult = unknown, TVariables = Record<string, unknown>>(
  api: ReturnType<typeof createApi>,
  document: TypedDocumentNode<TResult, TVariables> | string,
  ...[variables, { headers = {} } = {}]: Record<string, never> extends TVariables
    ? [variables?: TVariables, options?: Options]
    : [variables: TVariables, options?: Options]
): Promise<FormattedExecutionResult<TResult>> {
  const response = await api.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query: typeof document === "string" ? document : print(document), variables: variables ?? {} }),
  });
  return response.json();
}
