import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { createApi } from "../../src/server";
import { blockOutsideRequests, describeInChromium, launchChromium } from "../support/browser";
import { openTestDatabases, type TestDatabases } from "../support/databases";

// What a browser lets a page of another origin read from the API: the CORS policy as Chromium enforces it.

describeInChromium("CORS in a browser", () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  let browser: Browser;
  let db: TestDatabases;
  let pagePort: number;

  const listen = async (server: Server) => {
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    cleanups.unshift(() => new Promise((resolve) => server.close(resolve)));
    return (server.address() as AddressInfo).port;
  };

  beforeAll(async () => {
    browser = await launchChromium();
    cleanups.push(() => browser.close());
    db = await openTestDatabases();
    cleanups.push(() => db.dispose());
    // a front-end's page, on two origins: http://localhost:<port> and http://127.0.0.1:<port>
    pagePort = await listen(
      createServer((_request, response) => response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>app</title>")),
    );
  });

  afterAll(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  /** What a page at `pageOrigin` gets from a JSON POST with a bearer token (preflighted) to the API: its data, or the browser's refusal. */
  async function postFrom(pageOrigin: string, api: ReturnType<typeof createApi>) {
    const apiUrl = `http://127.0.0.1:${await listen(createServer(api))}/graphql`;
    const context = await browser.newContext();
    const outside = await blockOutsideRequests(context);
    const page = await context.newPage();
    await page.goto(`${pageOrigin}/`);
    const answer = await page.evaluate(async (url) => {
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: "Bearer not-an-admin-token" },
          body: JSON.stringify({ query: "{ catalogueStatus { classesListed } }" }),
        });
        return await response.json();
      } catch (error) {
        return `refused: ${String(error)}`;
      }
    }, apiUrl);
    await context.close();
    expect(outside).toEqual([]);
    return answer;
  }

  const data = { data: { catalogueStatus: { classesListed: 0 } } };

  it("lets a listed origin's page read the answer, and no other's, in production", async () => {
    const api = createApi(db, { production: true, corsOrigins: [`http://localhost:${pagePort}`] });
    expect(await postFrom(`http://localhost:${pagePort}`, api)).toEqual(data);
    expect(await postFrom(`http://127.0.0.1:${pagePort}`, api)).toBe("refused: TypeError: Failed to fetch");
  });

  it("lets a page on localhost's dev ports read it outside production", async () => {
    expect(await postFrom(`http://127.0.0.1:${pagePort}`, createApi(db))).toEqual(data);
  });
});
