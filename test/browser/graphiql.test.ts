import type { Browser, Locator } from "playwright-core";
import { type ApiServer, startApi } from "../../harness/api";
import { commandDataDir, scratchDatabases, withDatabases } from "../../harness/databases";
import { blockOutsideRequests, describeInChromium, launchChromium } from "./chromium";

// GraphiQL in a real browser with no way out of this machine, as `npm run demo` promises offline.

/** What an editor pane shows, its spaces plain (the editor draws them as no-break spaces). */
const textOf = async (pane: Locator) => ((await pane.textContent()) ?? "").replaceAll("\u00a0", " ");

describeInChromium("GraphiQL", () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  let browser: Browser;
  let api: ApiServer;

  beforeAll(async () => {
    browser = await launchChromium();
    cleanups.push(() => browser.close());
    const { config, remove } = await scratchDatabases();
    const { dataDir, remove: removeDataDir } = await commandDataDir(config);
    cleanups.push(remove, removeDataDir);
    // one class listed, so that the answer shown comes from the database
    await withDatabases(config, (databases) =>
      databases.workouts.workout.create({ data: { id: "browser-test-class", title: "Browser Test Ride", category: "cycling", listEntry: {} } }),
    );
    // not production: that serves no GraphiQL
    api = await startApi(config, { dataDir, env: { NODE_ENV: "development" } });
    cleanups.unshift(() => api.stop());
  });

  afterAll(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it("renders from the server alone, with every request off the loopback blocked, and runs a query", async () => {
    const context = await browser.newContext();
    const outside = await blockOutsideRequests(context);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    await page.goto(api.url);
    expect(outside).toEqual([]); // the page and what it loads at once
    const editor = page.locator(".graphiql-query-editor .monaco-editor");
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    // the editor closes each brace as it is opened
    await page.keyboard.type("{ catalogueStatus { classesListed");
    // typeahead from the introspected schema; its list covers the run button until closed
    const suggestions = page.locator(".suggest-widget.visible");
    await suggestions.filter({ hasText: "classesListed" }).waitFor();
    await page.keyboard.press("Escape");
    await suggestions.waitFor({ state: "hidden" });
    await page.locator(".graphiql-execute-button").click();

    const result = page.locator(".graphiql-response");
    await result
      .filter({ hasText: '"classesListed": 1' })
      .waitFor({ timeout: 20_000 })
      .catch(() => undefined);
    expect(await textOf(page.locator(".graphiql-query-editor .view-lines"))).toBe("{ catalogueStatus { classesListed}}");
    expect(JSON.parse(await textOf(result))).toEqual({ data: { catalogueStatus: { classesListed: 1 } } });
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
