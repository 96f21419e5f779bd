import { createProgressDisplay } from "../../src/cli/progress";
import { formatDuration } from "../../src/duration";
import type { Progress } from "../../src/ingest/deps";

function fakeStream(isTTY: boolean) {
  let written = "";
  const write = (chunk: string) => {
    written += chunk;
    return true;
  };
  const stream = { isTTY, columns: 160, write } as unknown as NodeJS.WriteStream;
  return { stream, written: () => written };
}

const details = (done: number, total = 10): Progress => ({
  stage: "PROCESS_DETAILS",
  runId: 1,
  done,
  total,
  seen: done,
  new: 0,
  processed: done,
  failed: 0,
});
const counts = (progress: Progress) => `${progress.processed} processed, ${progress.failed} failed`;

describe("progress off a terminal", () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it("writes a line every interval while something changed, and the last state at the end", () => {
    const { stream, written } = fakeStream(false);
    const display = createProgressDisplay({ name: "details", unit: "classes", counts, stream, intervalMs: 5000 });
    display.update(details(1));
    jest.advanceTimersByTime(1000);
    display.update(details(2));
    jest.advanceTimersByTime(4000);
    expect(written()).toBe("[details] 2/10 classes (20%), 2 processed, 0 failed; 1.0 classes/s, about 8.0s left\n");

    jest.advanceTimersByTime(15_000); // nothing new: nothing written
    for (let done = 3; done <= 10; done++) display.update(details(done));
    display.stop();
    expect(written().split("\n")).toEqual([
      "[details] 2/10 classes (20%), 2 processed, 0 failed; 1.0 classes/s, about 8.0s left",
      "[details] 10/10 classes (100%), 10 processed, 0 failed; 27.0 classes/min",
      "",
    ]);
    jest.advanceTimersByTime(10_000);
    expect(written().split("\n")).toHaveLength(3);
  });

  it("writes notes as they come, and nothing at the end of a run that made no progress", () => {
    const { stream, written } = fakeStream(false);
    const display = createProgressDisplay({ name: "sync", unit: "pages", counts, stream });
    display.note("sync: stopping after the current page");
    display.stop();
    expect(written()).toBe("sync: stopping after the current page\n");
  });
});

describe("progress on a terminal", () => {
  it("draws a bar with counts, rate and ETA, a new one for each category, and keeps notes on their own line", () => {
    jest.useFakeTimers({ now: 0 });
    try {
      const { stream, written } = fakeStream(true);
      const display = createProgressDisplay({ name: "sync", unit: "pages", counts: (p) => `${p.seen} classes seen`, stream });
      const page = (label: string, done: number): Progress => ({ ...details(done, 4), stage: "SYNC_WORKOUTS", seen: done * 50, label });
      display.update(page("cycling", 1));
      jest.advanceTimersByTime(2000);
      display.update(page("cycling", 2));
      jest.advanceTimersByTime(200);
      expect(written()).toContain("sync cycling [");
      expect(written()).toContain("] 2/4 pages | 100 classes seen | 30.0 pages/min | ETA 4.0s");
      display.note("sync: stopping after the current page");
      expect(written()).toContain("\r\x1b[Ksync: stopping after the current page\n");
      display.update(page("yoga", 1));
      jest.advanceTimersByTime(200);
      display.stop();
      expect(written()).toContain("sync yoga [");
      expect(written()).toMatch(/1\/4 pages \| 50 classes seen \| … \| ETA …[^\n]*\n$/);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("formatDuration", () => {
  it("reads well at every scale", () => {
    expect(formatDuration(1234)).toBe("1.2s");
    expect(formatDuration(83_000)).toBe("1m 23s");
    expect(formatDuration((2 * 3600 + 5 * 60) * 1000)).toBe("2h 5m");
  });
});
