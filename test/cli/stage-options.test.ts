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

  it("offers every option on its command line, with its default", () => {
    const usage = stageUsage(stage).replace(/\n {3,}/g, " "); // a wrapped line joined to its option
    for (const spec of specs) {
      const flag = `--${spec.name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
      if (spec.only === "code") expect(usage).not.toContain(flag);
      else expect(usage).toMatch(new RegExp(`^ {2}${flag}\\b.*\\(.*default ${spec.shownDefault.split(" ")[0]}`, "ms"));
    }
  });

  it("takes the same options in its mutation's input, by the same names", () => {
    const mutation = schema.getMutationType()!.getFields()[stageField(stage.name)]!;
    const input = getNamedType(mutation.args.find((arg) => arg.name === "input")!.type) as GraphQLInputObjectType;
    const offered = specs.filter((spec) => spec.only === undefined).map((spec) => spec.name);
    expect(Object.keys(input.getFields()).sort()).toEqual(offered.sort());
  });
});

it("README.md's tables of stage options are the stages' own (npm run docs rewrites them)", () => {
  const readme = readFileSync("README.md", "utf8");
  for (const stage of stages) expect(readme).toContain(`<!-- options:${stage.command} -->`);
  expect(readmeWithOptions(readme)).toBe(readme);
});
