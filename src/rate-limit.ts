// The per-client request rate limit: each client address gets so many requests a minute, whatever
// they cost (the query limits bound what one request may cost); the admin's requests are not counted.

import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { carriesToken } from "./admin-token";
import type { Logger } from "./log";

export interface RateLimitOptions {
  /** requests with `Authorization: Bearer <adminToken>` are not limited */
  adminToken?: string;
  logger?: Logger;
}

/**
 * Answers 429 with Retry-After and a RATE_LIMITED error once a client address has made `perMinute`
 * requests in the last minute. The address is the connection's own (X-Forwarded-For is not trusted:
 * anyone can send it); behind a reverse proxy every client shares the proxy's address.
 */
export function useRateLimit(perMinute: number, { adminToken, logger }: RateLimitOptions = {}): Plugin<object, { req?: IncomingMessage }> {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return {
    async onRequest({ request, serverContext, endResponse, fetchAPI }) {
      if (adminToken && carriesToken(request.headers.get("authorization"), adminToken)) return;
      const client = clientKey(serverContext.req?.socket.remoteAddress);
      try {
        await limiter.consume(client);
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        logger?.debug({ client, retryAfterSeconds: seconds }, "request refused: over the rate limit");
        const message = `Too many requests from this address (more than ${perMinute} a minute); try again in ${seconds} s.`;
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: "RATE_LIMITED" } }] }), {
            status: 429,
            headers: { "content-type": "application/json; charset=utf-8", "retry-after": String(seconds) },
          }),
        );
      }
    },
  };
}

/** What a client is counted by: its IPv4 address, or its IPv6 address's /64 network (what one subscriber is given). */
export function clientKey(address: string | undefined): string {
  if (!address) return "unknown";
  const ipv4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (ipv4) return ipv4[1]!;
  const groups = (part: string | undefined) => (part ? part.split(":").flatMap((group) => (group.includes(".") ? ["0", "0"] : [group])) : []);
  const [head, tail] = address.toLowerCase().replace(/%.*$/, "").split("::");
  const [left, right] = [groups(head), groups(tail)];
  const all = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${all
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
