// Child process for tests: opens the databases named by the JSON config in argv[2], says "ready", and holds them until killed.
import { openDatabases } from "../../src/db";

openDatabases(JSON.parse(process.argv[2]!)).then(
  () => process.stdout.write("ready\n"),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);
setInterval(() => undefined, 60_000);
