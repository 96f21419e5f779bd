import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { removeDir, simulatorConfig, testClient } from "../../harness/simulator";
import { PelotonAuthError } from "../../src/auth";
import { pelotonWebApp } from "../../src/auth/auth0-settings";
import { loadConfig } from "../../src/config";
import { type Auth0Options, type Simulator, startSimulator } from "../../src/simulator";
import { logins, tokenGrants } from "../support/peloton";

const sims: Simulator[] = [];
const dirs: string[] = [];
const simulator = async (auth0: Auth0Options) => {
  const sim = await startSimulator({ classes: 5, auth0 });
  sims.push(sim);
  return sim;
};
const client = async (...args: Parameters<typeof testClient>) => {
  const made = await testClient(...args);
  dirs.push(made.dataDir);
  return made;
};
afterEach(async () => {
  await Promise.all(sims.splice(0).map((sim) => sim.close()));
  await Promise.all(dirs.splice(0).map(removeDir));
});

/** The error a promise rejects with. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error as Error,
  );

const variants: Required<Pick<Auth0Options, "authorize" | "csrf" | "login" | "ssoHop">>[] = [];
for (const authorize of ["redirect", "form"] as const)
  for (const csrf of ["config", "input", "cookie"] as const)
    for (const login of ["form", "redirect"] as const)
      for (const ssoHop of ["none", "redirect", "form"] as const) variants.push({ authorize, csrf, login, ssoHop });

describe("the Auth0 login against each way Auth0 may answer (strict about Origin and Referer)", () => {
  it.each(variants)("authorize: $authorize, csrf: $csrf, login: $login, second host: $ssoHop", async (variant) => {
    const sim = await simulator({ ...variant, requireOrigin: true });

    const wrong = await failure((await client(simulatorConfig(sim, { password: "not-the-password" }))).client.me());
    expect(wrong).toBeInstanceOf(PelotonAuthError);
    expect(wrong.message).toBe("Peloton refused the login for demo@example.com: Wrong email or password. Check PELOTON_USERNAME and PELOTON_PASSWORD.");
    sim.requests.splice(0);

    const { client: peloton } = await client(simulatorConfig(sim));
    expect((await peloton.me()).id).toBe(sim.userId);
    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /authorize",
      ...(variant.authorize === "redirect" ? ["GET /login"] : []),
      "POST /usernamepassword/login",
      ...(variant.login === "form" ? ["POST /login/callback"] : []),
      ...(variant.ssoHop === "none" ? [] : ["GET /sso/callback"]),
      variant.ssoHop === "form" ? "POST /authorize/resume" : "GET /authorize/resume",
      "POST /oauth/token",
      "GET /api/me",
    ]);
    const [loginPage, credentials] = [sim.requests[variant.authorize === "redirect" ? 1 : 0]!, sim.requests.find((r) => r.path === "/usernamepassword/login")!];
    const loginPageUrl = `${sim.authUrl}${loginPage.path}?${new URLSearchParams(loginPage.query)}`;
    expect(credentials).toMatchObject({ status: 200 + (variant.login === "redirect" ? 103 : 0), origin: sim.authUrl, referer: loginPageUrl });
    // forms are posted as a browser posts them: from the page that holds them
    const callback = sim.requests.find((r) => r.path === "/login/callback");
    if (callback) expect(callback).toMatchObject({ origin: sim.authUrl, referer: loginPageUrl });
    const resume = sim.requests.find((r) => r.path === "/authorize/resume")!;
    if (variant.ssoHop === "form") expect(resume).toMatchObject({ origin: sim.ssoUrl, referer: expect.stringMatching(`^${sim.ssoUrl}/sso/callback\\?state=`) });
  });
});

describe("custom Auth0 settings", () => {
  const custom = { clientId: "custom_Client-0123", audience: "https://api.example.test/", redirectUri: "https://app.example.test/auth/callback" };

  it("log in and refresh end to end, from the environment variables to the tokens", async () => {
    const sim = await simulator({ ...custom, ssoHop: "redirect", requireOrigin: true });
    const { peloton: config } = loadConfig({
      PELOTON_API_URL: sim.apiUrl,
      PELOTON_AUTH_URL: sim.authUrl,
      PELOTON_AUTH0_CLIENT_ID: custom.clientId,
      PELOTON_AUTH0_AUDIENCE: custom.audience,
      PELOTON_AUTH0_REDIRECT_URI: custom.redirectUri,
      PELOTON_USERNAME: sim.credentials.username,
      PELOTON_PASSWORD: sim.credentials.password,
      PELOTON_REQUEST_DELAY_MS: "0",
      PELOTON_PAGE_DELAY_MS: "0",
      PELOTON_JITTER_MS: "0",
    });
    expect(config.auth0).toEqual(sim.auth0);
    const { client: peloton } = await client(config);
    expect((await peloton.me()).id).toBe(sim.userId);
    const authorize = sim.requests[0]!;
    expect(authorize.query).toMatchObject({ client_id: custom.clientId, audience: custom.audience, redirect_uri: custom.redirectUri });

    sim.expireAccessTokensAfter(0);
    expect((await peloton.me()).id).toBe(sim.userId);
    expect(logins(sim)).toBe(1);
    expect(tokenGrants(sim)).toBe(2); // the code exchange, then the refresh, both as the custom client
  });

  it("are the only ones a simulator configured with them accepts", async () => {
    const sim = await simulator(custom);
    const webApp = await failure((await client(simulatorConfig(sim, { auth0: pelotonWebApp }))).client.me());
    expect(webApp.message).toBe(
      "Peloton's login failed at the login page: HTTP 400 Oops!, something went wrong invalid_request: Unknown client: WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM.",
    );
    const otherRedirect = await failure(
      (await client(simulatorConfig(sim, { auth0: { ...custom, redirectUri: "https://elsewhere.example.test/callback" } }))).client.me(),
    );
    expect(otherRedirect.message).toMatch(/^Peloton's login failed at the login page: HTTP 400 .*The redirect_uri is not allowed for this client/);
    const otherAudience = await failure((await client(simulatorConfig(sim, { auth0: { ...custom, audience: "https://api.onepeloton.com/" } }))).client.me());
    expect(otherAudience.message).toMatch(/^Peloton's login failed at the login page: HTTP 403 .*Service not found: https:\/\/api\.onepeloton\.com\//);
    expect(logins(sim)).toBe(0);
  });

  it("do not reuse a session saved under another Auth0 client", async () => {
    const sim = await simulator({});
    const first = await client(simulatorConfig(sim));
    await first.client.me();
    const other = await client(simulatorConfig(sim, { auth0: custom }), first.dataDir);
    await expect(other.client.me()).rejects.toThrow(/login page: HTTP 400 .*Unknown client: custom_Client-0123/);
    expect(logins(sim)).toBe(1);
  });
});

describe("login errors", () => {
  it("name the step on one line, and never the password", async () => {
    const sim = await simulator({ ssoHop: "form" });
    sim.faults.inject("any", { status: 502 });
    const page = await failure((await client(simulatorConfig(sim))).client.me());
    expect(page.message).toBe("Peloton's login failed at the login page: HTTP 502 502 Bad Gateway cloudflare.");

    sim.faults.inject("token", { status: 429 });
    const exchange = await failure((await client(simulatorConfig(sim))).client.me());
    expect(exchange.message).toMatch(
      /^Peloton's login failed at the token exchange: HTTP 429 \{"status":429,.*\}\. Peloton is rate-limiting logins: wait an hour before trying again\.$/,
    );

    for (const error of [page, exchange]) {
      expect(error.message).not.toContain("\n");
      expect(error.message).not.toContain(sim.credentials.password);
    }
  });

  it("stop after 10 redirects and forms in a row", async () => {
    const looping = await loopingAuth0();
    try {
      const error = await failure(
        (
          await client({
            ...simulatorConfig({ apiUrl: looping.url, authUrl: looping.url, credentials: { username: "u@example.com", password: "p" } } as Simulator),
          })
        ).client.me(),
      );
      expect(error.message).toBe("Peloton's login failed at the login page: more than 10 redirects and forms in a row.");
      expect(looping.hits()).toBe(11);
    } finally {
      await new Promise((resolve) => looping.server.close(resolve));
    }
  });
});

/** A broken Auth0 whose /authorize sends the browser round in circles: a form that posts back, then a redirect back. */
async function loopingAuth0(): Promise<{ server: Server; url: string; hits(): number }> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    if (req.method === "POST") {
      res.writeHead(303, { Location: "/authorize" }).end();
    } else {
      res.writeHead(200, { "Content-Type": "text/html" }).end('<form method="post" action="/authorize"><input type="hidden" name="again" value="1"></form>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits };
}
