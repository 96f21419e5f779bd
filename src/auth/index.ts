import type { PelotonConfig } from "../config";
import type { Logger } from "../log";
import { pelotonWebApp } from "./auth0-settings";
import { PelotonAuthError, RefreshTokenRefusedError } from "./errors";
import { loginWithSession } from "./legacy";
import { loginWithPassword, refreshTokens } from "./oauth";
import { originOf, type PelotonSession, type SessionStore } from "./session";

export { type Auth0Settings, pelotonWebApp } from "./auth0-settings";
export { PelotonAuthError, RefreshTokenRefusedError } from "./errors";
export { fileSessionStore, type PelotonSession, type SessionStore } from "./session";

export interface PelotonAuth {
  /** The headers that authenticate an API request, from the saved session, or after logging in if there is none. */
  headers(): Promise<Record<string, string>>;
  /**
   * Called after the API answered 401 to `rejected` headers: renews the session (refresh, else a new login).
   * A caller whose rejected session was already replaced by another caller's renewal returns at once.
   * Throws PelotonAuthError when nothing can renew it.
   */
  renew(rejected: Record<string, string>): Promise<void>;
  /** Records the user id once known (from /api/me), with the session. */
  rememberUserId(userId: string): Promise<void>;
}

// Peloton's edge blocks clients that don't look like a browser.
export const browserUserAgent = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

const EXPIRY_MARGIN_MS = 60_000;

const headersOf = (session: PelotonSession): Record<string, string> =>
  session.kind === "bearer" ? { Authorization: `Bearer ${session.accessToken}` } : { Cookie: `peloton_session_id=${session.sessionId}` };

/**
 * Gets and keeps a Peloton session. Strategies: Auth0 login with username and password (`oauth`), pasted
 * tokens (`token`), the legacy session login (`session`); `auto` uses tokens when given, else credentials.
 * The session is saved at once whenever it changes (refresh tokens rotate), and reused across runs:
 * we log in only when no usable session exists, since frequent logins lock Peloton accounts.
 */
export function createPelotonAuth(config: PelotonConfig, store: SessionStore, logger: Logger): PelotonAuth {
  const auth0 = config.auth0 ?? pelotonWebApp;
  const options = { timeoutMs: config.timeoutMs, userAgent: browserUserAgent, auth0 };
  const mode = config.authMode === "auto" ? (config.accessToken || config.refreshToken ? "token" : "oauth") : config.authMode;
  const credentials = config.username && config.password ? { username: config.username, password: config.password } : null;
  // a saved session is only ours if it came from the credentials configured now, and (tokens being
  // per client and audience) from the same Auth0 client; Peloton's web app adds nothing, so sessions saved before stay ours
  const webApp = auth0.clientId === pelotonWebApp.clientId && auth0.audience === pelotonWebApp.audience;
  const client = mode === "session" || webApp ? [] : [auth0.clientId, auth0.audience];
  const origin =
    mode === "token" ? originOf(mode, config.accessToken, config.refreshToken, ...client) : originOf(mode, config.username?.toLowerCase(), ...client);

  let current: PelotonSession | null | undefined; // undefined: not loaded yet
  // Session changes run one at a time: two requests that both find the token expired must not both
  // refresh it, since the second would present a refresh token the first one rotated away.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  async function save(session: PelotonSession) {
    current = session;
    await store.save(session);
  }

  async function login(reason: string): Promise<void> {
    if (!credentials) {
      throw new PelotonAuthError(
        mode === "token"
          ? `${reason}, and no PELOTON_USERNAME / PELOTON_PASSWORD are set to log in again. Paste a new PELOTON_REFRESH_TOKEN (or PELOTON_ACCESS_TOKEN), or set PELOTON_USERNAME and PELOTON_PASSWORD.`
          : `${reason}: set PELOTON_USERNAME and PELOTON_PASSWORD (or PELOTON_ACCESS_TOKEN / PELOTON_REFRESH_TOKEN copied from a logged-in browser).`,
      );
    }
    logger.info({ mode, username: credentials.username, reason }, "logging in to Peloton");
    if (mode === "session") {
      const { sessionId, userId } = await loginWithSession(config.apiUrl, credentials, options);
      await save({ kind: "cookie", sessionId, userId, origin });
    } else {
      await save({ kind: "bearer", ...(await loginWithPassword(config.authUrl, credentials, options)), origin });
    }
  }

  async function refresh(session: Extract<PelotonSession, { kind: "bearer" }>): Promise<void> {
    try {
      const tokens = await refreshTokens(config.authUrl, session.refreshToken!, options);
      await save({ ...session, ...tokens });
      logger.info("refreshed the Peloton access token");
    } catch (error) {
      if (!(error instanceof RefreshTokenRefusedError)) throw error;
      logger.warn({ err: error }, "Peloton refused the refresh token");
      await login("Peloton refused the saved refresh token");
    }
  }

  async function ensureSession(): Promise<PelotonSession> {
    if (current === undefined) {
      const saved = await store.load();
      current = saved?.origin === origin ? saved : null;
    }
    if (!current && mode === "token") {
      if (!config.accessToken && !config.refreshToken) {
        throw new PelotonAuthError("PELOTON_AUTH_MODE=token needs PELOTON_ACCESS_TOKEN and/or PELOTON_REFRESH_TOKEN.");
      }
      const pasted: PelotonSession = { kind: "bearer", accessToken: config.accessToken ?? "", refreshToken: config.refreshToken, origin };
      if (pasted.accessToken) await save(pasted);
      else await refresh(pasted); // only a refresh token: trade it for an access token now
    }
    if (!current) await login("No saved Peloton session");
    const session = current!;
    if (session.kind === "bearer" && session.refreshToken && session.expiresAt && Date.parse(session.expiresAt) - EXPIRY_MARGIN_MS < Date.now()) {
      await refresh(session); // expired: refresh now rather than spend a request on a 401
    }
    return current!;
  }

  async function renewAfterRejection(): Promise<void> {
    const session = current;
    if (session?.kind === "bearer" && session.refreshToken) return refresh(session);
    return login(session?.kind === "cookie" ? "Peloton ended the session" : "Peloton rejected the access token");
  }

  return {
    headers: () => serialized(async () => headersOf(await ensureSession())),
    renew: (rejected) =>
      serialized(async () => {
        if (current && JSON.stringify(headersOf(current)) === JSON.stringify(rejected)) await renewAfterRejection();
      }),
    rememberUserId: (userId) =>
      serialized(async () => {
        if (current && current.userId !== userId) await save({ ...current, userId });
      }),
  };
}
