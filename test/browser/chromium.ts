import { existsSync } from "node:fs";
import { type BrowserContext, chromium } from "playwright-core";

// Debian's Chromium driven by playwright-core, which downloads no browser of its own.

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
