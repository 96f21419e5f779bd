import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { useEffect, useState } from "react";

/** A document of ./graphql: the client preset replaced its text with its hash (the server's trusted document). */
type TrustedDocument<Result, Variables> = TypedDocumentNode<Result, Variables> & { __meta__?: { hash?: string } };

interface GraphQLAnswer<Result> {
  data?: Result | null;
  errors?: { message: string }[];
}

/**
 * Asks the API for a trusted document by its hash, as a GET that caches keep (the server answers
 * `documentId` without the document's text); the answer's errors, or a failed request, are thrown
 * with the server's words.
 */
export async function ask<Result, Variables>(document: TrustedDocument<Result, Variables>, variables: Variables, signal?: AbortSignal): Promise<Result> {
  const hash = document.__meta__?.hash;
  if (!hash) throw new Error("This document has no hash: run npm run codegen");
  const url = `/graphql?documentId=${encodeURIComponent(hash)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
  const response = await fetch(url, { headers: { accept: "application/graphql-response+json, application/json" }, signal });
  let answer: GraphQLAnswer<Result>;
  try {
    answer = await response.json();
  } catch {
    throw new Error(`The catalogue answered ${response.status} ${response.statusText}, not GraphQL`);
  }
  if (answer.errors?.length) throw new Error(answer.errors.map((error) => error.message).join("; "));
  if (!answer.data) throw new Error(`The catalogue answered ${response.status} without data`);
  return answer.data;
}

export type Loaded<Result> = { state: "idle" } | { state: "loading" } | { state: "done"; data: Result } | { state: "failed"; error: string };

/** The answer to `document` with `variables` (null: ask nothing), asked again when they change; a stale request is aborted. */
export function useAnswer<Result, Variables>(document: TrustedDocument<Result, Variables>, variables: Variables | null): Loaded<Result> {
  const key = variables === null ? null : JSON.stringify(variables);
  const [loaded, setLoaded] = useState<Loaded<Result>>({ state: "idle" });
  useEffect(() => {
    if (key === null) {
      setLoaded({ state: "idle" });
      return;
    }
    const stale = new AbortController();
    setLoaded({ state: "loading" });
    ask(document, JSON.parse(key) as Variables, stale.signal).then(
      (data) => setLoaded({ state: "done", data }),
      (error: Error) => {
        if (!stale.signal.aborted) setLoaded({ state: "failed", error: error.message });
      },
    );
    return () => stale.abort();
  }, [document, key]);
  return loaded;
}

/** `value`, once it has stayed the same for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
