import { createHash, randomBytes } from "node:crypto";
import { type Reply, type SimRequest, base64url, escapeHtml, formFields, html, json, redirect } from "./http";
import { API_AUDIENCE, type Tokens, WEB_CLIENT_ID } from "./tokens";

// Auth0's authorization-code + PKCE flow as Peloton's web app drives it (peloton-api.md §1c).

const REDIRECT_URI = "https://members.onepeloton.com/callback";
const TENANT = "peloton-prod";
const CONNECTION = "pelo-user-password";
const SESSION_COOKIE = "auth0";

interface Transaction {
  /** Auth0's own state for the login (not the client's) */
  state: string;
  clientState?: string;
  nonce?: string;
  codeChallenge: string;
  scope: string;
  audience: string;
  csrf: string;
  session: string;
  loggedIn: boolean;
}

interface IssuedCode { codeChallenge: string; nonce?: string }

const opaque = (bytes = 24) => randomBytes(bytes).toString("base64url");

export class Auth0 {
  private readonly transactions = new Map<string, Transaction>();
  /** wresult of a successful password check → its transaction state */
  private readonly logins = new Map<string, string>();
  private readonly codes = new Map<string, IssuedCode>();

  constructor(
    private readonly credentials: { username: string; password: string },
    private readonly tokens: Tokens,
    private readonly baseUrl: () => string,
  ) {}

  /** GET /authorize: starts a transaction and sends the browser to the login page. */
  authorize(request: SimRequest): Reply {
    const q = request.query;
    if (q.client_id !== WEB_CLIENT_ID) return errorPage(400, "invalid_request", `Unknown client: ${q.client_id ?? "(none)"}`);
    if (q.redirect_uri !== REDIRECT_URI) return errorPage(400, "invalid_request", `The redirect_uri is not allowed for this client: ${q.redirect_uri ?? "(none)"}`);
    if (q.response_type !== "code") return errorPage(400, "unsupported_response_type", `Unsupported response type: ${q.response_type ?? "(none)"}`);
    if (q.code_challenge_method !== "S256" || !q.code_challenge) return errorPage(400, "invalid_request", "code_challenge with code_challenge_method=S256 is required");
    const transaction: Transaction = {
      state: opaque(),
      clientState: q.state,
      nonce: q.nonce,
      codeChallenge: q.code_challenge,
      scope: q.scope ?? "openid",
      audience: q.audience ?? API_AUDIENCE,
      csrf: opaque(),
      session: opaque(),
      loggedIn: false,
    };
    this.transactions.set(transaction.state, transaction);
    const login = new URLSearchParams({ state: transaction.state, client: WEB_CLIENT_ID, protocol: "oauth2", scope: transaction.scope, response_type: "code", redirect_uri: REDIRECT_URI });
    return redirect(`/login?${login}`, {
      "Set-Cookie": [`_csrf=${transaction.csrf}; Path=/usernamepassword/login; HttpOnly`, `${SESSION_COOKIE}=${transaction.session}; Path=/; HttpOnly`],
    });
  }

  /** GET /login: the login page, with its settings in a base64 JSON blob as Auth0's classic page has them. */
  loginPage(request: SimRequest): Reply {
    const transaction = this.transactions.get(request.query.state ?? "");
    if (!transaction) return errorPage(400, "invalid_request", "Invalid state");
    const params = {
      protocol: "oauth2",
      response_type: "code",
      response_mode: "query",
      scope: transaction.scope,
      audience: transaction.audience,
      nonce: transaction.nonce,
      code_challenge: transaction.codeChallenge,
      code_challenge_method: "S256",
      _csrf: transaction.csrf,
      _intstate: "deprecated",
      state: transaction.state,
    };
    const config = {
      auth0Domain: new URL(this.baseUrl()).host,
      auth0Tenant: TENANT,
      callbackURL: REDIRECT_URI,
      clientID: WEB_CLIENT_ID,
      connection: CONNECTION,
      extraParams: params,
      internalOptions: params,
      authorizationServer: { url: this.baseUrl(), issuer: `${this.baseUrl()}/` },
    };
    const blob = Buffer.from(JSON.stringify(config)).toString("base64");
    return html(
      200,
      `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Log in | Peloton</title></head>
<body>
<div id="auth0-login-container"></div>
<script>
  var config = JSON.parse(decodeURIComponent(escape(window.atob('${blob}'))));
</script>
</body>
</html>
`,
    );
  }

  /** POST /usernamepassword/login: checks state, csrf and password; answers the form that carries the login on. */
  usernamePasswordLogin(request: SimRequest): Reply {
    const fields = formFields(request) ?? {};
    const transaction = this.transactions.get(fields.state ?? "");
    const csrf = fields._csrf;
    if (!transaction || !csrf || csrf !== request.cookies._csrf || csrf !== transaction.csrf) {
      return json(403, { name: "AnomalyDetected", code: "access_denied", description: "Invalid state" });
    }
    const username = (fields.username ?? "").trim().toLowerCase();
    if (username !== this.credentials.username.toLowerCase() || fields.password !== this.credentials.password) {
      return json(401, { name: "ValidationError", code: "invalid_user_password", description: "Wrong email or password.", statusCode: 401 });
    }
    const wresult = `${base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${base64url(JSON.stringify({ state: transaction.state, iat: Math.floor(Date.now() / 1000) }))}.${opaque(32)}`;
    this.logins.set(wresult, transaction.state);
    const wctx = JSON.stringify({
      strategy: "auth0",
      auth0Client: "",
      tenant: TENANT,
      connection: CONNECTION,
      client_id: WEB_CLIENT_ID,
      response_type: "code",
      response_mode: "query",
      scope: transaction.scope,
      protocol: "oauth2",
      redirect_uri: REDIRECT_URI,
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
    return redirect(`/authorize/resume?state=${encodeURIComponent(transaction.state)}`);
  }

  /** GET /authorize/resume: hands the client its code, at Peloton's redirect_uri, with the client's own state. */
  resume(request: SimRequest): Reply {
    const transaction = this.transactions.get(request.query.state ?? "");
    if (!transaction) return errorPage(400, "invalid_request", "Invalid state");
    const back = new URL(REDIRECT_URI);
    if (transaction.clientState !== undefined) back.searchParams.set("state", transaction.clientState);
    // the transaction belongs to the browser that started it: the session cookie from /authorize must come back
    if (!transaction.loggedIn || request.cookies[SESSION_COOKIE] !== transaction.session) {
      back.searchParams.set("error", "access_denied");
      back.searchParams.set("error_description", transaction.loggedIn ? "Invalid state: the auth0 session cookie is missing" : "Login required");
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
    if (fields.client_id !== WEB_CLIENT_ID) return oauthError(400, "invalid_request", `Unknown client: ${fields.client_id}`);

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
    if (fields.redirect_uri !== REDIRECT_URI) return oauthError(403, "invalid_grant", "Invalid redirect URI");
    if (createHash("sha256").update(fields.code_verifier!).digest("base64url") !== issued.codeChallenge) {
      return oauthError(403, "invalid_grant", "Failed to verify code verifier");
    }
    return json(200, this.tokens.issue(issued.nonce), noStore);
  }
}

const noStore = { "Cache-Control": "no-store", Pragma: "no-cache" };

const oauthError = (status: number, error: string, description: string) => json(status, { error, error_description: description }, noStore);

function errorPage(status: number, error: string, description: string): Reply {
  return html(
    status,
    `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Error | Peloton</title></head>
<body><h1>Oops!, something went wrong</h1><p class="error">${escapeHtml(error)}: ${escapeHtml(description)}</p></body>
</html>
`,
  );
}
