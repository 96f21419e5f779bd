import { createHash, randomBytes } from "node:crypto";
import axios, { type AxiosResponse } from "axios";
import { z } from "zod";
import { loginPageParams, pageForm, pageText } from "./auth0-page";
import { type Auth0Settings, pelotonWebApp } from "./auth0-settings";
import { type Browser, createBrowser, type Page } from "./browser";
import { PelotonAuthError, RefreshTokenRefusedError } from "./errors";

// The parts of Peloton's web app's login that are not settings (peloton-api.md §1c).
const webApp = {
  scope: "offline_access openid peloton-api.members:default",
  auth0Client: "eyJuYW1lIjoiYXV0aDAuanMtdWxwIiwidmVyc2lvbiI6IjkuMTQuMyJ9",
  tenant: "peloton-prod",
  connection: "pelo-user-password",
};

export interface OAuthOptions {
  timeoutMs: number;
  userAgent: string;
  /** absent: Peloton's web app */
  auth0?: Auth0Settings;
}

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

/**
 * Logs in with a username and password the way Peloton's web app does: Auth0's authorization-code
 * flow with PKCE, driven headlessly (authorize, the login page, the credentials, then whatever chain of
 * redirects and self-submitting forms ends at the redirect URI with a code, then the code exchange).
 * One call is one login: callers must reuse the tokens, since logging in often locks accounts.
 */
export async function loginWithPassword(authUrl: string, credentials: { username: string; password: string }, options: OAuthOptions): Promise<TokenSet> {
  const settings = options.auth0 ?? pelotonWebApp;
  const browser = createBrowser(options);
  const verifier = base64url(randomBytes(32));
  const state = base64url(randomBytes(16));
  const nonce = base64url(randomBytes(16));
  const codeChallenge = base64url(createHash("sha256").update(verifier).digest());

  const authorize = new URL("/authorize", authUrl);
  authorize.search = new URLSearchParams({
    client_id: settings.clientId,
    audience: settings.audience,
    scope: webApp.scope,
    response_type: "code",
    response_mode: "query",
    redirect_uri: settings.redirectUri,
    state,
    nonce,
    code_challenge: codeChallenge,
    code_challenge_method: "S256",
    auth0Client: webApp.auth0Client,
  }).toString();
  const start = await browser.walk({ url: authorize.toString() }, { redirectUri: settings.redirectUri, step: "the login page" });
  // landing without a login page: an Auth0 session let us in at once
  const landed =
    "landed" in start ? start.landed : await submitCredentials(start.page, { authUrl, settings, credentials, state, nonce, codeChallenge, browser });

  const code = landed.searchParams.get("code");
  const error = landed.searchParams.get("error");
  if (error)
    throw new PelotonAuthError(`Peloton's login ended without a code: ${error} (${landed.searchParams.get("error_description") ?? "no description"}).`);
  if (!code || landed.searchParams.get("state") !== state) {
    throw new PelotonAuthError("Peloton's login callback returned no code for our state: its login flow may have changed.");
  }

  const tokens = await browser.request({
    method: "POST",
    url: new URL("/oauth/token", authUrl).toString(),
    data: { grant_type: "authorization_code", client_id: settings.clientId, code_verifier: verifier, code, redirect_uri: settings.redirectUri },
  });
  if (tokens.status !== 200) throw flowError("the token exchange", tokens, credentials.password);
  return tokenSet(tokens.data);
}

interface LoginFlow {
  authUrl: string;
  settings: Auth0Settings;
  credentials: { username: string; password: string };
  /** ours, not Auth0's transaction state */
  state: string;
  nonce: string;
  codeChallenge: string;
  browser: Browser;
}

/** Posts the credentials from the login page, then walks the redirects and forms to the redirect URI. */
async function submitCredentials(loginPage: Page, { authUrl, settings, credentials, state, nonce, codeChallenge, browser }: LoginFlow): Promise<URL> {
  const failed = (step: string, response: AxiosResponse) => flowError(step, response, credentials.password);
  const loginEndpoint = new URL("/usernamepassword/login", authUrl).toString();
  if (loginPage.response.status !== 200) throw failed("the login page", loginPage.response);
  const transaction = loginPageTransaction(loginPage, state);
  const csrf = transaction.csrf ?? (await browser.cookie(loginEndpoint, "_csrf"));
  if (!transaction.state || !csrf) {
    const missing = !transaction.state ? "no transaction state" : "no CSRF token (no _csrf input, setting or cookie)";
    throw new PelotonAuthError(
      `Peloton's login failed at the login page (${where(loginPage.url)}): it carried ${missing}, so its login flow may have changed.`,
    );
  }
  const credentialsPost = {
    method: "POST" as const,
    url: loginEndpoint,
    // what the web app's login page sends: a strict Auth0 refuses the credentials without Origin and Referer
    headers: { "Content-Type": "application/json", Origin: new URL(authUrl).origin, Referer: loginPage.url, "Auth0-Client": webApp.auth0Client },
    data: {
      client_id: settings.clientId,
      redirect_uri: settings.redirectUri,
      tenant: webApp.tenant,
      response_type: "code",
      scope: webApp.scope,
      audience: settings.audience,
      _csrf: csrf,
      state: transaction.state,
      _intstate: "deprecated",
      nonce,
      username: credentials.username,
      password: credentials.password,
      connection: webApp.connection,
      code_challenge: codeChallenge,
      code_challenge_method: "S256",
    },
  };
  const after = await browser.walk(credentialsPost, { redirectUri: settings.redirectUri, step: "the login callback", shownOn: loginPage.url });
  if ("landed" in after) return after.landed;
  const { url, response, html } = after.page;
  if (url === loginEndpoint && (response.status === 401 || response.status === 400)) {
    const description = (response.data as { description?: unknown })?.description;
    throw new PelotonAuthError(
      `Peloton refused the login for ${credentials.username}: ${typeof description === "string" ? description : "Wrong email or password."} Check PELOTON_USERNAME and PELOTON_PASSWORD.`,
    );
  }
  const step = url === loginEndpoint ? "the login form" : `the login callback (${where(url)})`;
  if (response.status !== 200) throw failed(step, response);
  throw new PelotonAuthError(
    `Peloton's login failed at ${step}: it stopped at a page that neither redirects nor submits itself (${pageText(html, 120) || "empty"}), so its login flow may have changed.`,
  );
}

/** Trades a refresh token for new tokens. Refresh tokens rotate: the answer's refresh token replaces the old one. */
export async function refreshTokens(authUrl: string, refreshToken: string, options: OAuthOptions): Promise<TokenSet> {
  const response = await axios.post(
    new URL("/oauth/token", authUrl).toString(),
    { grant_type: "refresh_token", client_id: (options.auth0 ?? pelotonWebApp).clientId, refresh_token: refreshToken },
    { timeout: options.timeoutMs, headers: { "User-Agent": options.userAgent }, validateStatus: () => true },
  );
  if (response.status === 200) return tokenSet(response.data, refreshToken);
  const error = (response.data as { error?: string; error_description?: string }) ?? {};
  if (error.error === "invalid_grant") {
    throw new RefreshTokenRefusedError(`Peloton refused the refresh token: ${error.error_description ?? "invalid_grant"}`);
  }
  throw new Error(`Refreshing the Peloton token failed: HTTP ${response.status} ${JSON.stringify(response.data)}`);
}

/**
 * The login transaction's state and CSRF token as the login page carries them: in its form's hidden
 * inputs, in the classic page's settings, or (state only) in its URL. Without a CSRF token in the page,
 * the `_csrf` cookie holds it.
 */
function loginPageTransaction(page: Page, ourState: string): { state?: string; csrf?: string } {
  const inputs = pageForm(page.html)?.fields ?? {};
  const settings = loginPageParams(page.html);
  const inUrl = new URL(page.url).searchParams.get("state");
  return {
    // a login page shown at /authorize itself has our state in its URL, not Auth0's
    state: inputs.state || settings.state || (inUrl && inUrl !== ourState ? inUrl : undefined),
    csrf: inputs._csrf || settings._csrf || undefined,
  };
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

/** One line naming the step and what Peloton answered, with the password blanked should the answer echo it. */
function flowError(step: string, response: AxiosResponse, password: string): PelotonAuthError {
  const body = typeof response.data === "string" ? pageText(response.data) : (JSON.stringify(response.data) ?? "").slice(0, 200);
  const hint = response.status === 429 ? " Peloton is rate-limiting logins: wait an hour before trying again." : "";
  const message = `Peloton's login failed at ${step}: HTTP ${response.status} ${body}.${hint}`;
  return new PelotonAuthError(password ? message.split(password).join("****") : message);
}

/** host and path of a URL, for messages (its query may hold the transaction's state). */
const where = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
};
