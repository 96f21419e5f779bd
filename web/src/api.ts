import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { useEffect, useState } from "react";

/** A document of ./graphql: the client preset replaced its text with its hash (the server's trusted document). */
export type TrustedDocument<Result, Variables> = TypedDocumentNode<Result, Variables> & { __meta__?: { hash?: string } };

interface GraphQLAnswer<Result> {
  data?: Result | null;
  errors?: { message: string }[];
}

interface AskOptions {
  signal?: AbortSignal;
  /** the admin's token, sent as a bearer header (its answers are never cached) */
  token?: string | null;
  /** a mutation: POST (a GET never runs one) */
  post?: boolean;
}

/** The request for a trusted document by its hash: a GET that caches keep, or a POST for a mutation. */
function request(document: { __meta__?: { hash?: string } }, variables: unknown, { signal, token, post }: AskOptions, accept: string): [string, RequestInit] {
  const hash = document.__meta__?.hash;
  if (!hash) throw new Error("This document has no hash: run npm run codegen");
  const headers: Record<string, string> = { accept, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  if (post)
    return [
      "/graphql",
      { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ documentId: hash, variables }), signal },
    ];
  const url = `/graphql?documentId=${encodeURIComponent(hash)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
  return [url, { headers, signal, ...(token ? { cache: "no-store" } : {}) }];
}

async function reach(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new Error(`Could not reach the catalogue (${(error as Error).message}): is it running?`);
  }
}

/** The data of a GraphQL answer; its errors, in the server's words, thrown. */
function dataOf<Result>(answer: GraphQLAnswer<Result> | null, status: number): Result {
  if (answer?.errors?.length) throw new Error(answer.errors.map((error) => error.message).join("; "));
  if (!answer?.data) throw new Error(`The catalogue answered ${status} without data`);
  return answer.data;
}

/**
 * Asks the API for a trusted document by its hash (the server answers `documentId` without the
 * document's text); the answer's errors, or a failed request, are thrown with the server's words.
 */
export async function ask<Result, Variables>(document: TrustedDocument<Result, Variables>, variables: Variables, options: AskOptions = {}): Promise<Result> {
  const response = await reach(...request(document, variables, options, "application/graphql-response+json, application/json"));
  let answer: GraphQLAnswer<Result> | null;
  try {
    answer = await response.json();
  } catch {
    throw new Error(`The catalogue answered ${response.status} ${response.statusText}, not GraphQL`);
  }
  return dataOf(answer, response.status);
}

/**
 * Follows a subscription (a trusted document) over server-sent events: `onNext` with each answer's
 * data until the stream ends (resolves) or fails (rejects, with the server's words).
 */
export async function follow<Result, Variables>(
  document: TrustedDocument<Result, Variables>,
  variables: Variables,
  onNext: (data: Result) => void,
  options: Omit<AskOptions, "post"> = {},
): Promise<void> {
  const response = await reach(...request(document, variables, options, "text/event-stream"));
  if (!response.body || !response.headers.get("content-type")?.startsWith("text/event-stream")) {
    dataOf((await response.json().catch(() => null)) as GraphQLAnswer<Result> | null, response.status);
    throw new Error(`The catalogue answered ${response.status} without a stream`);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffered += value;
    for (let end = buffered.indexOf("\n\n"); end >= 0; end = buffered.indexOf("\n\n")) {
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const field = (name: string) =>
        block
          .split("\n")
          .find((line) => line.startsWith(`${name}:`))
          ?.slice(name.length + 1)
          .trim();
      const event = field("event");
      if (event === "complete") return;
      const data = field("data");
      if (event === "next" && data) onNext(dataOf(JSON.parse(data) as GraphQLAnswer<Result>, response.status));
    }
  }
}

export type Loaded<Result> = { state: "idle" } | { state: "loading" } | { state: "done"; data: Result } | { state: "failed"; error: string; retry: () => void };

/**
 * The answer to `document` with `variables` (null: ask nothing), asked again when they change: the
 * answer to other variables is never shown for these (loading until theirs comes), and a stale
 * request is aborted. A failure can be retried.
 */
export function useAnswer<Result, Variables>(document: TrustedDocument<Result, Variables>, variables: Variables | null, token?: string | null): Loaded<Result> {
  const key = variables === null ? null : JSON.stringify([variables, token ?? null]);
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<{ key: string; attempt: number; loaded: Loaded<Result> } | null>(null);
  useEffect(() => {
    if (key === null) return;
    const stale = new AbortController();
    const [asked, bearer] = JSON.parse(key) as [Variables, string | null];
    ask(document, asked, { signal: stale.signal, token: bearer }).then(
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
