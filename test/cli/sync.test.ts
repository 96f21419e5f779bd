import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { useCliFixture } from "../../harness/commands";
import { withDatabases } from "../../harness/databases";
import { type StartedProcess, waitFor } from "../../harness/processes";
import { ingestRuns, workoutRows } from "./support";

describe("npm run sync", () => {
  const fixture = useCliFixture();
  const sync = fixture.start.bind(null, "sync");

  it("lists every class of the category, prints progress lines and a summary, logs to LOG_FILE", async () => {
    const sim = await fixture.startSimulator({ classes: 150, disciplines: ["cycling"] });
    const db = await fixture.scratch();
    const logFile = path.join(db.dataDir, "logs", "sync.log");
    const cli = sync(db, ["--save-pages"], { LOG_LEVEL: "info", LOG_FILE: logFile });

    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(cli.stdout()).toMatch(/^Sync run #\d+ SUCCEEDED in [\d.]+s: 150 classes seen of 150 listed, 150 new\.\n$/);
    const progressLines = cli
      .stderr()
      .split("\n")
      .filter((line) => line.startsWith("[sync]"));
    expect(progressLines.at(-1)).toMatch(/^\[sync\] cycling: 3\/3 pages \(100%\), 150 classes seen, 150 new; [\d.]+ pages\/(s|min)$/);
    expect(progressLines.length).toBeLessThanOrEqual(2); // every 5 s and at the end, not one per page
    expect(cli.stderr()).not.toContain('"level"');
    expect(await readFile(logFile, "utf8")).toContain('"msg":"logging in to Peloton"');
    expect(await readdir(path.join(db.dataDir, "workouts_list"))).toEqual(["cycling_page_0000.json", "cycling_page_0001.json", "cycling_page_0002.json"]);

    await withDatabases(db.config, async (databases) => {
      const rows = await workoutRows(databases);
      const expected = sim.catalogue.classes.map((c) => ({ id: c.id, title: c.title, category: "cycling", available: true, processed: false }));
      expect(rows).toEqual(expected.sort((a, b) => a.id.localeCompare(b.id)));
      expect(await ingestRuns(databases)).toEqual([expect.objectContaining({ stage: "SYNC_WORKOUTS", status: "SUCCEEDED", seen: 150, new: 150 })]);
    });
  });

  it("refuses a category Peloton does not list, in one line naming the ones it does, before recording a run", async () => {
    await fixture.startSimulator({ classes: 10, disciplines: ["cycling"] });
    const db = await fixture.scratch();
    const cli = sync(db, ["--category", "cycling,cyclingg"]);
    expect(await cli.exited).toEqual({ code: 2, signal: null });
    expect(cli.stderr()).toMatch(/^--category: Peloton lists no "cyclingg"; its categories are [a-z_, -]*\bcycling\b[a-z_, -]*, or all\n$/);
    expect(cli.stdout()).toBe("");
    await withDatabases(db.config, async (databases) => expect(await ingestRuns(databases)).toEqual([]));
  });

  it("without Peloton credentials says what to set, in one line, before recording a run", async () => {
    await fixture.startSimulator({ classes: 10, disciplines: ["cycling"] });
    const db = await fixture.scratch();
    const cli = sync(db, [], { PELOTON_USERNAME: "", PELOTON_PASSWORD: "" });
    expect(await cli.exited).toEqual({ code: 1, signal: null });
    expect(cli.stderr().trim()).toMatch(/^No saved Peloton session: set PELOTON_USERNAME and PELOTON_PASSWORD .*\.$/);
    expect(cli.stderr().trim().split("\n")).toHaveLength(1);
    await withDatabases(db.config, async (databases) => expect(await ingestRuns(databases)).toEqual([]));
  });

  it("--save-pages keeps every page inside DATA_DIR/workouts_list, whatever category slugs Peloton sends", async () => {
    const escapingSlug = `../../pmc-escaped-${process.pid}-${Date.now()}`; // from DATA_DIR/workouts_list: next to DATA_DIR
    await fixture.startSimulator({
      classes: 60,
      disciplines: ["cycling"],
      categories: { cycling: ["cycling"], [escapingSlug]: ["cycling"], "..": ["cycling"] },
    });
    const db = await fixture.scratch();
    const listDir = path.join(db.dataDir, "workouts_list");
    const cli = sync(db, ["--category", "all", "--save-pages", "--full"]);

    expect(await cli.exited).toEqual({ code: 0, signal: null });
    const escapedTo = [path.resolve(listDir, `${escapingSlug}_page_0000.json`), path.resolve(listDir, ".._page_0000.json")];
    await Promise.all(escapedTo.map((file) => expect(stat(file)).rejects.toThrow(/ENOENT/)));
    const saved = await readdir(listDir);
    expect(saved).toHaveLength(6); // two pages of 50 for each of the three categories
    expect(saved.filter((name) => name.startsWith("cycling_page_"))).toEqual(["cycling_page_0000.json", "cycling_page_0001.json"]);
    for (const name of saved) expect(name).toMatch(/^[A-Za-z0-9_-]+_page_\d{4}\.json$/);
    expect(
      JSON.parse(await readFile(path.join(listDir, saved.find((name) => name.startsWith("______pmc-escaped-") && name.endsWith("_page_0001.json"))!), "utf8"))
        .data,
    ).toHaveLength(10);
    await withDatabases(db.config, async (databases) => {
      const rows = await databases.workouts.workout.findMany({ select: { categories: true } });
      expect(rows.every((row) => [...row.categories].sort().join() === ["cycling", escapingSlug, ".."].sort().join())).toBe(true);
    });
  });

  it("killed after page 3, then run again, ends with exactly what an uninterrupted sync gets", async () => {
    const sim = await fixture.startSimulator({ classes: 300, disciplines: ["cycling"] });
    const [interrupted, uninterrupted] = await Promise.all([fixture.scratch(), fixture.scratch()]);

    let killed: StartedProcess | undefined;
    sim.faults.beforeArchivedPage(3, () => killed?.child.kill("SIGKILL"));
    killed = sync(interrupted);
    expect(await killed.exited).toEqual({ code: null, signal: "SIGKILL" });
    const [resumed, reference] = [sync(interrupted), sync(uninterrupted)]; // the page 3 hook is spent
    expect(await resumed.exited).toEqual({ code: 0, signal: null });
    expect(resumed.stdout()).toMatch(/SUCCEEDED/);
    expect(await reference.exited).toEqual({ code: 0, signal: null });

    const [expected, [rows, runs]] = await Promise.all([
      withDatabases(uninterrupted.config, workoutRows),
      withDatabases(interrupted.config, (databases) => Promise.all([workoutRows(databases), ingestRuns(databases)])),
    ]);
    expect(expected).toHaveLength(300);
    expect(rows).toEqual(expected);
    expect(runs).toEqual([
      expect.objectContaining({
        status: "FAILED",
        seen: 150,
        error: expect.stringMatching(new RegExp(`^abandoned: its process \\(pid ${killed.child.pid} on .+\\) is gone$`)),
      }),
      expect.objectContaining({ status: "SUCCEEDED", new: 150 }),
    ]);
  });

  it("refuses a second sync while one runs, and stops the first cleanly on SIGTERM", async () => {
    const sim = await fixture.startSimulator({ classes: 1000, disciplines: ["cycling"] }); // 20 pages of 1 s: time enough for the second
    const db = await fixture.scratch();
    sim.faults.inject("archived", { delayMs: 1000 }, Infinity);
    let listing = false;
    sim.faults.beforeArchivedPage(0, () => (listing = true));
    const first = sync(db);
    await waitFor("the first sync to list page 0", () => listing || first.child.exitCode !== null);

    const second = sync(db);
    expect(await second.exited).toEqual({ code: 1, signal: null });
    expect(second.stdout()).toBe("");
    if (db.config.kind === "postgres") {
      expect(second.stderr()).toMatch(new RegExp(`syncWorkouts is already running: run #\\d+ \\(pid ${first.child.pid} on .+\\), started `));
    } else {
      expect(second.stderr()).toMatch(new RegExp(`The embedded databases in .+ are in use by another process: pid ${first.child.pid} on `));
    }
    expect(second.stderr()).not.toMatch(/^\s+at /m); // no stack trace

    expect(first.child.exitCode).toBeNull(); // still running: the refusal was no race won by chance
    first.child.kill("SIGTERM");
    expect(await first.exited).toEqual({ code: 143, signal: null });
    expect(first.stderr()).toContain("sync: stopping after the current page (send SIGTERM again to stop at once)");
    expect(first.stdout()).toMatch(/^Sync run #\d+ CANCELLED in .*\nThe next sync resumes where this one stopped\.\n$/);
    await withDatabases(db.config, async (databases) => {
      const [run] = await ingestRuns(databases);
      expect(run).toMatchObject({ status: "CANCELLED" });
      expect(run!.seen).toBeLessThan(1000);
      expect(await databases.workouts.workout.count()).toBe(run!.seen);
    });
  });
});
