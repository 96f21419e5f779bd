import axios, { type AxiosResponse, type Method } from "axios";
import { CookieJar } from "tough-cookie";
import { pageForm } from "./auth0-page";
import { PelotonAuthError } from "./errors";

export interface BrowserRequest {
  method?: Method;
  url: string;
  headers?: Record<string, string>;
  data?: unknown;
}

/** A page the walk stopped at: neither a redirect nor a form that submits itself (any status). */
export interface Page {
  url: string;
  response: AxiosResponse;
  html: string;
}

export type Walked = { landed: URL } | { page: Page };

const MAX_HOPS = 10;
const isRedirect = (status: number) => [301, 302, 303, 307, 308].includes(status);

export type Browser = ReturnType<typeof createBrowser>;

/**
 * An HTTP client that behaves as a browser does during a login: one cookie jar for every host (cookies
 * scoped by domain and path), redirects followed by hand, and self-submitting forms submitted.
 */
export function createBrowser(options: { timeoutMs: number; userAgent: string }) {
  const jar = new CookieJar();
  const http = axios.create({
    timeout: options.timeoutMs,
    maxRedirects: 0,
    validateStatus: () => true,
    headers: { "User-Agent": options.userAgent, Accept: "text/html,application/json" },
  });
  http.interceptors.request.use(async (config) => {
    const cookie = await jar.getCookieString(config.url!);
    if (cookie) config.headers.set("Cookie", cookie);
    return config;
  });
  http.interceptors.response.use(async (response) => {
    const setCookie = response.headers["set-cookie"] ?? [];
    for (const header of setCookie) await jar.setCookie(header, response.config.url!, { ignoreError: true });
    return response;
  });

  return {
    request: (request: BrowserRequest) => http.request(request),

    cookie: async (url: string, name: string) => (await jar.getCookies(url)).find((cookie) => cookie.key === name)?.value,

    /**
     * Sends `first`, then follows redirects (302/303/…) and submits forms that need no input (Auth0's
     * hidden forms) until a Location or form reaches `redirectUri`, which is never loaded: its URL holds
     * the code. Otherwise stops at the first page that is neither. `shownOn` is the page the first answer
     * is shown on when that is not its own URL (an XHR's answer, as the login's form is).
     */
    async walk(first: BrowserRequest, { redirectUri, step, shownOn }: { redirectUri: string; step: string; shownOn?: string }): Promise<Walked> {
      let request = first;
      for (let hops = 0; ; hops++) {
        if (hops > MAX_HOPS) throw new PelotonAuthError(`Peloton's login failed at ${step}: more than ${MAX_HOPS} redirects and forms in a row.`);
        const response = await http.request(request);
        const pageUrl = hops === 0 && shownOn ? shownOn : request.url;
        const location = response.headers.location as string | undefined;
        if (isRedirect(response.status) && location) {
          const next = new URL(location, request.url);
          if (isEndpoint(next, redirectUri)) return { landed: next };
          request = { method: "GET", url: next.toString() };
          continue;
        }
        const html = typeof response.data === "string" ? response.data : "";
        const form = response.status === 200 ? pageForm(html) : null;
        if (!form || form.needsInput) return { page: { url: request.url, response, html } };
        const target = new URL(form.action || pageUrl, pageUrl);
        const fields = new URLSearchParams(form.fields);
        if (form.method === "GET") target.search = fields.toString();
        if (isEndpoint(target, redirectUri)) {
          target.search = fields.toString(); // a form posting the code (response_mode=form_post) lands as well
          return { landed: target };
        }
        request =
          form.method === "GET"
            ? { method: "GET", url: target.toString(), headers: { Referer: pageUrl } }
            : {
                method: "POST",
                url: target.toString(),
                headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: new URL(pageUrl).origin, Referer: pageUrl },
                data: fields.toString(),
              };
      }
    },
  };
}

/** Whether `url` is `endpoint`, whatever its query. */
export const isEndpoint = (url: URL, endpoint: string) => {
  const target = new URL(endpoint);
  return url.origin === target.origin && url.pathname === target.pathname;
};
