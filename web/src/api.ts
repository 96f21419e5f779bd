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
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/graphql-response+json, application/json" }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new Error(`Could not reach the catalogue (${(error as Error).message}): is it running?`);
  }
  let answer: GraphQLAnswer<Result> | null;
  try {
    answer = await response.json();
  } catch {
    throw new Error(`The catalogue answered ${response.status} ${response.statusText}, not GraphQL`);
  }
  if (answer?.errors?.length) throw new Error(answer.errors.map((error) => error.message).join("; "));
  if (!answer?.data) throw new Error(`The catalogue answered ${response.status} without data`);
  return answer.data;
}

export type Loaded<Result> = { state: "idle" } | { state: "loading" } | { state: "done"; data: Result } | { state: "failed"; error: string; retry: () => void };

/**
 * The answer to `document` with `variables` (null: ask nothing), asked again when they change: the
 * answer to other variables is never shown for these (loading until theirs comes), and a stale
 * request is aborted. A failure can be retried.
 */
export function useAnswer<Result, Variables>(document: TrustedDocument<Result, Variables>, variables: Variables | null): Loaded<Result> {
  const key = variables === null ? null : JSON.stringify(variables);
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<{ key: string; attempt: number; loaded: Loaded<Result> } | null>(null);
  useEffect(() => {
    if (key === null) return;
    const stale = new AbortController();
    ask(document, JSON.parse(key) as Variables, stale.signal).then(
      (data) => {
        if (!stale.signal.aborted) setSettled({ key, attempt, loaded: { state: "done", data } });
      },
      (error: Error) => {
        const retry = () => setAttempt((n) => n + 1);
        if (!stale.signal.aborted) setSettled({ key, attempt, loaded: { state: "failed", error: error.message, retry } });
      },
    );
    return () => stale.abort();
  }, [document, key, attempt]);
  if (key === null) return { state: "idle" };
  return settled?.key === key && settled.attempt === attempt ? settled.loaded : { state: "loading" };
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
