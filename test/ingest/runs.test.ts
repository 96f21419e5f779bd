import { spawnSync } from "node:child_process";
import os from "node:os";
import { Prisma } from "../../src/db/generated/workouts/client";
import { claimRun, StageAlreadyRunningError } from "../../src/ingest/runs";
import { syncWorkouts } from "../../src/ingest/sync-workouts";
import { silentLogger } from "../../src/log";
import { useIngestFixture } from "../support/ingest";

const f = useIngestFixture({ classes: 120, disciplines: ["cycling"] }, { pageDelayMs: 300 });
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

describe("ingest runs", () => {
  it("refuse a second run of a stage while one is active, saying who runs it", async () => {
    const first = syncWorkouts(await f.deps());
    while ((await f.db.workouts.ingestRun.count()) === 0) await new Promise((resolve) => setTimeout(resolve, 20)); // the first has claimed its run
    const second = syncWorkouts(await f.deps());
    await expect(second).rejects.toThrow(StageAlreadyRunningError);
    await expect(second).rejects.toThrow(new RegExp(`syncWorkouts is already running: run #\\d+ \\(pid ${process.pid} on ${os.hostname()}\\)`));
    expect((await first).status).toBe("SUCCEEDED");
    // the other stage was never blocked, and once the first has finished the stage is free again
    expect((await syncWorkouts(await f.deps())).status).toBe("SUCCEEDED");
    expect(await f.db.workouts.ingestRun.count()).toBe(2);
  });

  it("are limited to one active per stage by the database itself", async () => {
    const active = { stage: "PROCESS_DETAILS" as const, status: "RUNNING" as const };
    await f.db.workouts.ingestRun.create({ data: active });
    const second = f.db.workouts.ingestRun.create({ data: { ...active, status: "QUEUED" } });
    await expect(second).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    await expect(second).rejects.toMatchObject({ code: "P2002" });
    await f.db.workouts.ingestRun.create({ data: { stage: "SYNC_WORKOUTS", status: "RUNNING" } });
    await f.db.workouts.ingestRun.create({ data: { ...active, status: "FAILED" } });
  });

  it("take over a run whose heartbeat stopped, marking it FAILED", async () => {
    const stale = await f.db.workouts.ingestRun.create({
      data: { stage: "SYNC_WORKOUTS", status: "RUNNING", owner: "pid 4242 on another-host", heartbeatAt: new Date(Date.now() - 10 * 60_000) },
    });
    const run = await syncWorkouts(await f.deps(), { maxPages: 1 });
    expect(run.status).toBe("SUCCEEDED");
    expect(await f.db.workouts.ingestRun.findUnique({ where: { id: stale.id } })).toMatchObject({
      status: "FAILED",
      error: expect.stringMatching(/abandoned: no heartbeat for \d+ s \(pid 4242 on another-host\)/),
      finishedAt: expect.any(Date),
    });
  });

  it("take over at once a run whose process on this machine is gone", async () => {
    const orphan = await f.db.workouts.ingestRun.create({
      data: { stage: "SYNC_WORKOUTS", status: "RUNNING", owner: `pid ${deadPid()} on ${os.hostname()}`, heartbeatAt: new Date() },
    });
    expect((await syncWorkouts(await f.deps(), { maxPages: 1 })).status).toBe("SUCCEEDED");
    expect(await f.db.workouts.ingestRun.findUnique({ where: { id: orphan.id } })).toMatchObject({
      status: "FAILED",
      error: expect.stringMatching(/abandoned: its process \(pid \d+ on .+\) is gone/),
    });
  });

  it("keep a live run's heartbeat going while it waits", async () => {
    const run = await claimRun({ workouts: f.db.workouts, logger: silentLogger, runTiming: { heartbeatMs: 50 } }, "PROCESS_DETAILS", {});
    const started = (await f.db.workouts.ingestRun.findUniqueOrThrow({ where: { id: run.id } })).heartbeatAt!;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const later = (await f.db.workouts.ingestRun.findUniqueOrThrow({ where: { id: run.id } })).heartbeatAt!;
    expect(later.getTime()).toBeGreaterThan(started.getTime());
    expect(await run.finish("SUCCEEDED")).toMatchObject({ status: "SUCCEEDED", finishedAt: expect.any(Date) });
  });
});
