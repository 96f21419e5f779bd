import { setTimeout as sleep } from "node:timers/promises";

export interface RateLimiter {
  /** Resolves when a request may start: at least `gapMs` plus random jitter after the previous one started. */
  wait(gapMs: number, signal?: AbortSignal): Promise<void>;
}

/** One limiter for every request to Peloton, however many run concurrently: slots are handed out in call order. */
export function createRateLimiter({ jitterMs, random = Math.random }: { jitterMs: number; random?: () => number }): RateLimiter {
  let lastStart = Number.NEGATIVE_INFINITY;
  return {
    async wait(gapMs, signal) {
      const now = Date.now();
      const start = Math.max(now, lastStart + gapMs + Math.floor(random() * jitterMs));
      lastStart = start;
      if (start > now) await sleep(start - now, undefined, { signal });
    },
  };
}
