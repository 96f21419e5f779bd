import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type FormattedExecutionResult, print } from "graphql";
import { type BackgroundRuns, backgroundRuns } from "../../src/ingest/background";
import { createApi } from "../../src/server";
import { graphql } from "../graphql";
import { execute } from "../support/graphql";
import { useIngestFixture } from "../support/ingest";

const f = useIngestFixture({ classes: 60, disciplines: ["cycling"] });
const token = "test-admin-token-0123456789";
const asAdmin = { authorization: `Bearer ${token}` };

let runs: BackgroundRuns | undefined;

const FollowRun = graphql(`
  subscription RunSubscriptionFollow($id: ID!) { ingestRun(id: $id) { id stage status seen new processed failed total errorCode error } }
`);
const RunNow = graphql(`query RunSubscriptionNow($id: ID!) { ingestRun(id: $id) { status errorCode error } }`);
const SyncWorkouts = graphql(`mutation RunSubscriptionSync($input: SyncWorkoutsInput) { syncWorkouts(input: $input) { id status } }`);
const ProcessDetails = graphql(`mutation RunSubscriptionDetails { processDetails { id status } }`);

interface ServerSentEvent<TResult> {
  event: string;
  /** a `next` event's result */
  result?: FormattedExecutionResult<TResult>;
}

/**
 * Subscribes over server-sent events, as GraphiQL and EventSource clients do: answers the response
 * and its events as they come.
 */
async function subscribe<TResult, TVariables>(
  api: ReturnType<typeof createApi>,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  headers: Record<string, string> = {},
) {
  const response = await api.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", ...headers },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return { response, events: serverSentEvents<TResult>(response) };
}

async function* serverSentEvents<TResult>(response: Response): AsyncGenerator<ServerSentEvent<TResult>> {
  const decoder = new TextDecoder();
  let buffered = "";
  for await (const chunk of response.body!) {
    buffered += decoder.decode(chunk as Uint8Array, { stream: true });
    for (let end = buffered.indexOf("\n\n"); end >= 0; end = buffered.indexOf("\n\n")) {
      const lines = buffered.slice(0, end).split("\n");
      buffered = buffered.slice(end + 2);
      const field = (name: string) =>
        lines
          .filter((line) => line.startsWith(`${name}:`))
          .map((line) => line.slice(name.length + 1).trimStart())
          .join("\n");
      // lines starting with ":" are Yoga's keep-alive pings
      if (!lines.some((line) => line.startsWith("event:"))) continue;
      const event = field("event");
      yield event === "next" ? { event, result: JSON.parse(field("data")) } : { event };
    }
  }
}

/** Every event until the stream ends, which it must within 30 s. */
async function allEvents<TResult>(events: AsyncGenerator<ServerSentEvent<TResult>>) {
  const seen: ServerSentEvent<TResult>[] = [];
  const timer = setTimeout(() => void events.return(undefined), 30_000);
  try {
    for await (const event of events) seen.push(event);
  } finally {
    clearTimeout(timer);
  }
  return seen;
}

async function nextEvent<TResult>(events: AsyncGenerator<ServerSentEvent<TResult>>) {
  const { value, done } = await events.next();
  if (done) throw new Error("the stream ended");
  return value;
}

describe("the ingestRun subscription", () => {
  afterEach(() => runs?.stop());

  it("follows a run a mutation started from QUEUED to SUCCEEDED, told by the stage as it writes the run, then ends", async () => {
    runs = backgroundRuns(await f.deps());
    // no polling within the test's time: only the runner's own updates can reach the subscriber
    const api = createApi(f.db, { admin: { token, runs }, runPollMs: 600_000 });
    const sync = await execute(api, SyncWorkouts, { input: { category: ["cycling"], full: true } }, { headers: asAdmin });
    const { id } = sync.data!.syncWorkouts;
    const { response, events } = await subscribe(api, FollowRun, { id });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const seen = await allEvents(events);

    expect(seen.at(-1)).toEqual({ event: "complete" });
    const updates = seen.slice(0, -1).map(({ event, result }) => {
      expect(event).toBe("next");
      expect(result!.errors).toBeUndefined();
      return result!.data!.ingestRun;
    });
    expect(updates.map((run) => run.status)).toEqual(expect.arrayContaining(["SUCCEEDED"]));
    const statuses = [...new Set(updates.map((run) => run.status))];
    expect(["QUEUED,RUNNING,SUCCEEDED", "RUNNING,SUCCEEDED", "QUEUED,SUCCEEDED"]).toContain(statuses.join(","));
    expect(updates.at(-1)).toMatchObject({ id, stage: "SYNC_WORKOUTS", status: "SUCCEEDED", seen: 60, new: 60, failed: 0, errorCode: null, error: null });
    // each update differs from the one before; the counts only grow
    for (let i = 1; i < updates.length; i++) {
      expect(updates[i]).not.toEqual(updates[i - 1]);
      expect(updates[i]!.seen).toBeGreaterThanOrEqual(updates[i - 1]!.seen);
    }
  });

  it("follows a details run with its progress counts", async () => {
    runs = backgroundRuns(await f.deps());
    const api = createApi(f.db, { admin: { token, runs }, runPollMs: 600_000 });
    const sync = await execute(api, SyncWorkouts, { input: { category: ["cycling"], full: true } }, { headers: asAdmin });
    await allEvents((await subscribe(api, FollowRun, { id: sync.data!.syncWorkouts.id })).events);

    const details = await execute(api, ProcessDetails, {}, { headers: asAdmin });
    const seen = await allEvents((await subscribe(api, FollowRun, { id: details.data!.processDetails.id })).events);
    const updates = seen.flatMap(({ result }) => (result ? [result.data!.ingestRun] : []));
    expect(seen.at(-1)).toEqual({ event: "complete" });
    expect(updates.at(-1)).toMatchObject({ stage: "PROCESS_DETAILS", status: "SUCCEEDED", processed: 60, failed: 0, total: 60 });
    // the runner's progress, not only its start and end
    expect(updates.filter((run) => run.status === "RUNNING" && run.processed > 0 && run.processed < 60).length).toBeGreaterThan(0);
  });

  it("follows a run another process writes (the CLI's) by reading its row", async () => {
    const api = createApi(f.db, { runPollMs: 50 });
    const run = await f.db.workouts.ingestRun.create({ data: { stage: "PROCESS_DETAILS", status: "QUEUED", options: {} } });
    const { events } = await subscribe(api, FollowRun, { id: String(run.id) });
    expect((await nextEvent(events)).result!.data!.ingestRun).toMatchObject({ status: "QUEUED", processed: 0 });

    await f.db.workouts.ingestRun.update({ where: { id: run.id }, data: { status: "RUNNING", startedAt: new Date(), processed: 5, total: 9 } });
    expect((await nextEvent(events)).result!.data!.ingestRun).toMatchObject({ status: "RUNNING", processed: 5, total: 9 });
    // a heartbeat alone is no update
    await f.db.workouts.ingestRun.update({ where: { id: run.id }, data: { heartbeatAt: new Date() } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await f.db.workouts.ingestRun.update({ where: { id: run.id }, data: { status: "SUCCEEDED", processed: 9, finishedAt: new Date() } });
    expect(await allEvents(events)).toEqual([
      { event: "next", result: { data: { ingestRun: expect.objectContaining({ status: "SUCCEEDED", processed: 9 }) } } },
      { event: "complete" },
    ]);
  });

  it("answers a run that has ended once, and an unknown run with an error event", async () => {
    const api = createApi(f.db);
    const run = await f.db.workouts.ingestRun.create({ data: { stage: "SYNC_WORKOUTS", status: "CANCELLED", options: {}, finishedAt: new Date() } });
    expect(await allEvents((await subscribe(api, FollowRun, { id: String(run.id) })).events)).toEqual([
      { event: "next", result: { data: { ingestRun: expect.objectContaining({ status: "CANCELLED" }) } } },
      { event: "complete" },
    ]);
    for (const id of [String(run.id + 1), "not-a-run"]) {
      expect(await allEvents((await subscribe(api, FollowRun, { id })).events)).toEqual([
        {
          event: "next",
          result: {
            errors: [expect.objectContaining({ message: `There is no ingestion run ${id}: ingestRuns lists them.`, extensions: { code: "NOT_FOUND" } })],
          },
        },
        { event: "complete" },
      ]);
    }
  });

  it("shows a failed run's detail to the admin only, as the query does", async () => {
    runs = backgroundRuns(await f.deps());
    const api = createApi(f.db, { admin: { token, runs } });
    const run = await f.db.workouts.ingestRun.create({
      data: {
        stage: "SYNC_WORKOUTS",
        status: "FAILED",
        options: {},
        errorCode: "AUTH_FAILED",
        error: "Peloton refused someone@example.com",
        finishedAt: new Date(),
      },
    });
    const id = String(run.id);
    for (const headers of [{}, asAdmin, { authorization: `Bearer ${token}x` }]) {
      const queried = await execute(api, RunNow, { id }, { headers });
      const [followed] = await allEvents((await subscribe(api, FollowRun, { id }, headers)).events);
      expect(followed!.result!.data!.ingestRun).toMatchObject(queried.data!.ingestRun!);
      expect(followed!.result!.data!.ingestRun.error).toBe(
        headers === asAdmin ? "Peloton refused someone@example.com" : "Peloton refused the catalogue's login.",
      );
    }
  });
});
