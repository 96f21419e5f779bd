import { type Simulator, startSimulator } from "../../src/simulator";
import {
  authorizationCode,
  authorizeQuery,
  call,
  decodeJwt,
  exchangeCode,
  hiddenForm,
  loginFields,
  pkce,
  postForm,
  postJson,
  REDIRECT_URI,
  setCookies,
  signIn,
  startLogin,
  WEB_CLIENT_ID,
  withSimulator,
} from "./support";

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator({ seed: 2, classes: 20 });
});
afterEach(() => sim.close());

const notLoggedIn = { status: 401, error_code: 3020, subcode: null, message: "Not logged in", details: null };
const invalidGrant = { error: "invalid_grant", error_description: "Unknown or invalid refresh token." };
const me = (token: string) => call(sim, "/api/me", { token });
const refresh = (refreshToken: string) => postJson(sim, "/oauth/token", { grant_type: "refresh_token", client_id: WEB_CLIENT_ID, refresh_token: refreshToken });

describe("Auth0 authorization code + PKCE", () => {
  it("logs in step by step and the access token opens /api/me", async () => {
    const { verifier, challenge } = pkce();

    const authorize = await call(
      sim,
      `/authorize?${authorizeQuery(challenge, {
        state: "my-state",
        nonce: "my-nonce",
        auth0Client: "eyJuYW1lIjoiYXV0aDAuanMtdWxwIiwidmVyc2lvbiI6IjkuMTQuMyJ9",
      })}`,
    );
    expect(authorize.status).toBe(302);
    const loginUrl = new URL(authorize.headers.get("location")!, sim.url);
    expect(loginUrl.pathname).toBe("/login");
    expect(loginUrl.searchParams.get("client")).toBe(WEB_CLIENT_ID);
    const transactionState = loginUrl.searchParams.get("state")!;
    expect(transactionState).not.toBe("my-state");
    const cookies = setCookies(authorize.headers);
    expect(cookies._csrf!.attributes).toBe("Path=/usernamepassword/login; HttpOnly");
    expect(cookies.auth0!.attributes).toBe("Path=/; HttpOnly");
    const [csrf, session] = [cookies._csrf!.value, cookies.auth0!.value];

    const loginPage = await call(sim, loginUrl.pathname + loginUrl.search, { headers: { Cookie: `auth0=${session}` } });
    expect(loginPage.status).toBe(200);
    expect(loginPage.headers.get("content-type")).toMatch(/^text\/html/);
    const blob = /window\.atob\('([^']+)'\)/.exec(loginPage.text)![1]!;
    const config = JSON.parse(Buffer.from(blob, "base64").toString("utf8"));
    expect(config).toMatchObject({ clientID: WEB_CLIENT_ID, callbackURL: REDIRECT_URI, auth0Tenant: "peloton-prod" });
    expect(config.extraParams).toMatchObject({ state: transactionState, _csrf: csrf, nonce: "my-nonce", code_challenge: challenge });

    const login = await postJson(sim, "/usernamepassword/login", loginFields(sim, transactionState, csrf, { nonce: "my-nonce", code_challenge: challenge }), {
      Cookie: `_csrf=${csrf}; auth0=${session}`,
      Origin: sim.authUrl,
      Referer: loginUrl.toString(),
    });
    expect(login.status).toBe(200);
    const form = hiddenForm(login.text);
    expect(form.action).toBe(`${sim.authUrl}/login/callback`);
    expect(login.text).toMatch(/<form method="post"/);
    expect(Object.keys(form.fields)).toEqual(["wa", "wresult", "wctx"]);
    expect(JSON.parse(form.fields.wctx!)).toMatchObject({ state: transactionState, client_id: WEB_CLIENT_ID });

    const callback = await postForm(sim, "/login/callback", form.fields, { Cookie: `auth0=${session}` });
    expect(callback.status).toBe(302);
    expect(callback.headers.get("location")).toBe(`/authorize/resume?state=${transactionState}`);

    const resume = await call(sim, callback.headers.get("location")!, { headers: { Cookie: `auth0=${session}` } });
    expect(resume.status).toBe(302);
    const landing = new URL(resume.headers.get("location")!);
    expect(`${landing.origin}${landing.pathname}`).toBe(REDIRECT_URI);
    expect(landing.searchParams.get("state")).toBe("my-state");
    const code = landing.searchParams.get("code")!;

    const tokens = await exchangeCode(sim, code, verifier);
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({ token_type: "Bearer", expires_in: 172800 });
    const claims = decodeJwt(tokens.body.access_token);
    expect(claims.sub).toBe(sim.userId);
    expect(claims.exp - claims.iat).toBe(172800);
    expect(decodeJwt(tokens.body.id_token).nonce).toBe("my-nonce");

    const user = await me(tokens.body.access_token);
    expect(user).toMatchObject({ status: 200, body: { id: sim.userId, username: sim.credentials.username } });
    expect(sim.userId).toMatch(/^[0-9a-f]{32}$/);
  });

  it("refuses a bad client, redirect_uri or challenge method at /authorize", async () => {
    const { challenge } = pkce();
    expect((await startLogin(sim, challenge, { client_id: "mgsmWCD0A8Qn6uz6mmqI6qeBNHH9IPwS" })).authorize.status).toBe(400);
    expect((await startLogin(sim, challenge, { redirect_uri: "http://localhost/callback" })).authorize.status).toBe(400);
    expect((await startLogin(sim, challenge, { code_challenge_method: "plain" })).authorize.status).toBe(400);
  });

  it("answers an unknown transaction on the login page, the callback or resume with an error", async () => {
    expect((await call(sim, "/login?state=made-up")).status).toBe(400);
    expect((await postForm(sim, "/login/callback", { wa: "wsignin1.0", wresult: "forged", wctx: "{}" })).status).toBe(400);
    expect((await call(sim, "/authorize/resume?state=made-up")).status).toBe(400);
  });

  it("answers a wrong password with Auth0's 401", async () => {
    const { state, csrf } = await startLogin(sim, pkce().challenge);
    const login = await postJson(sim, "/usernamepassword/login", loginFields(sim, state, csrf, { password: "wrong" }), { Cookie: `_csrf=${csrf}` });
    expect(login).toMatchObject({
      status: 401,
      body: { name: "ValidationError", code: "invalid_user_password", description: "Wrong email or password.", statusCode: 401 },
    });
  });

  it("answers a wrong state, or a missing or mismatched _csrf, with Auth0's 403", async () => {
    const { state, csrf } = await startLogin(sim, pkce().challenge);
    const anomaly = { status: 403, body: { name: "AnomalyDetected", code: "access_denied", description: "Invalid state" } };
    expect(await postJson(sim, "/usernamepassword/login", loginFields(sim, "client-state-123", csrf), { Cookie: `_csrf=${csrf}` })).toMatchObject(anomaly);
    expect(await postJson(sim, "/usernamepassword/login", loginFields(sim, state, csrf))).toMatchObject(anomaly);
    expect(await postJson(sim, "/usernamepassword/login", loginFields(sim, state, "forged"), { Cookie: `_csrf=${csrf}` })).toMatchObject(anomaly);
  });

  it("does not hand out the code when the session cookie does not come back to /authorize/resume", async () => {
    const { state, csrf } = await startLogin(sim, pkce().challenge);
    const form = hiddenForm((await postJson(sim, "/usernamepassword/login", loginFields(sim, state, csrf), { Cookie: `_csrf=${csrf}` })).text);
    const callback = await postForm(sim, "/login/callback", form.fields);
    const resume = await call(sim, callback.headers.get("location")!);
    const landing = new URL(resume.headers.get("location")!);
    expect(landing.searchParams.get("error")).toBe("access_denied");
    expect(landing.searchParams.get("code")).toBeNull();
  });

  it("rejects a bad verifier, and a code used twice", async () => {
    const { verifier, challenge } = pkce();
    const exchange = (code: string, codeVerifier: string) =>
      postJson(sim, "/oauth/token", {
        grant_type: "authorization_code",
        client_id: WEB_CLIENT_ID,
        code_verifier: codeVerifier,
        code,
        redirect_uri: REDIRECT_URI,
      });
    const wrong = await exchange(await authorizationCode(sim, challenge), pkce().verifier);
    expect(wrong).toMatchObject({ status: 403, body: { error: "invalid_grant" } });

    const code = await authorizationCode(sim, challenge);
    expect((await exchange(code, verifier)).status).toBe(200);
    expect(await exchange(code, verifier)).toMatchObject({ status: 403, body: { error: "invalid_grant" } });
  });

  it("accepts form-encoded token requests and refuses the password grant and malformed requests", async () => {
    const { verifier, challenge } = pkce();
    const code = await authorizationCode(sim, challenge);
    const form = await postForm(sim, "/oauth/token", {
      grant_type: "authorization_code",
      client_id: WEB_CLIENT_ID,
      code_verifier: verifier,
      code,
      redirect_uri: REDIRECT_URI,
    });
    expect(form.status).toBe(200);

    const password = await postJson(sim, "/oauth/token", {
      grant_type: "password",
      client_id: WEB_CLIENT_ID,
      username: sim.credentials.username,
      password: sim.credentials.password,
    });
    expect(password).toMatchObject({
      status: 403,
      body: { error: "unauthorized_client", error_description: "Grant type 'password' not allowed for the client." },
    });
    expect(await postJson(sim, "/oauth/token", { client_id: WEB_CLIENT_ID })).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    expect(await postJson(sim, "/oauth/token", { grant_type: "authorization_code", client_id: WEB_CLIENT_ID })).toMatchObject({
      status: 400,
      body: { error: "invalid_request" },
    });
    expect(await postJson(sim, "/oauth/token", { grant_type: "refresh_token", client_id: "someone-else", refresh_token: "x" })).toMatchObject({
      status: 400,
      body: { error: "invalid_request" },
    });
  });
});

describe("refresh tokens", () => {
  it("rotate: the new pair works, the old refresh token is refused", async () => {
    const first = await signIn(sim);
    const second = await refresh(first.refresh_token);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect(second.body.access_token).not.toBe(first.access_token);
    expect((await me(second.body.access_token)).status).toBe(200);
    expect(await refresh(first.refresh_token)).toMatchObject({ status: 403, body: invalidGrant });
    expect((await refresh(second.body.refresh_token)).status).toBe(200);
  });

  it("stop working after revokeRefreshTokens; a new login gets working ones", async () => {
    const [a, b] = [await signIn(sim), await signIn(sim)];
    sim.revokeRefreshTokens();
    expect(await refresh(a.refresh_token)).toMatchObject({ status: 403, body: invalidGrant });
    expect(await refresh(b.refresh_token)).toMatchObject({ status: 403, body: invalidGrant });
    expect((await me(a.access_token)).status).toBe(200);
    expect((await refresh((await signIn(sim)).refresh_token)).status).toBe(200);
  });
});

describe("access tokens", () => {
  it("are required on every /api route, as a bearer this simulator issued", async () => {
    for (const path of ["/api/me", "/api/v2/ride/archived", `/api/ride/${sim.catalogue.classes[0]!.id}/details`, "/api/browse_categories"]) {
      expect(await call(sim, path)).toMatchObject({ status: 401, body: notLoggedIn });
    }
    expect(await me("eyJhbGciOiJIUzI1NiJ9.e30.forged")).toMatchObject({ status: 401, body: notLoggedIn });
  });

  it("stop working after n more requests each with expireAccessTokensAfter; later tokens are not affected", async () => {
    const tokens = await signIn(sim);
    sim.expireAccessTokensAfter(2);
    expect((await me(tokens.access_token)).status).toBe(200);
    expect((await call(sim, "/api/v2/ride/archived", { token: tokens.access_token })).status).toBe(200);
    expect(await me(tokens.access_token)).toMatchObject({ status: 401, body: notLoggedIn });
    const renewed = await refresh(tokens.refresh_token);
    for (let i = 0; i < 5; i++) expect((await me(renewed.body.access_token)).status).toBe(200);
  });

  it("expire after accessTokenTtlSeconds", async () => {
    await withSimulator({ classes: 5, accessTokenTtlSeconds: 0 }, async (shortLived) => {
      const tokens = await signIn(shortLived);
      expect(tokens.expires_in).toBe(0);
      expect(await call(shortLived, "/api/me", { token: tokens.access_token })).toMatchObject({ status: 401, body: notLoggedIn });
    });
  });

  it("of one simulator mean nothing to another", async () => {
    const tokens = await signIn(sim);
    await withSimulator({ seed: 2, classes: 20 }, async (other) => {
      expect((await call(other, "/api/me", { token: tokens.access_token })).status).toBe(401);
    });
  });
});

describe("legacy /auth/login", () => {
  const credentials = () => ({ username_or_email: sim.credentials.username, password: sim.credentials.password });

  it("answers 403 as Peloton's has since 2025-10-29, unless switched on", async () => {
    const refused = { status: 403, body: { status: 403, message: "Access forbidden. Endpoint no longer accepting requests." } };
    expect(await postJson(sim, "/auth/login", credentials())).toMatchObject(refused);
    expect(await postJson(sim, "/auth/login?=", credentials())).toMatchObject(refused);
    sim.legacyLogin = true;
    expect((await postJson(sim, "/auth/login", credentials())).status).toBe(200);
    sim.legacyLogin = false;
    expect(await postJson(sim, "/auth/login", credentials())).toMatchObject(refused);
  });

  it("when on, sets a session cookie that opens the API", async () => {
    await withSimulator({ classes: 5, legacyLogin: true }, async (legacy) => {
      const login = await postJson(legacy, "/auth/login", { username_or_email: legacy.credentials.username, password: legacy.credentials.password });
      expect(login.status).toBe(200);
      expect(Object.keys(login.body)).toEqual(["session_id", "user_id", "pubsub_session"]);
      expect(login.body).toMatchObject({ user_id: legacy.userId, pubsub_session: {} });
      expect(login.headers.get("set-cookie")).toBe(`peloton_session_id=${login.body.session_id}; Path=/`);
      const user = await call(legacy, "/api/me", { headers: { Cookie: `peloton_session_id=${login.body.session_id}` } });
      expect(user).toMatchObject({ status: 200, body: { id: legacy.userId } });
      expect((await call(legacy, "/api/me", { headers: { Cookie: "peloton_session_id=made-up" } })).status).toBe(401);
    });
  });

  it("when on, answers a wrong password with Peloton's 3010", async () => {
    sim.legacyLogin = true;
    const login = await postJson(sim, "/auth/login", { username_or_email: sim.credentials.username, password: "nope" });
    expect(login).toMatchObject({ status: 401, body: { status: 401, error_code: 3010, subcode: null, message: "Login failed", details: null } });
  });
});

describe("Auth0's variants (options.auth0)", () => {
  const custom = { clientId: "custom_Client-0123", audience: "https://api.example.test/", redirectUri: "https://app.example.test/auth/callback" };
  const anomaly = (description: string) => ({ status: 403, body: { name: "AnomalyDetected", code: "access_denied", description } });
  const inputs = (html: string) =>
    Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map(([, name, value]) => [name, value]));
  const pageConfig = (html: string) => JSON.parse(Buffer.from(/window\.atob\('([^']+)'\)/.exec(html)![1]!, "base64").toString("utf8"));

  it("refuses the credentials with a foreign Origin or Referer, and with requireOrigin without them", async () => {
    const post = async (target: Simulator, headers: Record<string, string>) => {
      const { state, csrf } = await startLogin(target, pkce().challenge);
      return postJson(target, "/usernamepassword/login", loginFields(target, state, csrf), { Cookie: `_csrf=${csrf}`, ...headers });
    };
    const loginUrl = `${sim.authUrl}/login?state=x`;
    expect(await post(sim, { Origin: "https://evil.example", Referer: loginUrl })).toMatchObject(anomaly("Origin not allowed: https://evil.example"));
    expect(await post(sim, { Origin: sim.authUrl, Referer: "https://evil.example/login" })).toMatchObject(
      anomaly("Referer not allowed: https://evil.example/login"),
    );
    expect((await post(sim, {})).status).toBe(200);
    await withSimulator({ classes: 5, auth0: { requireOrigin: true } }, async (strict) => {
      expect(await post(strict, {})).toMatchObject(anomaly("Missing Origin header"));
      expect(await post(strict, { Origin: strict.authUrl })).toMatchObject(anomaly("Missing Referer header"));
      expect((await post(strict, { Origin: strict.authUrl, Referer: `${strict.authUrl}/login?state=x` })).status).toBe(200);
      expect(strict.requests.at(-1)).toMatchObject({ origin: strict.authUrl, referer: `${strict.authUrl}/login?state=x` });
    });
  });

  it("authorize: form shows the login page at /authorize itself, its state only in the page", async () => {
    await withSimulator({ classes: 5, auth0: { authorize: "form" } }, async (formSim) => {
      const { authorize, csrf } = await startLogin(formSim, pkce().challenge);
      expect(authorize.status).toBe(200);
      expect(authorize.headers.get("content-type")).toMatch(/^text\/html/);
      const { extraParams } = pageConfig(authorize.text);
      expect(extraParams).toMatchObject({ _csrf: csrf, nonce: "client-nonce-456" });
      expect(extraParams.state).not.toBe("client-state-123");
      const login = await postJson(formSim, "/usernamepassword/login", loginFields(formSim, extraParams.state, csrf), { Cookie: `_csrf=${csrf}` });
      expect(login.status).toBe(200);
    });
  });

  it("csrf: input puts the state and a token derived from the cookie in hidden inputs; the cookie's own value is refused", async () => {
    await withSimulator({ classes: 5, auth0: { csrf: "input" } }, async (inputSim) => {
      const { location, state, csrf } = await startLogin(inputSim, pkce().challenge);
      const page = await call(inputSim, location);
      expect(page.text).not.toMatch(/atob/);
      expect(page.text).toMatch(/<input type="password" name="password"/);
      const fields = inputs(page.text);
      expect(fields.state).toBe(state);
      expect(fields._csrf).toMatch(/^[\w-]{32}$/);
      expect(fields._csrf).not.toBe(csrf);
      const post = (token: string) => postJson(inputSim, "/usernamepassword/login", loginFields(inputSim, state, token), { Cookie: `_csrf=${csrf}` });
      expect(await post(csrf)).toMatchObject(anomaly("Invalid state"));
      expect((await post(fields._csrf!)).status).toBe(200);
    });
  });

  it("csrf: cookie leaves the token out of the page: the cookie's value is the one to post", async () => {
    await withSimulator({ classes: 5, auth0: { csrf: "cookie" } }, async (cookieSim) => {
      const { location, state, csrf } = await startLogin(cookieSim, pkce().challenge);
      const { extraParams, internalOptions } = pageConfig((await call(cookieSim, location)).text);
      expect(extraParams.state).toBe(state);
      expect(extraParams).not.toHaveProperty("_csrf");
      expect(internalOptions).not.toHaveProperty("_csrf");
      expect((await postJson(cookieSim, "/usernamepassword/login", loginFields(cookieSim, state, csrf), { Cookie: `_csrf=${csrf}` })).status).toBe(200);
    });
  });

  it("login: redirect answers a good password with a 303; ssoHop: redirect goes through the second host, which cannot be skipped", async () => {
    await withSimulator({ classes: 5, auth0: { login: "redirect", ssoHop: "redirect" } }, async (hopSim) => {
      expect(hopSim.ssoUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(hopSim.ssoUrl).not.toBe(hopSim.authUrl);
      const { verifier, challenge } = pkce();
      const { state, csrf, session } = await startLogin(hopSim, challenge);
      const login = await postJson(hopSim, "/usernamepassword/login", loginFields(hopSim, state, csrf), { Cookie: `_csrf=${csrf}; auth0=${session}` });
      expect(login.status).toBe(303);
      const hop = login.headers.get("location")!;
      expect(hop).toBe(`${hopSim.ssoUrl}/sso/callback?state=${state}`);

      const cookie = { headers: { Cookie: `auth0=${session}` } };
      expect((await call(hopSim, `/sso/callback?state=${state}`)).status).toBe(404); // the auth host is not the second host
      const skipped = new URL((await call(hopSim, `/authorize/resume?state=${state}`, cookie)).headers.get("location")!);
      expect(skipped.searchParams.get("error_description")).toBe("Login required: the SSO host was skipped");

      const back = await fetch(hop, { redirect: "manual" });
      expect(back.status).toBe(302);
      expect(back.headers.get("location")).toBe(`${hopSim.authUrl}/authorize/resume?state=${state}`);
      const landing = new URL((await call(hopSim, back.headers.get("location")!, cookie)).headers.get("location")!);
      expect(landing.searchParams.get("state")).toBe("client-state-123");
      const tokens = await postJson(hopSim, "/oauth/token", {
        grant_type: "authorization_code",
        client_id: WEB_CLIENT_ID,
        code_verifier: verifier,
        code: landing.searchParams.get("code")!,
        redirect_uri: REDIRECT_URI,
      });
      expect(tokens.status).toBe(200);
    });
  });

  it("ssoHop: form has the second host answer a form that posts the state to /authorize/resume", async () => {
    await withSimulator({ classes: 5, auth0: { ssoHop: "form" } }, async (hopSim) => {
      const { state, csrf, session } = await startLogin(hopSim, pkce().challenge);
      const form = hiddenForm((await postJson(hopSim, "/usernamepassword/login", loginFields(hopSim, state, csrf), { Cookie: `_csrf=${csrf}` })).text);
      const callback = await postForm(hopSim, "/login/callback", form.fields);
      expect(callback.headers.get("location")).toBe(`${hopSim.ssoUrl}/sso/callback?state=${state}`);
      const page = await fetch(callback.headers.get("location")!);
      expect(page.status).toBe(200);
      const text = await page.text();
      expect(text).toContain(`<form method="post" action="${hopSim.authUrl}/authorize/resume">`);
      const resume = await postForm(hopSim, "/authorize/resume", inputs(text), { Cookie: `auth0=${session}` });
      expect(new URL(resume.headers.get("location")!).searchParams.get("code")).toEqual(expect.any(String));
    });
  });

  it("accepts only its configured client, audience and redirect URI, and issues tokens for them", async () => {
    await withSimulator({ classes: 5, auth0: custom }, async (customSim) => {
      expect(customSim.auth0).toEqual(custom);
      const { verifier, challenge } = pkce();
      expect((await startLogin(customSim, challenge)).authorize.status).toBe(400); // Peloton's web app's client id
      const mine = { client_id: custom.clientId, audience: custom.audience, redirect_uri: custom.redirectUri };
      expect((await startLogin(customSim, challenge, { ...mine, audience: "https://api.onepeloton.com/" })).authorize.status).toBe(403);
      expect((await startLogin(customSim, challenge, { ...mine, redirect_uri: REDIRECT_URI })).authorize.status).toBe(400);

      const { state, csrf, session } = await startLogin(customSim, challenge, mine);
      const login = await postJson(customSim, "/usernamepassword/login", loginFields(customSim, state, csrf, mine), { Cookie: `_csrf=${csrf}` });
      const form = hiddenForm(login.text);
      expect(JSON.parse(form.fields.wctx!)).toMatchObject({ client_id: custom.clientId, redirect_uri: custom.redirectUri });
      const callback = await postForm(customSim, "/login/callback", form.fields);
      const landing = new URL((await call(customSim, callback.headers.get("location")!, { headers: { Cookie: `auth0=${session}` } })).headers.get("location")!);
      expect(`${landing.origin}${landing.pathname}`).toBe(custom.redirectUri);
      const exchange = {
        grant_type: "authorization_code",
        client_id: custom.clientId,
        code_verifier: verifier,
        code: landing.searchParams.get("code")!,
        redirect_uri: custom.redirectUri,
      };
      const tokens = await postJson(customSim, "/oauth/token", exchange);
      expect(tokens.status).toBe(200);
      expect(decodeJwt(tokens.body.access_token)).toMatchObject({ azp: custom.clientId, aud: [custom.audience, `${customSim.authUrl}/userinfo`] });
      expect(decodeJwt(tokens.body.id_token).aud).toBe(custom.clientId);
      const refreshAs = (clientId: string) =>
        postJson(customSim, "/oauth/token", { grant_type: "refresh_token", client_id: clientId, refresh_token: tokens.body.refresh_token });
      expect(await refreshAs(WEB_CLIENT_ID)).toMatchObject({
        status: 400,
        body: { error: "invalid_request", error_description: `Unknown client: ${WEB_CLIENT_ID}` },
      });
      expect((await refreshAs(custom.clientId)).status).toBe(200);
    });
  });

  it("names a bad option", async () => {
    await expect(startSimulator({ auth0: { csrf: "header" as "input" } })).rejects.toThrow(
      'simulator option auth0.csrf must be one of config, input, cookie, got "header"',
    );
    await expect(startSimulator({ auth0: { clientId: "two words" } })).rejects.toThrow(
      "simulator option auth0.clientId must be a non-empty string without spaces",
    );
  });
});
