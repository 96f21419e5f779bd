import { readFileSync } from "node:fs";
import { type GraphQLInputObjectType, getNamedType } from "graphql";
import { readmeWithOptions, stageUsage } from "../../src/cli/stage-command";
import { stageField } from "../../src/ingest/runs";
import { optionSpecs } from "../../src/ingest/stage";
import { stages } from "../../src/ingest/stages";
import { schema } from "../../src/schema";

// Every surface of a stage is read from its one definition: a change to a stage's options that one
// of them missed fails here.
describe.each(stages.map((stage) => [stage.command, stage] as const))("the %s stage", (_command, stage) => {
  const specs = optionSpecs(stage.options);

  it("offers every option on its command line, each on its own line with its default", () => {
    const lines = stageUsage(stage)
      .replace(/\n {3,}/g, " ")
      .split("\n"); // a wrapped line joined to its option
    for (const spec of specs) {
      const flag = `--${spec.name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
      const line = lines.find((candidate) => new RegExp(`^ {2}${flag}\\b`).test(candidate));
      if (spec.only === "code") expect(line).toBeUndefined();
      else expect(line).toContain(`default ${spec.shownDefault}`);
    }
  });

  it("takes the same options in its mutation's input, by the same names, with their defaults", () => {
    const mutation = schema.getMutationType()!.getFields()[stageField(stage.name)]!;
    const input = getNamedType(mutation.args.find((arg) => arg.name === "input")!.type) as GraphQLInputObjectType;
    expect(Object.keys(input.getFields()).sort()).toEqual(offeredByTheApi[stage.command]);
    for (const field of Object.values(input.getFields())) {
      expect(field.description).toContain(`default ${specs.find((spec) => spec.name === field.name)!.shownDefault}`);
    }
  });
});

// written out, so that a filter gone wrong in the schema cannot agree with itself
const offeredByTheApi: Record<string, string[]> = { sync: ["category", "full", "maxPages"], details: ["batchSize", "concurrency", "force", "ids"] };

it("README.md's tables of stage options are the stages' own (npm run docs rewrites them)", () => {
  const readme = readFileSync("README.md", "utf8");
  for (const stage of stages) expect(readme).toContain(`<!-- options:${stage.command} -->`);
  expect(readmeWithOptions(readme)).toBe(readme);
});
