import type { Browser, Locator } from "playwright-core";
import { type ApiServer, startApi } from "../../harness/api";
import { commandDataDir, scratchDatabases, withDatabases } from "../../harness/databases";
import { blockOutsideRequests, describeInChromium, launchChromium } from "./chromium";

// GraphiQL sends a subscription as a GET of server-sent events: CSRF prevention must let it through.

const textOf = async (pane: Locator) => ((await pane.textContent()) ?? "").replaceAll("\u00a0", " ");

describeInChromium("GraphiQL's subscriptions", () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  let browser: Browser;
  let api: ApiServer;
  let runId: number;

  beforeAll(async () => {
    browser = await launchChromium();
    cleanups.push(() => browser.close());
    const { config, remove } = await scratchDatabases();
    const { dataDir, remove: removeDataDir } = await commandDataDir(config);
    cleanups.push(remove, removeDataDir);
    runId = await withDatabases(config, async (databases) => {
      const run = await databases.workouts.ingestRun.create({
        data: { stage: "SYNC_WORKOUTS", status: "CANCELLED", options: {}, seen: 3, finishedAt: new Date() },
      });
      return run.id;
    });
    api = await startApi(config, { dataDir, env: { NODE_ENV: "development" } });
    cleanups.unshift(() => api.stop());
  });

  afterAll(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it("follow a run in GraphiQL over server-sent events", async () => {
    const context = await browser.newContext();
    const outside = await blockOutsideRequests(context);
    const page = await context.newPage();
    await page.goto(api.url);
    const editor = page.locator(".graphiql-query-editor .monaco-editor");
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    // the editor closes each brace and parenthesis as it is opened
    await page.keyboard.type(`subscription { ingestRun(id: ${runId}) { status seen`);
    await page.keyboard.press("Escape"); // the typeahead's list
    await page.keyboard.press("ControlOrMeta+Enter");

    const result = page.locator(".graphiql-response");
    await result
      .filter({ hasText: '"seen": 3' })
      .waitFor({ timeout: 20_000 })
      .catch(() => undefined);
    expect(JSON.parse(await textOf(result))).toEqual({ data: { ingestRun: { status: "CANCELLED", seen: 3 } } });
    expect(outside).toEqual([]);
    await context.close();
  });
});
