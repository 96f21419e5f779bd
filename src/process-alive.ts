import os from "node:os";

/** Whether process `pid` on `hostname` is still running; for another host we cannot tell, so we say yes. */
export function processIsRunning(pid: number, hostname: string): boolean {
  if (hostname !== os.hostname()) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, but another user's
  }
}
