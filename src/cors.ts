import type { CORSOptions, Plugin } from "graphql-yoga";

// a front-end dev server: any port of this machine, outside production
const localDevelopment = /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/;

/**
 * Which pages of other origins may call the API from a browser (Yoga's `cors` option): those listed
 * (CORS_ORIGINS), and outside production any port of localhost. Its own pages need none. Never with
 * credentials: the admin token is a bearer header, not a cookie a browser would add by itself.
 */
export function corsPolicy(listed: readonly string[], { production }: { production: boolean }): (request: Request) => CORSOptions {
  const allowed = new Set(listed);
  return (request) => {
    const origin = request.headers.get("origin");
    if (origin === null || !(allowed.has(origin) || (!production && localDevelopment.test(origin)))) return false;
    // every JSON POST of a front-end is preflighted: let the browser keep the answer for 10 minutes
    return { origin, credentials: false, maxAge: 600 };
  };
}

/** Each answer says that it depends on the Origin, so that no cache gives one origin's answer (with or without CORS headers) to another. */
export const varyOnOrigin: Plugin = {
  onResponse({ response }) {
    response.headers.append("vary", "Origin");
  },
};
