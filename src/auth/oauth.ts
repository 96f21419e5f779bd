import axios, { type AxiosInstance, type AxiosResponse } from "axios";
import { createHash, randomBytes } from "node:crypto";
import { CookieJar } from "tough-cookie";
import { z } from "zod";
import { PelotonAuthError, RefreshTokenRefusedError } from "./errors";

// Peloton's web app as an Auth0 client (public values, the same in every client that logs in today).
export const auth0 = {
  clientId: "WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM",
  audience: "https://api.onepeloton.com/",
  scope: "offline_access openid peloton-api.members:default",
  redirectUri: "https://members.onepeloton.com/callback",
  auth0Client: "eyJuYW1lIjoiYXV0aDAuanMtdWxwIiwidmVyc2lvbiI6IjkuMTQuMyJ9",
  tenant: "peloton-prod",
  connection: "pelo-user-password",
};

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().positive().optional(),
  token_type: z.string().optional(),
});

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  expiresAt?: string;
}

const base64url = (bytes: Buffer) => bytes.toString("base64url");
const MAX_REDIRECTS = 10;

/**
 * Logs in with a username and password the way Peloton's web app does: Auth0's authorization-code
 * flow with PKCE, driven headlessly (authorize, the login form, the callback form, then the code
 * exchange). One call is one login: callers must reuse the tokens, since logging in often locks accounts.
 */
export async function loginWithPassword(
  authUrl: string,
  credentials: { username: string; password: string },
  options: { timeoutMs: number; userAgent: string },
): Promise<TokenSet> {
  const http = browserLike(authUrl, options);
  const verifier = base64url(randomBytes(32));
  const state = base64url(randomBytes(16));
  const nonce = base64url(randomBytes(16));

  const authorize = new URL("/authorize", authUrl);
  authorize.search = new URLSearchParams({
    client_id: auth0.clientId,
    audience: auth0.audience,
    scope: auth0.scope,
    response_type: "code",
    response_mode: "query",
    redirect_uri: auth0.redirectUri,
    state,
    nonce,
    code_challenge: base64url(createHash("sha256").update(verifier).digest()),
    code_challenge_method: "S256",
    auth0Client: auth0.auth0Client,
  }).toString();
  const loginPage = await http.follow(authorize.toString());
  if (loginPage.response.status !== 200) throw flowError("the login page", loginPage.response);
  const transactionState = new URL(loginPage.url).searchParams.get("state");
  if (!transactionState) throw new PelotonAuthError(`Peloton's login page (${loginPage.url}) carried no state: its login flow may have changed.`);

  const login = await http.request({
    method: "POST",
    url: new URL("/usernamepassword/login", authUrl).toString(),
    headers: { Origin: new URL(authUrl).origin, Referer: loginPage.url, "Auth0-Client": auth0.auth0Client },
    data: {
      client_id: auth0.clientId,
      redirect_uri: auth0.redirectUri,
      tenant: auth0.tenant,
      response_type: "code",
      scope: auth0.scope,
      audience: auth0.audience,
      _csrf: await http.cookie(new URL("/usernamepassword/login", authUrl).toString(), "_csrf"),
      state: transactionState,
      _intstate: "deprecated",
      nonce,
      username: credentials.username,
      password: credentials.password,
      connection: auth0.connection,
      code_challenge: authorize.searchParams.get("code_challenge"),
      code_challenge_method: "S256",
    },
  });
  if (login.status === 401 || login.status === 400) {
    const description = (login.data as { description?: string })?.description ?? "Wrong email or password.";
    throw new PelotonAuthError(
      `Peloton refused the login for ${credentials.username}: ${description} Check PELOTON_USERNAME and PELOTON_PASSWORD.`,
    );
  }
  if (login.status !== 200) throw flowError("the login form", login);

  const form = hiddenForm(String(login.data));
  if (!form) throw new PelotonAuthError("Peloton's login answer held no callback form: its login flow may have changed.");
  const callback = await http.follow(new URL(form.action, authUrl).toString(), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    data: new URLSearchParams(form.fields).toString(),
  });
  const landed = new URL(callback.url);
  if (`${landed.origin}${landed.pathname}` !== auth0.redirectUri) throw flowError("the login callback", callback.response);
  const code = landed.searchParams.get("code");
  if (!code || landed.searchParams.get("state") !== state) {
    throw new PelotonAuthError("Peloton's login callback returned no code for our state: its login flow may have changed.");
  }

  const tokens = await http.request({
    method: "POST",
    url: new URL("/oauth/token", authUrl).toString(),
    data: { grant_type: "authorization_code", client_id: auth0.clientId, code_verifier: verifier, code, redirect_uri: auth0.redirectUri },
  });
  if (tokens.status !== 200) throw flowError("the token exchange", tokens);
  return tokenSet(tokens.data);
}

/** Trades a refresh token for new tokens. Refresh tokens rotate: the answer's refresh token replaces the old one. */
export async function refreshTokens(authUrl: string, refreshToken: string, options: { timeoutMs: number; userAgent: string }): Promise<TokenSet> {
  const response = await axios.post(
    new URL("/oauth/token", authUrl).toString(),
    { grant_type: "refresh_token", client_id: auth0.clientId, refresh_token: refreshToken },
    { timeout: options.timeoutMs, headers: { "User-Agent": options.userAgent }, validateStatus: () => true },
  );
  if (response.status === 200) return tokenSet(response.data, refreshToken);
  const error = (response.data as { error?: string; error_description?: string }) ?? {};
  if (error.error === "invalid_grant") {
    throw new RefreshTokenRefusedError(`Peloton refused the refresh token: ${error.error_description ?? "invalid_grant"}`);
  }
  throw new Error(`Refreshing the Peloton token failed: HTTP ${response.status} ${JSON.stringify(response.data)}`);
}

function tokenSet(body: unknown, previousRefreshToken?: string): TokenSet {
  const parsed = tokenResponseSchema.safeParse(body);
  if (!parsed.success) throw new PelotonAuthError(`Peloton's token answer was not understood: ${parsed.error.issues[0]?.message}`);
  const { access_token, refresh_token, expires_in } = parsed.data;
  return {
    accessToken: access_token,
    refreshToken: refresh_token ?? previousRefreshToken,
    expiresAt: expires_in ? new Date(Date.now() + expires_in * 1000).toISOString() : undefined,
  };
}

function flowError(step: string, response: AxiosResponse): PelotonAuthError {
  const body = typeof response.data === "string" ? response.data.slice(0, 200) : JSON.stringify(response.data);
  const hint = response.status === 429 ? " Peloton is rate-limiting logins: wait an hour before trying again." : "";
  return new PelotonAuthError(`Peloton's login failed at ${step}: HTTP ${response.status} ${body}.${hint}`);
}

/** An HTTP client that keeps cookies (path-scoped, as a browser does) and follows redirects itself. */
function browserLike(authUrl: string, options: { timeoutMs: number; userAgent: string }) {
  const jar = new CookieJar();
  const http: AxiosInstance = axios.create({
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
    request: http.request.bind(http),
    cookie: async (url: string, name: string) => (await jar.getCookies(url)).find((c) => c.key === name)?.value,
    /** Requests url and follows redirects until an answer that is not one, or one leaving for Peloton's web app. */
    async follow(url: string, first: Parameters<AxiosInstance["request"]>[0] = {}) {
      let response = await http.request({ ...first, url });
      for (let hops = 0; response.status >= 300 && response.status < 400 && response.headers.location; hops++) {
        if (hops === MAX_REDIRECTS) throw new PelotonAuthError(`Peloton's login redirected more than ${MAX_REDIRECTS} times.`);
        url = new URL(String(response.headers.location), url).toString();
        if (url.startsWith(auth0.redirectUri)) break; // the code is in this URL: never load Peloton's web app
        response = await http.request({ method: "GET", url });
      }
      return { url, response };
    },
  };
}

/** The hidden form Auth0 answers a successful login with (wa, wresult, wctx), to be posted to its callback. */
export function hiddenForm(html: string): { action: string; fields: Record<string, string> } | null {
  const action = /<form[^>]*\baction="([^"]*)"/i.exec(html)?.[1];
  if (!action) return null;
  const fields: Record<string, string> = {};
  for (const [input] of html.matchAll(/<input\b[^>]*>/gi)) {
    const name = /\bname="([^"]*)"/i.exec(input)?.[1];
    const value = /\bvalue="([^"]*)"/i.exec(input)?.[1];
    if (name && value !== undefined && /\btype="hidden"/i.test(input)) fields[decodeEntities(name)] = decodeEntities(value);
  }
  return { action: decodeEntities(action), fields };
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === "#") return String.fromCodePoint(entity[1]?.toLowerCase() === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
    return entities[entity.toLowerCase()] ?? whole;
  });
}
