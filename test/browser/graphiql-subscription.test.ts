import { blockOutsideRequests, describeInChromium, shownAnswer, typeOperation, useGraphiQLServer } from "../support/browser";

// GraphiQL sends a subscription as a GET of server-sent events: CSRF prevention must let it through.

describeInChromium("GraphiQL's subscriptions", () => {
  const server = useGraphiQLServer(async (databases) => {
    const run = await databases.workouts.ingestRun.create({
      data: { stage: "SYNC_WORKOUTS", status: "CANCELLED", options: {}, seen: 3, finishedAt: new Date() },
    });
    return run.id;
  });

  it("follow a run in GraphiQL over server-sent events", async () => {
    const context = await server.browser.newContext();
    const outside = await blockOutsideRequests(context);
    const page = await context.newPage();
    await page.goto(server.api.url);
    await typeOperation(page, `subscription { ingestRun(id: ${server.seeded}) { status seen`);
    await page.keyboard.press("Escape"); // the typeahead's list
    await page.keyboard.press("ControlOrMeta+Enter");

    expect(await shownAnswer(page, '"seen": 3')).toEqual({ data: { ingestRun: { status: "CANCELLED", seen: 3 } } });
    expect(outside).toEqual([]);
    await context.close();
  });
});
