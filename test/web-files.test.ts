import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { isApiPath, webApp } from "../src/web";

// How npm start answers the paths that are not the API's: the built web app's files, its index.html
// for a page's path (the app's router reads it), and a clear word when it is not built.

let dir: string;
const servers: Server[] = [];
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "web-files-"));
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await rm(dir, { recursive: true, force: true });
  await rm(path.join(dir, "..", "web-files-secret.txt"), { force: true });
});

async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

it("sends only /graphql (and its query strings) to the API", () => {
  for (const url of ["/graphql", "/graphql?documentId=x", "/graphql/stream"]) expect(isApiPath(url)).toBe(true);
  for (const url of ["/", "/graphqlx", "/search?q=graphql", "/assets/graphql.js"]) expect(isApiPath(url)).toBe(false);
});

it("says how to build the app when it is not built", async () => {
  const origin = await serve(webApp(path.join(dir, "missing")));
  const response = await fetch(`${origin}/`);
  expect(response.status).toBe(404);
  expect(await response.text()).toMatch(/not built: run npm run build/);
});

it("serves the files, index.html for a page's path, assets cached for good, and refuses other methods", async () => {
  await writeFile(path.join(dir, "index.html"), "<!doctype html><title>app</title>");
  await writeFile(path.join(dir, "..", "web-files-secret.txt"), "secret");
  await mkdir(path.join(dir, "assets"));
  await writeFile(path.join(dir, "assets", "app-1a2b.js"), "export {};");
  const origin = await serve(webApp(dir));
  const page = await fetch(`${origin}/artists/some-id?x=1`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain("<title>app</title>");
  expect(page.headers.get("cache-control")).toBe("no-cache");
  expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  const asset = await fetch(`${origin}/assets/app-1a2b.js`);
  expect(await asset.text()).toBe("export {};");
  expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  expect(asset.headers.get("content-type")).toMatch(/javascript/);
  // a missing asset is no page of the app (which would be cached for a year under its name)
  expect((await fetch(`${origin}/assets/gone-9f8e.js`)).status).toBe(404);
  expect((await fetch(`${origin}/assets/gone`)).status).toBe(404);
  // nothing outside the app's directory, however the path is spelled
  for (const outside of ["/../web-files-secret.txt", "/%2e%2e/web-files-secret.txt", "/assets/..%2f..%2fweb-files-secret.txt"]) {
    expect(await (await fetch(`${origin}${outside}`)).text()).not.toContain("secret");
  }
  const posted = await fetch(`${origin}/`, { method: "POST", body: "x" });
  expect(posted.status).toBe(405);
  expect(posted.headers.get("allow")).toBe("GET, HEAD");
});
