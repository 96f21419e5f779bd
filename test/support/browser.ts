import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { type ApiServer, startApi } from "../../harness/api";
import { commandDataDir, scratchDatabases, withDatabases } from "../../harness/databases";
import type { Databases } from "../../src/db";

// Debian's Chromium driven by playwright-core, which downloads no browser of its own, and GraphiQL driven in it.

const chromiumPath = "/usr/bin/chromium";
const installHint = `${chromiumPath} is missing: apt-get install -y chromium (Debian's package, which .ci/run installs)`;
const ci = process.env.CI === "true";
const hasChromium = existsSync(chromiumPath);

/** A describe that needs Chromium: skipped with the install hint without it, failing under CI=true (where .ci/run installs it). */
export function describeInChromium(name: string, tests: () => void): void {
  if (hasChromium || ci) {
    describe(name, tests);
  } else {
    console.warn(`Skipping "${name}": ${installHint}`);
    describe.skip(name, tests);
  }
}

export function launchChromium() {
  if (!hasChromium) throw new Error(installHint);
  return chromium.launch({ executablePath: chromiumPath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
}

/** Whether a request stays on this machine: the loopback, or no network at all (a page's blob: workers, data: images). */
function isLocal(address: string): boolean {
  const url = new URL(address);
  if (url.protocol === "blob:" || url.protocol === "data:") return true;
  return ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

/**
 * Blocks every request of the context's pages that would leave the loopback, as with no network, and
 * answers the list of those attempted (kept up to date), for a test to show.
 */
export async function blockOutsideRequests(context: BrowserContext): Promise<string[]> {
  const outside: string[] = [];
  await context.route("**/*", (route) => {
    const address = route.request().url();
    if (isLocal(address)) return route.continue();
    outside.push(address);
    return route.abort("blockedbyclient");
  });
  await context.routeWebSocket(
    (url) => !isLocal(url.href),
    (socket) => {
      outside.push(socket.url());
      return socket.close();
    },
  );
  return outside;
}

export interface GraphiQLServer<T> {
  browser: Browser;
  api: ApiServer;
  /** what `seed` answered */
  seeded: T;
}

/**
 * Registers jest hooks for a test of GraphiQL or the web app: Chromium, and `npm start` (not
 * production: that serves no GraphiQL) over scratch databases that `seed` wrote first, with `env`'s
 * variables besides.
 */
export function useGraphiQLServer<T>(
  seed: (databases: Databases) => Promise<T>,
  { env }: { env?: (seeded: T) => Record<string, string> } = {},
): GraphiQLServer<T> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const server = {} as GraphiQLServer<T>;
  beforeAll(async () => {
    server.browser = await launchChromium();
    cleanups.push(() => server.browser.close());
    const { config, remove } = await scratchDatabases();
    const { dataDir, remove: removeDataDir } = await commandDataDir(config);
    cleanups.push(remove, removeDataDir);
    server.seeded = await withDatabases(config, seed);
    server.api = await startApi(config, { dataDir, env: { NODE_ENV: "development", ...env?.(server.seeded) } });
    cleanups.unshift(() => server.api.stop());
  });
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  return server;
}

/** What an editor pane shows, its spaces plain (the editor draws them as no-break spaces). */
export const textOf = async (pane: Locator) => ((await pane.textContent()) ?? "").replaceAll("\u00a0", " ");

/** Replaces the operation in GraphiQL's editor by `text`, typed as a user types it (the editor closes each brace and parenthesis as it is opened). */
export async function typeOperation(page: Page, text: string): Promise<void> {
  await page.locator(".graphiql-query-editor .monaco-editor").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(text);
}

/** The answer GraphiQL shows, once it holds `expected` (or after 20 s, for the test to show what it holds). */
export async function shownAnswer(page: Page, expected: string): Promise<unknown> {
  const result = page.locator(".graphiql-response");
  await result
    .filter({ hasText: expected })
    .waitFor({ timeout: 20_000 })
    .catch(() => undefined);
  return JSON.parse(await textOf(result));
}
