// npm run docs: writes each stage's table of options into README.md, between its markers, from the
// stage's definition (src/ingest/stages.ts). A test checks that the README matches.
import { readFileSync, writeFileSync } from "node:fs";
import { readmeWithOptions } from "../src/cli/stage-command";

const readme = readFileSync("README.md", "utf8");
const updated = readmeWithOptions(readme);
if (updated !== readme) writeFileSync("README.md", updated);
process.stdout.write(updated === readme ? "README.md's option tables are current\n" : "README.md's option tables rewritten\n");
