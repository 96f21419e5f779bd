import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/**
 * Registers a jest hook (afterEach, or afterAll for what a whole file shares) that runs what was pushed
 * on `cleanups`, and answers `tempDir`, which makes a temporary directory removed then.
 */
export function useCleanups(prefix: string, hook: (fn: () => Promise<unknown>) => void = afterEach) {
  const cleanups: (() => Promise<unknown>)[] = [];
  hook(() => Promise.all(cleanups.splice(0).map((cleanup) => cleanup())));
  const tempDir = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  };
  return { cleanups, tempDir };
}
