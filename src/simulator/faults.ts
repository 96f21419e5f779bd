import { html, json, type Reply } from "./http";
import { pelotonError } from "./payloads";
import type { Fault, FaultRoute, Faults } from "./types";

interface Pending {
  route: FaultRoute;
  fault: Fault;
  left: number;
}

/** Faults queued by tests, taken first-in first-out by the requests they match. */
export class FaultQueue implements Faults {
  private pending: Pending[] = [];
  private pageHooks = new Map<number, (() => void)[]>();

  inject(route: FaultRoute, fault: Fault, times = 1): void {
    if (!(Number.isInteger(times) && times >= 1) && times !== Infinity)
      throw new Error(`faults.inject: times must be a whole number >= 1 (or Infinity), got ${times}`);
    this.pending.push({ route, fault, left: times });
  }

  beforeArchivedPage(page: number, fn: () => void): void {
    this.pageHooks.set(page, [...(this.pageHooks.get(page) ?? []), fn]);
  }

  clear(): void {
    this.pending = [];
    this.pageHooks.clear();
  }

  /** The fault the next request to `route` gets, if any (one per request). */
  take(route: FaultRoute | undefined): Fault | undefined {
    const match = this.pending.find((pending) => pending.route === "any" || pending.route === route);
    if (!match) return undefined;
    if (--match.left === 0) this.pending = this.pending.filter((pending) => pending !== match);
    return match.fault;
  }

  runPageHooks(page: number): void {
    const hooks = this.pageHooks.get(page);
    if (!hooks) return;
    this.pageHooks.delete(page);
    for (const hook of hooks) hook();
  }
}

/** The answer a status fault gives in place of the normal one; undefined for faults that alter the normal answer. */
export function faultReply(fault: Fault): Reply | undefined {
  if (!("status" in fault)) return undefined;
  switch (fault.status) {
    case 429:
      if (fault.cloudflare) {
        return html(429, "error code: 1015", {
          "Content-Type": "text/plain; charset=UTF-8",
          Server: "cloudflare",
          ...(fault.retryAfterSeconds === undefined ? {} : { "Retry-After": String(fault.retryAfterSeconds) }),
        });
      }
      return json(
        429,
        pelotonError(429, 4290, "Too Many Requests"),
        fault.retryAfterSeconds === undefined ? {} : { "Retry-After": String(fault.retryAfterSeconds) },
      );
    case 404:
      return json(404, pelotonError(404, 4040, "Not Found"));
    case 500:
      return json(500, pelotonError(500, 5000, "Internal Server Error"));
    case 503:
      return json(503, pelotonError(503, 5030, "Service Unavailable"));
    case 502:
    case 504:
      return cloudflarePage(fault.status);
  }
}

// what Cloudflare, in front of api.onepeloton.com, answers when the origin fails
function cloudflarePage(status: 502 | 504): Reply {
  const title = status === 502 ? "502 Bad Gateway" : "504 Gateway Time-out";
  return html(
    status,
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n`,
    {
      Server: "cloudflare",
    },
  );
}
