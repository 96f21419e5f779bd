import { existsSync } from "node:fs";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import path from "node:path";
import sirv from "sirv";

const projectRoot = path.resolve(__dirname, "..");

/** The web app's trusted documents (GraphQL Code Generator's manifest of web/src): the server answers them whatever TRUSTED_DOCUMENTS lists. */
export const webDocuments = path.join(projectRoot, "web", "src", "graphql", "persisted-documents.json");

/** Where `npm run build` writes the web app (web/vite.config.mts). */
export const webBuild = path.join(projectRoot, "dist", "web");

/** The API's own paths: the GraphQL endpoint (GraphiQL is its GET from a browser); every other path is the web app's. */
export const isApiPath = (url = "/") => /^\/graphql(?:[/?]|$)/.test(url);

// the app's files only, album art from anywhere over HTTPS (Peloton's CDN), no framing
const contentSecurityPolicy = "default-src 'self'; img-src 'self' data: https:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

/**
 * Serves the built web app (`dir`): its files, and index.html for any other path, where the app's
 * router reads it (a page's URL is shareable). Hashed assets are cached for good, the rest checked
 * each time. Unbuilt, every page says how to build it.
 */
export function webApp(dir = webBuild): RequestListener {
  const refuse = (response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) => {
    response.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers }).end(`${message}\n`);
  };
  if (!existsSync(path.join(dir, "index.html"))) {
    return (_request, response) => refuse(response, 404, "The web app is not built: run npm run build (GraphiQL is at /graphql).");
  }
  const files = sirv(dir, {
    single: true,
    // a missing asset is a 404, not the app's page (which a year's caching would keep)
    ignores: ["^/assets/"],
    etag: true,
    setHeaders: (response, pathname) => {
      response.setHeader("x-content-type-options", "nosniff");
      response.setHeader("content-security-policy", contentSecurityPolicy);
      // hashed names (Vite's): a changed file has a new name
      response.setHeader("cache-control", pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  return (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== "GET" && request.method !== "HEAD") return refuse(response, 405, "The web app's pages are read with GET.", { allow: "GET, HEAD" });
    files(request, response, () => refuse(response, 404, "Not found."));
  };
}
