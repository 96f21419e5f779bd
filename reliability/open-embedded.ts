// Child process for the lock race: loads the catalogue's database code, says "ready", and on "go <round>"
// opens (and migrates) the embedded databases in argv[2] the way every command does, writes one row per
// database for that round and says "opened", then holds them until killed or told "close"; a refusal
// is printed as "failed <message>", and it waits for the next "go".
import readline from "node:readline";
import { type Databases, openDatabases } from "../src/db";

const dataDir = process.argv[2]!;
let databases: Databases | undefined;
const say = (line: string) => process.stdout.write(`${line.replace(/\n/g, " ")}\n`);

readline.createInterface({ input: process.stdin }).on("line", async (line) => {
  const [command, round] = line.split(" ");
  if (command === "go") {
    try {
      databases = await openDatabases({ kind: "embedded", dataDir });
      await databases.workouts.ingestRun.create({ data: { stage: "SYNC_WORKOUTS", status: "SUCCEEDED", owner: `round ${round}` } });
      await databases.detailed.instructor.create({ data: { id: `round-${round}`, name: `Round ${round}` } });
      say("opened");
    } catch (error) {
      databases = undefined;
      say(`failed ${(error as Error).message}`);
    }
  } else if (command === "close") {
    await databases?.close();
    say("closed");
    process.exit(0);
  }
});
say("ready");
