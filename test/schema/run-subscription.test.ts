import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type FormattedExecutionResult, print } from "graphql";
import { type BackgroundRuns, backgroundRuns } from "../../src/ingest/background";
import { RunEvents } from "../../src/run-events";
import { createApi } from "../../src/server";
import { graphql } from "../graphql";
import { openTestDatabases, type TestDatabases } from "../support/databases";
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

describe("following runs", () => {
  // statements reading runs, counted on databases of their own
  let db: TestDatabases;
  let runReads = 0;
  beforeAll(async () => {
    db = await openTestDatabases({ onQuery: (database, sql) => void (database === "workouts" && /FROM "public"\."ingest_runs"/.test(sql) && runReads++) });
  });
  afterAll(() => db?.dispose());
  afterEach(() => db.reset());

  const runningElsewhere = (heartbeatAt = new Date()) =>
    db.workouts.ingestRun.create({
      data: { stage: "PROCESS_DETAILS", status: "RUNNING", options: {}, owner: "pid 1 on another-host", startedAt: heartbeatAt, heartbeatAt },
    });
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it("reads a run once for all its subscribers, and stops when the last leaves", async () => {
    const api = createApi(db, { runPollMs: 50 });
    const run = await runningElsewhere();
    const followers = await Promise.all(Array.from({ length: 10 }, () => subscribe(api, FollowRun, { id: String(run.id) })));
    for (const { events } of followers) expect((await nextEvent(events)).result!.data!.ingestRun).toMatchObject({ status: "RUNNING" });

    runReads = 0;
    await pause(600);
    // about 12 polls of 50 ms for the run, whatever the number of subscribers (each reading it made 120)
    expect(runReads).toBeGreaterThan(3);
    expect(runReads).toBeLessThan(20);

    await db.workouts.ingestRun.update({ where: { id: run.id }, data: { processed: 4, heartbeatAt: new Date() } });
    for (const { events } of followers) expect((await nextEvent(events)).result!.data!.ingestRun).toMatchObject({ status: "RUNNING", processed: 4 });

    await Promise.all(followers.map(({ events }) => events.return(undefined)));
    await pause(100);
    runReads = 0;
    await pause(300);
    expect(runReads).toBe(0);
  });

  it("ends the stream of a run whose process died, marked ABANDONED as the stages mark it", async () => {
    const api = createApi(db, { runPollMs: 50 });
    const run = await runningElsewhere(new Date(Date.now() - 3 * 60_000));
    const seen = await allEvents((await subscribe(api, FollowRun, { id: String(run.id) })).events);
    expect(seen.map(({ event, result }) => (result ? result.data!.ingestRun.status + (result.data!.ingestRun.errorCode ?? "") : event))).toEqual([
      "RUNNING",
      "FAILEDABANDONED",
      "complete",
    ]);
  });

  it("takes at most 100 subscriptions at once, refusing more with an error event", async () => {
    const api = createApi(db, { runPollMs: 600_000 });
    const run = await runningElsewhere();
    const followers = [];
    for (let i = 0; i < 100; i++) {
      const follower = await subscribe(api, FollowRun, { id: String(run.id) });
      expect((await nextEvent(follower.events)).event).toBe("next");
      followers.push(follower);
    }
    expect(await allEvents((await subscribe(api, FollowRun, { id: String(run.id) })).events)).toEqual([
      {
        event: "next",
        result: {
          errors: [
            expect.objectContaining({
              message: expect.stringMatching(/already follows 100 subscriptions/),
              extensions: { code: "TOO_MANY_SUBSCRIPTIONS", limit: 100 },
            }),
          ],
        },
      },
      { event: "complete" },
    ]);
    // one leaving makes room for another
    await followers.pop()!.events.return(undefined);
    await pause(50);
    const another = await subscribe(api, FollowRun, { id: String(run.id) });
    expect((await nextEvent(another.events)).result!.data!.ingestRun).toMatchObject({ status: "RUNNING" });
    await Promise.all([...followers, another].map(({ events }) => events.return(undefined)));
  });

  it("leaves nothing behind for a stream closed before it started", async () => {
    const events = new RunEvents(50, 1);
    const run = await runningElsewhere();
    await events.follow(db.workouts, run).return!(undefined);
    runReads = 0;
    const follower = events.follow(db.workouts, run); // the one place is free again
    expect((await follower.next()).value).toMatchObject({ id: run.id, status: "RUNNING" });
    await follower.return!(undefined);
    expect(() => events.follow(db.workouts, run)).not.toThrow();
  });
});
