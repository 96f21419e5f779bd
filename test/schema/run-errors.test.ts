import { removeDir, simulatorConfig, testClient } from "../../harness/simulator";
import { PelotonAuthError } from "../../src/auth/errors";
import { backgroundRuns } from "../../src/ingest/background";
import { runErrorCode, runErrorDetail } from "../../src/ingest/run-errors";
import { claimRun, executeRun } from "../../src/ingest/runs";
import { MalformedResponseError, PelotonRequestError } from "../../src/peloton/errors";
import { createApi } from "../../src/server";
import { graphql } from "../graphql";
import { execute } from "../support/graphql";
import { useIngestFixture } from "../support/ingest";

const f = useIngestFixture({ classes: 10, disciplines: ["cycling"] });
const token = "test-admin-token-0123456789";
const asAdmin = { headers: { authorization: `Bearer ${token}` } };
const withWrongToken = { headers: { authorization: `Bearer ${token}x` } };

const Run = graphql(`query RunErrorsRun($id: ID!) { ingestRun(id: $id) { id status errorCode error } }`);
const Runs = graphql(`query RunErrorsRuns { ingestRuns(first: 10) { edges { node { id status errorCode error } } } }`);

/** What anyone and the admin read of one run, through ingestRun and ingestRuns. */
async function readRun(api: ReturnType<typeof createApi>, id: string, options?: { headers: Record<string, string> }) {
  const one = await execute(api, Run, { id }, options);
  const all = await execute(api, Runs, {}, options);
  expect(one.errors).toBeUndefined();
  expect(all.errors).toBeUndefined();
  expect(all.data!.ingestRuns.edges.map((edge) => edge.node)).toContainEqual(one.data!.ingestRun);
  return one.data!.ingestRun!;
}

async function finished(api: ReturnType<typeof createApi>, id: string) {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const run = (await execute(api, Run, { id })).data!.ingestRun!;
    if (run.status !== "QUEUED" && run.status !== "RUNNING") return readRun(api, id);
  }
  throw new Error(`run ${id} did not finish in 30 s`);
}

// a path on this machine, such as the project's or a temporary directory's
const serverPath = /(^|[\s(])\/[\w.-]+\//;

describe("a failed run's error", () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(() => stop?.());

  it("shows anyone without the admin token a code and a sentence, never the Peloton account; the admin sees the detail", async () => {
    // a login Peloton refuses once the run has started (a mutation checks it before, see mutations.test.ts)
    const { client, dataDir } = await testClient(simulatorConfig(f.sim, { password: "not the password" }));
    const deps = { ...(await f.deps()), peloton: client };
    const runs = backgroundRuns(deps);
    stop = runs.stop;
    const api = createApi(f.db, { admin: { token, runs } });
    const id = String((await executeRun(deps, await claimRun(deps, "SYNC_WORKOUTS", {}), () => client.signIn())).id);
    const email = f.sim.credentials.username;

    const anonymous = await finished(api, id);
    await removeDir(dataDir);
    expect(anonymous).toEqual({ id, status: "FAILED", errorCode: "AUTH_FAILED", error: "Peloton refused the catalogue's login." });
    expect(await readRun(api, id, withWrongToken)).toEqual(anonymous);

    const admin = await readRun(api, id, asAdmin);
    expect(admin).toMatchObject({ status: "FAILED", errorCode: "AUTH_FAILED" });
    expect(admin.error).toContain(`Peloton refused the login for ${email}`);

    // a server with no ADMIN_TOKEN has no admin: nobody reads the detail through it
    expect(await readRun(createApi(f.db), id, asAdmin)).toEqual(anonymous);
  });

  it("is stored without a stack trace or Prisma's code frame, and shows anyone no path of the server", async () => {
    const deps = await f.deps();
    const handle = await claimRun(deps, "SYNC_WORKOUTS", {});
    const failed = await executeRun(deps, handle, async () => {
      await deps.workouts.ingestRun.update({ where: { id: 1_000_000 }, data: { seen: 1 } }); // no such run: Prisma names this file and line
    });
    const stored = await f.db.workouts.ingestRun.findUniqueOrThrow({ where: { id: failed.id } });
    expect(stored.errorCode).toBe("INTERNAL");
    expect(stored.error).toMatch(/^deps\.workouts\.ingestRun\.update\(\) failed: .*No record was found for an update\.$/);
    expect(stored.error).not.toMatch(/\n|run-errors\.test|\.ts:\d+/);

    const api = createApi(f.db, { admin: { token, runs: backgroundRuns(deps) } });
    const anonymous = await readRun(api, String(failed.id));
    expect(anonymous).toMatchObject({ errorCode: "INTERNAL", error: "The run failed on an unexpected error." });
    expect((await readRun(api, String(failed.id), asAdmin)).error).toBe(stored.error);
  });

  it("of a run recorded before codes existed is the generic code to anyone", async () => {
    const run = await f.db.workouts.ingestRun.create({
      data: {
        stage: "PROCESS_DETAILS",
        status: "FAILED",
        error: "Peloton refused the login for someone@example.com (/home/someone/catalogue/src/auth/oauth.ts:137)",
      },
    });
    const api = createApi(f.db, { admin: { token, runs: backgroundRuns(await f.deps()) } });
    const anonymous = await readRun(api, String(run.id));
    expect(anonymous).toEqual({ id: String(run.id), status: "FAILED", errorCode: "INTERNAL", error: "The run failed on an unexpected error." });
    expect(JSON.stringify(anonymous)).not.toMatch(serverPath);
    expect((await readRun(api, String(run.id), asAdmin)).error).toContain("someone@example.com");
  });

  it("of a run that did not fail is null", async () => {
    const run = await f.db.workouts.ingestRun.create({ data: { stage: "SYNC_WORKOUTS", status: "SUCCEEDED" } });
    const api = createApi(f.db);
    expect(await readRun(api, String(run.id))).toEqual({ id: String(run.id), status: "SUCCEEDED", errorCode: null, error: null });
  });
});

describe("runErrorCode and runErrorDetail", () => {
  it("read the code from the error's class or what it wraps, never from its text", () => {
    expect(runErrorCode(new PelotonAuthError("Peloton refused the login for a@b.c"))).toBe("AUTH_FAILED");
    expect(runErrorCode(new Error("Saving failed", { cause: new PelotonRequestError("slow down", 429) }))).toBe("RATE_LIMITED");
    expect(runErrorCode(new PelotonRequestError("Peloton kept failing", 503))).toBe("PELOTON_UNAVAILABLE");
    expect(runErrorCode(new MalformedResponseError("Unexpected response"))).toBe("PELOTON_ANSWER_UNREADABLE");
    expect(runErrorCode(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe("DATABASE_UNAVAILABLE");
    expect(runErrorCode(new Error("Peloton refused the login"))).toBe("INTERNAL");
  });

  it("keeps the message without stack frames, on one line", () => {
    const error = new Error(`it broke\n${new Error("inner").stack}`);
    expect(runErrorDetail(error)).toBe("it broke Error: inner");
    expect(runErrorDetail("a\u0000b")).toBe("ab");
    expect(runErrorDetail(new Error("x".repeat(5000)))).toHaveLength(2000);
  });
});
