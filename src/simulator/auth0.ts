import { createHash, createHmac, randomBytes } from "node:crypto";
import { base64url, escapeHtml, formFields, html, json, type Reply, redirect, type SimRequest } from "./http";
import type { Tokens } from "./tokens";
import type { Auth0Options } from "./types";

// Auth0's authorization-code + PKCE flow as Peloton's web app drives it (peloton-api.md §1c), with the
// variants real Auth0 may answer with at each step (Auth0Options in types.ts).

const TENANT = "peloton-prod";
const CONNECTION = "pelo-user-password";
const SESSION_COOKIE = "auth0";

export type Auth0Settings = Required<Auth0Options>;

const variants = {
  authorize: ["redirect", "form"],
  csrf: ["config", "input", "cookie"],
  login: ["form", "redirect"],
  ssoHop: ["none", "redirect", "form"],
} as const;

/** The options with their defaults (Peloton's web app, answered as the classic login page does); throws naming a bad one. */
export function auth0Settings(options: Auth0Options = {}): Auth0Settings {
  for (const [name, allowed] of Object.entries(variants)) {
    const value = options[name as keyof typeof variants];
    if (value !== undefined && !(allowed as readonly string[]).includes(value)) {
      throw new Error(`simulator option auth0.${name} must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`);
    }
  }
  for (const name of ["clientId", "audience", "redirectUri"] as const) {
    if (options[name] !== undefined && !/^\S+$/.test(options[name]))
      throw new Error(`simulator option auth0.${name} must be a non-empty string without spaces`);
  }
  if (options.redirectUri !== undefined && !URL.canParse(options.redirectUri))
    throw new Error(`simulator option auth0.redirectUri must be a URL, got ${options.redirectUri}`);
  return {
    clientId: options.clientId ?? "WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM",
    audience: options.audience ?? "https://api.onepeloton.com/",
    redirectUri: options.redirectUri ?? "https://members.onepeloton.com/callback",
    authorize: options.authorize ?? "redirect",
    csrf: options.csrf ?? "config",
    login: options.login ?? "form",
    ssoHop: options.ssoHop ?? "none",
    requireOrigin: options.requireOrigin ?? false,
  };
}

interface Transaction {
  /** Auth0's own state for the login (not the client's) */
  state: string;
  clientState?: string;
  nonce?: string;
  codeChallenge: string;
  scope: string;
  audience: string;
  /** the _csrf cookie's value */
  csrf: string;
  session: string;
  loggedIn: boolean;
  /** whether the chain went through the second host, when there is one */
  hopped: boolean;
}

interface IssuedCode {
  codeChallenge: string;
  nonce?: string;
}

const opaque = (bytes = 24) => randomBytes(bytes).toString("base64url");

export class Auth0 {
  private readonly transactions = new Map<string, Transaction>();
  /** wresult of a successful password check → its transaction state */
  private readonly logins = new Map<string, string>();
  private readonly codes = new Map<string, IssuedCode>();
  private readonly csrfSecret = randomBytes(32);

  constructor(
    private readonly credentials: { username: string; password: string },
    private readonly tokens: Tokens,
    private readonly baseUrl: () => string,
    readonly settings: Auth0Settings,
    /** the second host's base URL (auth-orca's stand-in), when settings.ssoHop is not "none" */
    private readonly ssoUrl: () => string,
  ) {}

  /** GET /authorize: starts a transaction and sends the browser to the login page, or shows it at once. */
  authorize(request: SimRequest): Reply {
    const q = request.query;
    const { clientId, redirectUri, audience } = this.settings;
    if (q.client_id !== clientId) return errorPage(400, "invalid_request", `Unknown client: ${q.client_id ?? "(none)"}`);
    if (q.redirect_uri !== redirectUri)
      return errorPage(400, "invalid_request", `The redirect_uri is not allowed for this client: ${q.redirect_uri ?? "(none)"}`);
    if (q.audience !== undefined && q.audience !== audience) return errorPage(403, "access_denied", `Service not found: ${q.audience}`);
    if (q.response_type !== "code") return errorPage(400, "unsupported_response_type", `Unsupported response type: ${q.response_type ?? "(none)"}`);
    if (q.code_challenge_method !== "S256" || !q.code_challenge)
      return errorPage(400, "invalid_request", "code_challenge with code_challenge_method=S256 is required");
    const transaction: Transaction = {
      state: opaque(),
      clientState: q.state,
      nonce: q.nonce,
      codeChallenge: q.code_challenge,
      scope: q.scope ?? "openid",
      audience,
      csrf: opaque(),
      session: opaque(),
      loggedIn: false,
      hopped: false,
    };
    this.transactions.set(transaction.state, transaction);
    const cookies = {
      "Set-Cookie": [`_csrf=${transaction.csrf}; Path=/usernamepassword/login; HttpOnly`, `${SESSION_COOKIE}=${transaction.session}; Path=/; HttpOnly`],
    };
    if (this.settings.authorize === "form") return { ...this.page(transaction), headers: cookies };
    const login = new URLSearchParams({
      state: transaction.state,
      client: clientId,
      protocol: "oauth2",
      scope: transaction.scope,
      response_type: "code",
      redirect_uri: redirectUri,
    });
    return redirect(`/login?${login}`, cookies);
  }

  /** GET /login: the login page. */
  loginPage(request: SimRequest): Reply {
    const transaction = this.transactions.get(request.query.state ?? "");
    if (!transaction) return errorPage(400, "invalid_request", "Invalid state");
    return this.page(transaction);
  }

  /**
   * The login page: as Auth0's classic page, its settings in a base64 JSON blob (with the CSRF token, or
   * without it when csrf is "cookie"); or, when csrf is "input", a form whose hidden inputs hold the state
   * and a CSRF token derived from the cookie (not equal to it, as csurf's are).
   */
  private page(transaction: Transaction): Reply {
    const { clientId, redirectUri, csrf } = this.settings;
    if (csrf === "input") {
      return html(
        200,
        htmlPage(
          "Log in | Peloton",
          `<form method="post" action="/usernamepassword/login" class="auth0-lock-widget">
  <input type="hidden" name="state" value="${escapeHtml(transaction.state)}">
  <input type="hidden" name="_csrf" value="${escapeHtml(this.csrfToken(transaction.csrf))}">
  <input type="email" name="username" autocomplete="username">
  <input type="password" name="password" autocomplete="current-password">
  <button type="submit">Log in</button>
</form>`,
        ),
      );
    }
    const params = {
      protocol: "oauth2",
      response_type: "code",
      response_mode: "query",
      scope: transaction.scope,
      audience: transaction.audience,
      nonce: transaction.nonce,
      code_challenge: transaction.codeChallenge,
      code_challenge_method: "S256",
      ...(csrf === "config" ? { _csrf: transaction.csrf } : {}),
      _intstate: "deprecated",
      state: transaction.state,
    };
    const config = {
      auth0Domain: new URL(this.baseUrl()).host,
      auth0Tenant: TENANT,
      callbackURL: redirectUri,
      clientID: clientId,
      connection: CONNECTION,
      extraParams: params,
      internalOptions: params,
      authorizationServer: { url: this.baseUrl(), issuer: `${this.baseUrl()}/` },
    };
    const blob = Buffer.from(JSON.stringify(config)).toString("base64");
    return html(
      200,
      htmlPage(
        "Log in | Peloton",
        `<div id="auth0-login-container"></div>
<script>
  var config = JSON.parse(decodeURIComponent(escape(window.atob('${blob}'))));
</script>`,
      ),
    );
  }

  /** POST /usernamepassword/login: checks origin, state, csrf and password; answers the form (or redirect) that carries the login on. */
  usernamePasswordLogin(request: SimRequest): Reply {
    const refusedOrigin = this.checkOrigin(request);
    if (refusedOrigin) return json(403, { name: "AnomalyDetected", code: "access_denied", description: refusedOrigin });
    const fields = formFields(request) ?? {};
    const transaction = this.transactions.get(fields.state ?? "");
    const cookie = request.cookies._csrf;
    const expected = cookie && (this.settings.csrf === "input" ? this.csrfToken(cookie) : cookie);
    if (!transaction || !fields._csrf || fields._csrf !== expected || cookie !== transaction.csrf) {
      return json(403, { name: "AnomalyDetected", code: "access_denied", description: "Invalid state" });
    }
    const username = (fields.username ?? "").trim().toLowerCase();
    if (username !== this.credentials.username.toLowerCase() || fields.password !== this.credentials.password) {
      return json(401, { name: "ValidationError", code: "invalid_user_password", description: "Wrong email or password.", statusCode: 401 });
    }
    if (this.settings.login === "redirect") {
      transaction.loggedIn = true;
      return { status: 303, location: this.afterCallback(transaction) };
    }
    const wresult = `${base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${base64url(JSON.stringify({ state: transaction.state, iat: Math.floor(Date.now() / 1000) }))}.${opaque(32)}`;
    this.logins.set(wresult, transaction.state);
    const wctx = JSON.stringify({
      strategy: "auth0",
      auth0Client: "",
      tenant: TENANT,
      connection: CONNECTION,
      client_id: this.settings.clientId,
      response_type: "code",
      response_mode: "query",
      scope: transaction.scope,
      protocol: "oauth2",
      redirect_uri: this.settings.redirectUri,
      state: transaction.state,
      nonce: transaction.nonce,
      realm: CONNECTION,
    });
    return html(
      200,
      `<form method="post" name="hiddenform" action="${escapeHtml(`${this.baseUrl()}/login/callback`)}">
    <input type="hidden" name="wa" value="wsignin1.0">
    <input type="hidden" name="wresult" value="${escapeHtml(wresult)}">
    <input type="hidden" name="wctx" value="${escapeHtml(wctx)}">
    <noscript>
        <p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit">
    </noscript>
</form>
<script type="text/javascript">window.setTimeout(function() {document.forms[0].submit();}, 0);</script>
`,
    );
  }

  /** POST /login/callback: the posted form (wa, wresult, wctx) completes the login. */
  loginCallback(request: SimRequest): Reply {
    const fields = formFields(request) ?? {};
    const state = this.logins.get(fields.wresult ?? "");
    let context: { state?: unknown } | undefined;
    try {
      context = JSON.parse(fields.wctx ?? "");
    } catch {
      context = undefined;
    }
    const transaction = state === undefined ? undefined : this.transactions.get(state);
    if (fields.wa !== "wsignin1.0" || !transaction || context?.state !== state) return errorPage(400, "invalid_request", "Invalid login callback");
    this.logins.delete(fields.wresult!);
    transaction.loggedIn = true;
    return redirect(this.afterCallback(transaction));
  }

  /**
   * GET /sso/callback on the second host only (auth-orca.onepeloton.com/sso/… in real logins): on to
   * /authorize/resume on the auth host, by a 302 or by a form that submits itself.
   */
  sso(request: SimRequest): Reply {
    if (this.settings.ssoHop === "none" || request.headers.host !== new URL(this.ssoUrl()).host) return errorPage(404, "not_found", "Not Found");
    const transaction = this.transactions.get(request.query.state ?? "");
    if (!transaction?.loggedIn) return errorPage(400, "invalid_request", "Invalid state");
    transaction.hopped = true;
    const resume = `${this.baseUrl()}/authorize/resume`;
    if (this.settings.ssoHop === "redirect") return redirect(`${resume}?state=${encodeURIComponent(transaction.state)}`);
    return html(
      200,
      htmlPage(
        "Signing in…",
        `<form method="post" action="${escapeHtml(resume)}">
  <input type="hidden" name="state" value="${escapeHtml(transaction.state)}">
  <noscript><input type="submit" value="Continue"></noscript>
</form>`,
        ' onload="document.forms[0].submit()"',
      ),
    );
  }

  /** GET (or, from the second host's form, POST) /authorize/resume: hands the client its code, at the redirect_uri, with the client's own state. */
  resume(request: SimRequest): Reply {
    const state = request.method === "POST" ? formFields(request)?.state : request.query.state;
    const transaction = this.transactions.get(state ?? "");
    if (!transaction) return errorPage(400, "invalid_request", "Invalid state");
    const back = new URL(this.settings.redirectUri);
    if (transaction.clientState !== undefined) back.searchParams.set("state", transaction.clientState);
    // the transaction belongs to the browser that started it: the session cookie from /authorize must come back
    const hopped = transaction.hopped || this.settings.ssoHop === "none";
    if (!transaction.loggedIn || !hopped || request.cookies[SESSION_COOKIE] !== transaction.session) {
      back.searchParams.set("error", "access_denied");
      const description = !transaction.loggedIn
        ? "Login required"
        : !hopped
          ? "Login required: the SSO host was skipped"
          : "Invalid state: the auth0 session cookie is missing";
      back.searchParams.set("error_description", description);
      return redirect(back.toString());
    }
    this.transactions.delete(transaction.state);
    const code = opaque(16);
    this.codes.set(code, { codeChallenge: transaction.codeChallenge, nonce: transaction.nonce });
    back.search = "";
    back.searchParams.set("code", code);
    if (transaction.clientState !== undefined) back.searchParams.set("state", transaction.clientState);
    return redirect(back.toString());
  }

  /** POST /oauth/token: the authorization_code and refresh_token grants (JSON or form-encoded). */
  token(request: SimRequest): Reply {
    const fields = formFields(request);
    if (!fields) return oauthError(400, "invalid_request", "The request body must be JSON or application/x-www-form-urlencoded.");
    const grant = fields.grant_type;
    if (!grant) return oauthError(400, "invalid_request", "Missing required parameter: grant_type");
    if (grant === "password") return oauthError(403, "unauthorized_client", "Grant type 'password' not allowed for the client.");
    if (grant !== "authorization_code" && grant !== "refresh_token") return oauthError(400, "invalid_request", `Unsupported grant type: ${grant}`);
    if (!fields.client_id) return oauthError(400, "invalid_request", "Missing required parameter: client_id");
    if (fields.client_id !== this.settings.clientId) return oauthError(400, "invalid_request", `Unknown client: ${fields.client_id}`);

    if (grant === "refresh_token") {
      if (!fields.refresh_token) return oauthError(400, "invalid_request", "Missing required parameter: refresh_token");
      const tokens = this.tokens.refresh(fields.refresh_token);
      return tokens ? json(200, tokens, noStore) : oauthError(403, "invalid_grant", "Unknown or invalid refresh token.");
    }
    for (const name of ["code", "code_verifier", "redirect_uri"] as const) {
      if (!fields[name]) return oauthError(400, "invalid_request", `Missing required parameter: ${name}`);
    }
    const issued = this.codes.get(fields.code!);
    this.codes.delete(fields.code!); // single use, whatever the outcome
    if (!issued) return oauthError(403, "invalid_grant", "Invalid authorization code");
    if (fields.redirect_uri !== this.settings.redirectUri) return oauthError(403, "invalid_grant", "Invalid redirect URI");
    if (createHash("sha256").update(fields.code_verifier!).digest("base64url") !== issued.codeChallenge) {
      return oauthError(403, "invalid_grant", "Failed to verify code verifier");
    }
    return json(200, this.tokens.issue(issued.nonce), noStore);
  }

  /** Where a finished login goes next: the second host when there is one, else /authorize/resume. */
  private afterCallback(transaction: Transaction): string {
    const state = encodeURIComponent(transaction.state);
    return this.settings.ssoHop === "none" ? `/authorize/resume?state=${state}` : `${this.ssoUrl()}/sso/callback?state=${state}`;
  }

  /** The input-mode page's token for a _csrf cookie: derived from it, so a client that posts the cookie's value is refused. */
  private csrfToken(cookie: string): string {
    return createHmac("sha256", this.csrfSecret).update(cookie).digest("base64url").slice(0, 32);
  }

  /** Why the credentials POST's Origin or Referer is refused (a wrong one always; a missing one when requireOrigin), or undefined. */
  private checkOrigin(request: SimRequest): string | undefined {
    const own = new URL(this.baseUrl()).origin;
    const { origin, referer } = request.headers;
    if (origin !== undefined && origin !== own) return `Origin not allowed: ${origin}`;
    if (referer !== undefined && !(URL.canParse(referer) && new URL(referer).origin === own)) return `Referer not allowed: ${referer}`;
    if (this.settings.requireOrigin && (origin === undefined || referer === undefined)) return `Missing ${origin === undefined ? "Origin" : "Referer"} header`;
    return undefined;
  }
}

const noStore = { "Cache-Control": "no-store", Pragma: "no-cache" };

const oauthError = (status: number, error: string, description: string) => json(status, { error, error_description: description }, noStore);

/** An HTML page of Auth0's: the shell every step's page shares. */
const htmlPage = (title: string, body: string, bodyAttributes = "") =>
  `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title></head>
<body${bodyAttributes}>
${body}
</body>
</html>
`;

function errorPage(status: number, error: string, description: string): Reply {
  return html(status, htmlPage("Error | Peloton", `<h1>Oops!, something went wrong</h1><p class="error">${escapeHtml(error)}: ${escapeHtml(description)}</p>`));
}
