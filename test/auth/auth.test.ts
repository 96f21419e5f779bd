import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import axios from "axios";
import { removeDir, simulatorConfig, testClient } from "../../harness/simulator";
import { PelotonAuthError } from "../../src/auth";
import { type Simulator, startSimulator } from "../../src/simulator";
import { countRequests, logins, tokenGrants } from "../support/peloton";

let sim: Simulator;
const dirs: string[] = [];
beforeEach(async () => {
  sim = await startSimulator({ classes: 20 });
});
afterEach(async () => {
  await sim.close();
  await Promise.all(dirs.splice(0).map(removeDir));
});
const client = async (...args: Parameters<typeof testClient>) => {
  const made = await testClient(...args);
  dirs.push(made.dataDir);
  return made;
};
const savedSession = async (dataDir: string) => JSON.parse(await readFile(path.join(dataDir, "session.json"), "utf8"));
const firstClassId = () => sim.catalogue.classes[0]!.id;

describe("Auth0 login (PKCE)", () => {
  it("logs in end to end, calls the API with the bearer token, and saves the session privately", async () => {
    const { client: peloton, dataDir } = await client(simulatorConfig(sim));
    expect((await peloton.me()).id).toBe(sim.userId);

    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /authorize",
      "GET /login",
      "POST /usernamepassword/login",
      "POST /login/callback",
      "GET /authorize/resume",
      "POST /oauth/token",
      "GET /api/me",
    ]);
    const me = sim.requests.at(-1)!;
    expect(me.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);

    const file = path.join(dataDir, "session.json");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const session = await savedSession(dataDir);
    expect(session).toMatchObject({ kind: "bearer", userId: sim.userId, accessToken: me.authorization!.slice(7) });
    expect(session.refreshToken).toEqual(expect.any(String));
    expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now() + 47 * 3600_000);
  });

  it("reuses the saved session in a second client, without logging in again", async () => {
    const first = await client(simulatorConfig(sim));
    await first.client.me();
    const second = await client(simulatorConfig(sim), first.dataDir);
    await second.client.rideDetails(firstClassId());
    expect(logins(sim)).toBe(1);
    expect(tokenGrants(sim)).toBe(1);
  });

  it("does not reuse a session saved for another account", async () => {
    const first = await client(simulatorConfig(sim));
    await first.client.me();
    const other = await client(simulatorConfig(sim, { username: "someone.else@example.com" }), first.dataDir);
    await expect(other.client.me()).rejects.toThrow(/refused the login for someone\.else@example\.com/);
  });

  it("reports a wrong password clearly, after one attempt and no API calls", async () => {
    const { client: peloton } = await client(simulatorConfig(sim, { password: "wrong" }));
    const failure = peloton.rideDetails(firstClassId());
    await expect(failure).rejects.toThrow(PelotonAuthError);
    await expect(failure).rejects.toThrow(
      /Peloton refused the login for demo@example\.com: Wrong email or password\. Check PELOTON_USERNAME and PELOTON_PASSWORD\./,
    );
    expect(logins(sim)).toBe(1);
    expect(sim.requests.filter((r) => r.path.startsWith("/api/"))).toEqual([]);
  });

  it("says what to set when there are no credentials at all", async () => {
    const { client: peloton } = await client(simulatorConfig(sim, { username: undefined, password: undefined }));
    await expect(peloton.me()).rejects.toThrow(/No saved Peloton session: set PELOTON_USERNAME and PELOTON_PASSWORD/);
    expect(sim.requests).toEqual([]);
  });
});

describe("an expiring session", () => {
  it("is refreshed on a 401, the rotated refresh token saved at once, and the request not lost", async () => {
    const { client: peloton, dataDir } = await client(simulatorConfig(sim));
    await peloton.me();
    const before = await savedSession(dataDir);
    sim.expireAccessTokensAfter(0);

    const details = await peloton.rideDetails(firstClassId());
    expect(details.ride.id).toBe(firstClassId());
    const after = await savedSession(dataDir);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(logins(sim)).toBe(1);
    // the old refresh token was rotated away: Peloton no longer takes it
    const reuse = await axios.post(
      `${sim.authUrl}/oauth/token`,
      { grant_type: "refresh_token", client_id: "WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM", refresh_token: before.refreshToken },
      { validateStatus: () => true },
    );
    expect(reuse.status).toBe(403);
    expect(reuse.data).toEqual({ error: "invalid_grant", error_description: "Unknown or invalid refresh token." });
  });

  it("expiring mid-run costs one refresh, even with requests in flight together", async () => {
    const { client: peloton } = await client(simulatorConfig(sim));
    await peloton.me();
    sim.expireAccessTokensAfter(2);
    const ids = sim.catalogue.classes.slice(0, 8).map((c) => c.id);
    const results = await Promise.all(ids.map((id) => peloton.rideDetails(id)));
    expect(results.map((details) => details.ride.id)).toEqual(ids);
    expect(tokenGrants(sim)).toBe(2); // the login's code exchange, then one refresh
    expect(logins(sim)).toBe(1);
  });

  it("logs in again when the refresh token is revoked", async () => {
    const { client: peloton } = await client(simulatorConfig(sim));
    await peloton.me();
    sim.revokeRefreshTokens();
    sim.expireAccessTokensAfter(0);
    expect((await peloton.rideDetails(firstClassId())).ride.id).toBe(firstClassId());
    expect(logins(sim)).toBe(2);
  });
});

describe("pasted tokens", () => {
  async function tokensFromALogin() {
    const { client: peloton, dataDir } = await client(simulatorConfig(sim));
    await peloton.me();
    return savedSession(dataDir);
  }

  it("use the access token as given, without logging in", async () => {
    const { accessToken } = await tokensFromALogin();
    const { client: peloton } = await client(simulatorConfig(sim, { username: undefined, password: undefined, accessToken }));
    expect((await peloton.me()).id).toBe(sim.userId);
    expect(logins(sim)).toBe(1); // only the one that made the tokens
  });

  it("trade a refresh token alone for an access token", async () => {
    const { refreshToken } = await tokensFromALogin();
    const { client: peloton, dataDir } = await client(simulatorConfig(sim, { username: undefined, password: undefined, refreshToken }));
    expect((await peloton.me()).id).toBe(sim.userId);
    expect((await savedSession(dataDir)).refreshToken).not.toBe(refreshToken);
  });

  it("explain what to do when the token expires and nothing can renew it", async () => {
    const { accessToken } = await tokensFromALogin();
    const { client: peloton } = await client(simulatorConfig(sim, { username: undefined, password: undefined, accessToken }));
    sim.expireAccessTokensAfter(0);
    await expect(peloton.me()).rejects.toThrow(
      /Peloton rejected the access token, and no PELOTON_USERNAME \/ PELOTON_PASSWORD are set to log in again\. Paste a new PELOTON_REFRESH_TOKEN/,
    );
  });
});

describe("the legacy session login", () => {
  it("logs in with /auth/login and sends the session cookie", async () => {
    sim.legacyLogin = true;
    const { client: peloton, dataDir } = await client(simulatorConfig(sim, { authMode: "session" }));
    expect((await peloton.me()).id).toBe(sim.userId);
    expect(sim.requests.at(-1)!.cookie).toMatch(/^peloton_session_id=\S+$/);
    expect(await savedSession(dataDir)).toMatchObject({ kind: "cookie", userId: sim.userId });
  });

  it("explains that Peloton closed it, when it answers 403 as it does today", async () => {
    const { client: peloton } = await client(simulatorConfig(sim, { authMode: "session" }));
    await expect(peloton.me()).rejects.toThrow(/no longer accepts session logins .* Use PELOTON_AUTH_MODE=oauth/);
    expect(countRequests(sim, "/auth/login")).toBe(1);
  });
});
