import { removeDir, simulatorConfig, testClient } from "../../harness/simulator";
import { type BackgroundRuns, backgroundRuns } from "../../src/ingest/background";
import { createApi } from "../../src/server";
import { graphql } from "../graphql";
import { execute } from "../support/graphql";
import { useIngestFixture } from "../support/ingest";

const f = useIngestFixture({ classes: 60, disciplines: ["cycling"] });
const token = "test-admin-token-0123456789";
const asAdmin = { headers: { authorization: `Bearer ${token}` } };

let runs: BackgroundRuns | undefined;

async function adminApi() {
  runs = backgroundRuns(await f.deps());
  return createApi(f.db, { admin: { token, runs } });
}

const SyncWorkouts = graphql(`
  mutation MutationsSync($input: SyncWorkoutsInput) { syncWorkouts(input: $input) { id stage status startedAt finishedAt processed failed total error } }
`);
const ProcessDetails = graphql(`
  mutation MutationsDetails($input: ProcessDetailsInput) { processDetails(input: $input) { id stage status processed failed total error } }
`);
const RunStatus = graphql(`
  query MutationsRun($id: ID!) { ingestRun(id: $id) { id stage status startedAt finishedAt seen new processed failed total error } }
`);
const Runs = graphql(`query MutationsRuns { ingestRuns(first: 100) { totalCount edges { node { id stage status } } } }`);

/** Polls a run, as a client would, until it has finished. */
async function finished(api: ReturnType<typeof createApi>, id: string) {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const { data, errors } = await execute(api, RunStatus, { id }, asAdmin);
    expect(errors).toBeUndefined();
    const run = data!.ingestRun!;
    if (run.status !== "QUEUED" && run.status !== "RUNNING") return run;
  }
  throw new Error(`run ${id} did not finish in 30 s`);
}

describe("the ingestion mutations", () => {
  afterEach(() => runs?.stop()); // inside the describe, so that it runs before the fixture empties the databases
  it("are refused, saying how to enable them, when the server has no ADMIN_TOKEN", async () => {
    const api = createApi(f.db);
    const { data, errors } = await execute(api, SyncWorkouts, {}, asAdmin);
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: "FORBIDDEN" } })]);
    expect(errors![0]!.message).toMatch(/set ADMIN_TOKEN .*Authorization: Bearer/);
    expect((await execute(api, Runs)).data!.ingestRuns.totalCount).toBe(0);
  });

  it("are refused without the bearer token, or with a wrong one, and start nothing", async () => {
    const api = await adminApi();
    const missing = await execute(api, SyncWorkouts);
    expect(missing.errors).toEqual([
      expect.objectContaining({ message: "Mutations need the header `Authorization: Bearer <ADMIN_TOKEN>`.", extensions: { code: "UNAUTHENTICATED" } }),
    ]);
    const wrong = await execute(api, ProcessDetails, {}, { headers: { authorization: `Bearer ${token}x` } });
    expect(wrong.errors).toEqual([
      expect.objectContaining({ message: "The bearer token is not this server's ADMIN_TOKEN.", extensions: { code: "UNAUTHENTICATED" } }),
    ]);
    const response = await api.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "mutation { syncWorkouts { id } }" }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
    expect((await execute(api, Runs)).data!.ingestRuns.totalCount).toBe(0);
    expect(await f.db.workouts.workout.count()).toBe(0);
  });

  it("start a stage in the background and return its queued run at once; polled, it succeeds", async () => {
    const api = await adminApi();
    const sync = await execute(api, SyncWorkouts, { input: { category: ["cycling"], full: true } }, asAdmin);
    expect(sync.errors).toBeUndefined();
    expect(sync.data!.syncWorkouts).toMatchObject({ stage: "SYNC_WORKOUTS", status: "QUEUED", startedAt: null, finishedAt: null });
    expect(await finished(api, sync.data!.syncWorkouts.id)).toMatchObject({ status: "SUCCEEDED", seen: 60, new: 60, error: null });

    const details = await execute(api, ProcessDetails, { input: { batchSize: 0, concurrency: 2 } }, asAdmin);
    expect(details.data!.processDetails).toMatchObject({ stage: "PROCESS_DETAILS", status: "QUEUED" });
    expect(await finished(api, details.data!.processDetails.id)).toMatchObject({ status: "SUCCEEDED", processed: 60, failed: 0, total: 60 });

    const { data } = await execute(
      api,
      graphql(`query MutationsCatalogue { catalogueStatus { classesListed classesProcessed classesPending } workouts { totalCount } }`),
    );
    expect(data).toEqual({ catalogueStatus: { classesListed: 60, classesProcessed: 60, classesPending: 0 }, workouts: { totalCount: 60 } });
  });

  it("return the active run to the same request, and refuse other options while it runs, naming it", async () => {
    const api = await adminApi();
    const sync = await execute(api, SyncWorkouts, {}, asAdmin);
    await finished(api, sync.data!.syncWorkouts.id);

    const [first, again] = await Promise.all([
      execute(api, ProcessDetails, {}, asAdmin),
      execute(api, ProcessDetails, { input: { batchSize: null } }, asAdmin),
    ]);
    const id = first.data!.processDetails.id;
    expect(again.data!.processDetails.id).toBe(id);
    const same = await execute(api, ProcessDetails, { input: { concurrency: 1, force: false } }, asAdmin); // the defaults, said
    expect(same.data!.processDetails).toMatchObject({ id, status: expect.stringMatching(/^(QUEUED|RUNNING)$/) });
    const other = await execute(api, ProcessDetails, { input: { force: true } }, asAdmin);
    expect(other.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(new RegExp(`^processDetails is already running: run #${id} .*other options`)),
        extensions: { code: "RUN_ACTIVE", runId: id },
      }),
    ]);
    expect(await finished(api, id)).toMatchObject({ status: "SUCCEEDED", processed: 60 });

    const { data } = await execute(api, Runs);
    expect(data!.ingestRuns.edges.filter((edge) => edge.node.stage === "PROCESS_DETAILS")).toHaveLength(1);
  });

  it("find a retried request's active run before asking Peloton anything", async () => {
    const api = await adminApi();
    f.sim.faults.inject("archived", { delayMs: 2_000 }); // the first page keeps the run active
    const first = await execute(api, SyncWorkouts, { input: { category: ["cycling"], full: true } }, asAdmin);
    const browsed = () => f.sim.requests.filter((request) => request.path === "/api/browse_categories").length;
    const before = browsed();
    const retried = await execute(api, SyncWorkouts, { input: { category: ["cycling"], full: true } }, asAdmin);
    expect(retried.data!.syncWorkouts.id).toBe(first.data!.syncWorkouts.id);
    expect(browsed()).toBe(before);
    await finished(api, first.data!.syncWorkouts.id);
  });

  it("refuse to start without a Peloton session, recording no run", async () => {
    const { client, dataDir } = await testClient(simulatorConfig(f.sim, { password: "not the password" }));
    runs = backgroundRuns({ ...(await f.deps()), peloton: client });
    const api = createApi(f.db, { admin: { token, runs } });
    for (const mutation of [execute(api, SyncWorkouts, {}, asAdmin), execute(api, ProcessDetails, {}, asAdmin)]) {
      const { errors } = await mutation;
      expect(errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/password/i), extensions: { code: "PELOTON_AUTH_FAILED" } })]);
    }
    await removeDir(dataDir);
    expect((await execute(api, Runs)).data!.ingestRuns.totalCount).toBe(0);
  });

  it("refuse bad input, naming every field wrong at once", async () => {
    const api = await adminApi();
    const refusal = async (result: Promise<{ errors?: readonly { message: string; extensions?: unknown }[] }>) => {
      const { errors } = await result;
      expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) })]);
      return errors![0]!.message;
    };
    expect(await refusal(execute(api, ProcessDetails, { input: { concurrency: 0 } }, asAdmin))).toBe("input.concurrency: must be a whole number from 1 to 16");
    expect(await refusal(execute(api, ProcessDetails, { input: { concurrency: 17 } }, asAdmin))).toBe("input.concurrency: must be a whole number from 1 to 16");
    expect(await refusal(execute(api, ProcessDetails, { input: { ids: [] } }, asAdmin))).toBe("input.ids: must name at least one class");
    expect(await refusal(execute(api, SyncWorkouts, { input: { maxPages: 0 } }, asAdmin))).toBe("input.maxPages: must be a whole number of at least 1");
    expect(await refusal(execute(api, SyncWorkouts, { input: { category: ["cycling; drop table"] } }, asAdmin))).toMatch(
      /^input\.category\.0: must be a category slug/,
    );
    const all = await execute(api, ProcessDetails, { input: { batchSize: 3, concurrency: 99, ids: ["a1", " "] } }, asAdmin);
    expect(all.errors?.[0]?.extensions).toEqual({
      code: "BAD_USER_INPUT",
      problems: [
        { field: "input.concurrency", message: "must be a whole number from 1 to 16" },
        { field: "input.ids.1", message: "must not be empty" },
        { field: "input.batchSize", message: "does not apply with ids: exactly those classes are taken" },
      ],
    });
    expect(await refusal(execute(api, ProcessDetails, { input: { batchSize: -5 } }, asAdmin))).toBe("input.batchSize: must be a whole number of at least 0");
    expect((await execute(api, Runs)).data!.ingestRuns.totalCount).toBe(0);
  });

  it("refuse a category Peloton does not list, naming the ones it does", async () => {
    const api = await adminApi();
    const { errors } = await execute(api, SyncWorkouts, { input: { category: ["cycling", "cyclingg"] } }, asAdmin);
    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) })]);
    expect(errors![0]!.message).toMatch(/^input\.category: Peloton lists no "cyclingg"; its categories are .*\bcycling\b.*, or all$/);
    expect((await execute(api, Runs)).data!.ingestRuns.totalCount).toBe(0);
  });

  it("stop cleanly when the server shuts down: the run in progress ends CANCELLED", async () => {
    const api = await adminApi();
    await finished(api, (await execute(api, SyncWorkouts, {}, asAdmin)).data!.syncWorkouts.id);
    const { id } = (await execute(api, ProcessDetails, { input: { batchSize: 0 } }, asAdmin)).data!.processDetails;
    while ((await f.db.workouts.workout.count({ where: { processed: true } })) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await runs!.stop();
    const run = await finished(api, id);
    expect(run.status).toBe("CANCELLED");
    expect(run.processed).toBeGreaterThan(0);
    expect(run.processed).toBeLessThan(60);
  });
});
