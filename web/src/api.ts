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

/** The words of an error event's data (GraphQL errors, or their list). */
function dataOfError(data: string): string {
  try {
    const parsed = JSON.parse(data) as GraphQLAnswer<unknown> | { message: string }[];
    const errors = Array.isArray(parsed) ? parsed : (parsed.errors ?? []);
    return errors.map((error) => error.message).join("; ") || data;
  } catch {
    return data;
  }
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
 * data until the stream completes (resolves), or fails or stops short (rejects, in words).
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
  const ended = () => new Error("The catalogue stopped sending before the end (was it restarted?)");
  let buffered = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) throw ended();
      // events end with a blank line, in any of the three line endings
      buffered += value.replace(/\r\n?/g, "\n");
      for (let end = buffered.indexOf("\n\n"); end >= 0; end = buffered.indexOf("\n\n")) {
        const lines = buffered.slice(0, end).split("\n");
        buffered = buffered.slice(end + 2);
        const values = (name: string) => lines.filter((line) => line.startsWith(`${name}:`)).map((line) => line.slice(name.length + 1).replace(/^ /, ""));
        const [event = "message"] = values("event");
        if (event === "complete") return;
        const data = values("data").join("\n");
        if (event === "next" && data) onNext(dataOf(JSON.parse(data) as GraphQLAnswer<Result>, response.status));
        if (event === "error") throw new Error(data ? dataOfError(data) : "The catalogue sent an error");
      }
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

export type Loaded<Result> =
  | { state: "idle" }
  | { state: "loading" }
  /** `stale`: the answer to the variables before, kept (keepPrevious) while these are asked */
  | { state: "done"; data: Result; stale?: boolean }
  | { state: "failed"; error: string; retry: () => void };

interface AnswerOptions {
  /** the admin's token (see ask) */
  token?: string | null;
  /** a change asks again, the variables the same */
  refresh?: number;
  /** while new variables are asked, the answer to the ones before stays shown (marked stale) */
  keepPrevious?: boolean;
}

/**
 * The answer to `document` with `variables` (null: ask nothing), asked again when they change: the
 * answer to other variables is never shown for these (loading until theirs comes, unless
 * keepPrevious), and a stale request is aborted. A failure can be retried.
 */
export function useAnswer<Result, Variables>(
  document: TrustedDocument<Result, Variables>,
  variables: Variables | null,
  { token = null, refresh = 0, keepPrevious = false }: AnswerOptions = {},
): Loaded<Result> {
  const key = variables === null ? null : JSON.stringify([variables, token, refresh]);
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
  if (settled?.key === key && settled.attempt === attempt) return settled.loaded;
  return keepPrevious && settled?.loaded.state === "done" ? { ...settled.loaded, stale: true } : { state: "loading" };
}
