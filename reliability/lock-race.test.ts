import { spawnSync } from "node:child_process";
import { scratchDatabases, testBackend, withDatabases } from "../harness/databases";
import { type LineProcess, scriptArgs, startLineProcess } from "../harness/processes";

const ROUNDS = Number(process.env.LOCK_RACE_ROUNDS ?? 10);
const PROCESSES = 10;

const opener = "reliability/open-embedded.ts";
const lockContender = "harness/lock-contender.ts";

const refusal = /^failed The embedded databases in .* are in use by another process: pid \d+ on .*If no such process is running, delete .*catalogue\.lock\.$/;

// The lock exists for the embedded databases only: PostgreSQL is shared by design.
(testBackend === "embedded" ? describe : describe.skip)("the embedded data directory's lock, raced by whole processes", () => {
  const running: LineProcess[] = [];
  afterAll(() => {
    for (const process of running) process.child.kill("SIGKILL");
  });

  it(`lets exactly one of ${PROCESSES} processes opening the databases at once, ${ROUNDS} rounds over, and the databases stay intact`, async () => {
    const { config, remove } = await scratchDatabases();
    const dataDir = (config as { dataDir: string }).dataDir;
    try {
      // a lock left by a process that died holding it
      expect(spawnSync(process.execPath, scriptArgs(lockContender, [dataDir, "--abandon"]), { encoding: "utf8" }).status).toBe(0);
      const outcomes: string[] = [];
      const expected: string[] = [];
      // the processes that were refused try again in the next round; a winner is replaced by a new process
      let openers: LineProcess[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const started = Array.from({ length: PROCESSES - openers.length }, () => startLineProcess(opener, [dataDir]));
        running.push(...started);
        expect(await Promise.all(started.map((opener) => opener.next()))).toEqual(started.map(() => "ready"));
        openers = [...openers, ...started];
        const answers = await Promise.all(openers.map((opener) => opener.ask(`go ${round}`)));
        const winners = openers.filter((_, i) => answers[i] === "opened");
        const refused = answers.filter((answer) => refusal.test(answer)).length;
        outcomes.push(`round ${round}: ${winners.length} opened, ${refused} refused`);
        expected.push(`round ${round}: 1 opened, ${PROCESSES - 1} refused`);
        if (winners.length + refused !== PROCESSES) outcomes.push(...answers.filter((answer) => answer !== "opened" && !refusal.test(answer)));
        // every other round the holder dies holding the lock (the next round races on a stale lock); otherwise it closes
        for (const winner of winners) {
          if (round % 2 === 1) winner.child.kill("SIGKILL");
          else winner.child.stdin!.write("close\n");
          while (!(await winner.next()).startsWith("exited")) {}
        }
        // one that failed otherwise is replaced too
        for (const [i, opener] of openers.entries()) if (!winners.includes(opener) && !refusal.test(answers[i]!)) opener.child.kill("SIGKILL");
        openers = openers.filter((_, i) => refusal.test(answers[i]!));
      }
      expect(outcomes).toEqual(expected);

      // one row per round in each database, nothing more, and both read back whole
      const rounds = Array.from({ length: ROUNDS }, (_, i) => i + 1);
      const written = await withDatabases(config, async ({ workouts, detailed }) => ({
        runs: (await workouts.ingestRun.findMany({ orderBy: { id: "asc" }, select: { owner: true } })).map((run) => run.owner),
        instructors: (await detailed.instructor.findMany({ orderBy: { createdAt: "asc" }, select: { id: true } })).map((instructor) => instructor.id),
      }));
      expect(written.runs).toEqual(rounds.map((round) => `round ${round}`));
      expect(written.instructors).toEqual(rounds.map((round) => `round-${round}`));
    } finally {
      await remove();
    }
  });
});
