// Child process for tests: contends for the lock of the data directory in argv[2], driven by lines on
// stdin so that many contenders can be told to try at once: "lock" prints "won" or "locked <message>",
// "release" prints "released", end of input exits. With --abandon it takes the lock and exits holding
// it, leaving the lock of a dead process.
import readline from "node:readline";
import { type DataDirLock, lockDataDir } from "../src/db/lock";

const [dataDir, mode] = process.argv.slice(2) as [string, string?];
if (mode === "--abandon") {
  lockDataDir(dataDir).then(() => process.exit(0));
} else {
  let held: DataDirLock | undefined;
  const commands = readline.createInterface({ input: process.stdin });
  const answer = (line: string) => process.stdout.write(`${line.replace(/\n/g, " ")}\n`);
  commands.on("line", async (command) => {
    if (command === "lock") {
      await lockDataDir(dataDir).then(
        (lock) => {
          held = lock;
          answer("won");
        },
        (error: Error) => answer(`locked ${error.message}`),
      );
    } else if (command === "release") {
      await held?.release();
      held = undefined;
      answer("released");
    }
  });
}
