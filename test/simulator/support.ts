import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { type Simulator, type SimulatorOptions, startSimulator } from "../../src/simulator";

export const WEB_CLIENT_ID = "WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM";
export const REDIRECT_URI = "https://members.onepeloton.com/callback";

const kind = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

// objects whose keys are data (category names), not fields: only their values' types are compared
const keyedByData = new Set(["segment_category_distribution", "segment_body_focus_distribution", "movements_by_weight_category"]);

/**
 * Where `actual` differs in structure from `expected`, recursively: the same keys, the same JSON types,
 * null where expected has null. Each array item must match the shape of some item of the expected array.
 */
export function shapeDifferences(actual: unknown, expected: unknown, path = "$"): string[] {
  const [got, want] = [kind(actual), kind(expected)];
  if (got !== want) return [`${path}: expected ${want}, got ${got}`];
  if (want === "array") {
    const [items, models] = [actual as unknown[], expected as unknown[]];
    if (models.length === 0) return items.length === 0 ? [] : [`${path}: expected [], got ${items.length} items`];
    return items.flatMap((item, i) => {
      const attempts = models.map((model) => shapeDifferences(item, model, `${path}[${i}]`));
      return attempts.some((differences) => differences.length === 0) ? [] : attempts[0]!;
    });
  }
  if (want !== "object") return [];
  const [object, model] = [actual as Record<string, unknown>, expected as Record<string, unknown>];
  if (keyedByData.has(path.split(".").pop()!)) {
    const valueKind = kind(Object.values(model)[0] ?? "");
    return Object.entries(object)
      .filter(([, value]) => kind(value) !== valueKind)
      .map(([key]) => `${path}.${key}: expected ${valueKind}`);
  }
  return [
    ...Object.keys(model)
      .filter((key) => !(key in object))
      .map((key) => `${path}.${key}: missing`),
    ...Object.keys(object)
      .filter((key) => !(key in model))
      .map((key) => `${path}.${key}: not in the fixture`),
    ...Object.keys(model)
      .filter((key) => key in object)
      .flatMap((key) => shapeDifferences(object[key], model[key], `${path}.${key}`)),
  ];
}

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** One request to the simulator; the body is parsed when it is JSON. */
export async function call(sim: Simulator, path: string, init: RequestInit & { token?: string } = {}): Promise<Answer> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("Authorization", `Bearer ${init.token}`);
  const response = await fetch(new URL(path, sim.url), { ...init, headers, redirect: "manual" });
  const text = await response.text();
  const json = (response.headers.get("content-type") ?? "").includes("json") && text !== "";
  let body: unknown = text;
  if (json) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers: response.headers, body, text };
}

export const postJson = (sim: Simulator, path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(sim, path, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });

export const postForm = (sim: Simulator, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  call(sim, path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });

/** name=value of each Set-Cookie header, with its attributes. */
export function setCookies(headers: Headers): Record<string, { value: string; attributes: string }> {
  const cookies: Record<string, { value: string; attributes: string }> = {};
  for (const header of headers.getSetCookie()) {
    const [pair, ...attributes] = header.split(";");
    const at = pair!.indexOf("=");
    cookies[pair!.slice(0, at).trim()] = { value: pair!.slice(at + 1), attributes: attributes.join(";").trim() };
  }
  return cookies;
}

export const pkce = () => {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
};

export function authorizeQuery(challenge: string, overrides: Record<string, string> = {}): string {
  return new URLSearchParams({
    client_id: WEB_CLIENT_ID,
    audience: "https://api.onepeloton.com/",
    scope: "offline_access openid peloton-api.members:default",
    response_type: "code",
    response_mode: "query",
    redirect_uri: REDIRECT_URI,
    state: "client-state-123",
    nonce: "client-nonce-456",
    code_challenge: challenge,
    code_challenge_method: "S256",
    ...overrides,
  }).toString();
}

/** The hidden form Auth0 answers a good password with. */
export function hiddenForm(html: string): { action: string; fields: Record<string, string> } {
  const decode = (text: string) => text.replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1] ?? "";
  const fields: Record<string, string> = {};
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) fields[name!] = decode(value!);
  return { action: decode(action), fields };
}

/** Auth0 transaction state and cookies after GET /authorize. */
export async function startLogin(sim: Simulator, challenge: string, overrides: Record<string, string> = {}) {
  const authorize = await call(sim, `/authorize?${authorizeQuery(challenge, overrides)}`);
  const cookies = setCookies(authorize.headers);
  const location = authorize.headers.get("location") ?? "";
  return {
    authorize,
    location,
    state: new URL(location, sim.url).searchParams.get("state") ?? "",
    csrf: cookies._csrf?.value ?? "",
    session: cookies.auth0?.value ?? "",
  };
}

export function loginFields(sim: Simulator, state: string, csrf: string, overrides: Record<string, string> = {}) {
  return {
    client_id: WEB_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    tenant: "peloton-prod",
    response_type: "code",
    scope: "offline_access openid peloton-api.members:default",
    audience: "https://api.onepeloton.com/",
    _csrf: csrf,
    state,
    _intstate: "deprecated",
    nonce: "client-nonce-456",
    username: sim.credentials.username,
    password: sim.credentials.password,
    connection: "pelo-user-password",
    code_challenge_method: "S256",
    ...overrides,
  };
}

/** The whole PKCE login, by hand, up to the authorization code. */
export async function authorizationCode(sim: Simulator, challenge: string): Promise<string> {
  const { state, csrf, session } = await startLogin(sim, challenge);
  const login = await postJson(sim, "/usernamepassword/login", loginFields(sim, state, csrf), { Cookie: `_csrf=${csrf}; auth0=${session}` });
  const form = hiddenForm(login.text);
  const callback = await postForm(sim, new URL(form.action).pathname, form.fields, { Cookie: `auth0=${session}` });
  const resume = await call(sim, callback.headers.get("location")!, { headers: { Cookie: `auth0=${session}` } });
  return new URL(resume.headers.get("location")!).searchParams.get("code")!;
}

/** Trades an authorization code (and the PKCE verifier of its challenge) for tokens at /oauth/token. */
export const exchangeCode = (sim: Simulator, code: string, verifier: string) =>
  postJson(sim, "/oauth/token", { grant_type: "authorization_code", client_id: WEB_CLIENT_ID, code_verifier: verifier, code, redirect_uri: REDIRECT_URI });

/** Logs in as the demo user and returns Auth0's token response. */
export async function signIn(sim: Simulator): Promise<{ access_token: string; refresh_token: string; [key: string]: unknown }> {
  const { verifier, challenge } = pkce();
  const tokens = await exchangeCode(sim, await authorizationCode(sim, challenge), verifier);
  if (tokens.status !== 200) throw new Error(`token exchange failed: ${tokens.status} ${tokens.text}`);
  return tokens.body;
}

/** Every page of the class list, fetched in order. */
export async function allPages(sim: Simulator, token: string, query: Record<string, string> = {}) {
  const pages: any[] = [];
  for (let page = 0; ; page++) {
    const answer = await call(
      sim,
      `/api/v2/ride/archived?${new URLSearchParams({ limit: "100", sort_by: "original_air_time", desc: "true", ...query, page: String(page) })}`,
      { token },
    );
    if (answer.status !== 200) throw new Error(`archived page ${page}: ${answer.status} ${answer.text}`);
    pages.push(answer.body);
    if (!answer.body.show_next) return pages;
  }
}

export const decodeJwt = (token: string) => JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8"));

/** Runs `use` against a simulator of its own, closed afterwards. */
export async function withSimulator(options: SimulatorOptions, use: (sim: Simulator) => Promise<void>): Promise<void> {
  const sim = await startSimulator(options);
  try {
    await use(sim);
  } finally {
    await sim.close();
  }
}

/** A real Peloton response from test/fixtures/peloton-real, e.g. realCapture("ride_archived/archived-page-2020"). */
export const realCapture = (name: string): Record<string, any> =>
  JSON.parse(readFileSync(path.join(__dirname, "../fixtures/peloton-real", `${name}.json`), "utf8"));
