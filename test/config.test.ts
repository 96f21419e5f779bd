import path from "node:path";
import { ConfigError, loadConfig } from "../src/config";

/** The message of the ConfigError that loading `env` throws. */
function errorOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("the configuration was accepted");
}

describe("loadConfig", () => {
  it("defaults to the embedded databases under ./data and to Peloton's hosts at a polite pace", () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: "127.0.0.1",
      rateLimitPerMinute: 600,
      production: false,
      requestTimeoutMs: 15_000,
      dataDir: path.resolve("data"),
      database: { kind: "embedded", dataDir: path.resolve("data") },
      backupDir: path.resolve("backups"),
      logLevel: "info",
      peloton: {
        apiUrl: "https://api.onepeloton.com",
        authUrl: "https://auth.onepeloton.com",
        auth0: {
          clientId: "WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM",
          audience: "https://api.onepeloton.com/",
          redirectUri: "https://members.onepeloton.com/callback",
        },
        authMode: "auto",
        requestDelayMs: 1000,
        pageDelayMs: 2000,
        jitterMs: 100,
        timeoutMs: 30_000,
        maxRetries: 5,
        retryBaseMs: 2000,
      },
    });
  });

  it("reads the API's admin token and timeout, and refuses a short token without echoing it", () => {
    expect(loadConfig({ ADMIN_TOKEN: "0123456789abcdef", REQUEST_TIMEOUT_MS: "500" })).toMatchObject({ adminToken: "0123456789abcdef", requestTimeoutMs: 500 });
    let error: unknown;
    try {
      loadConfig({ ADMIN_TOKEN: "hunter2" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/ADMIN_TOKEN: must be at least 16 characters/);
    expect((error as Error).message).not.toMatch(/hunter2/);
  });

  it("refuses an admin token with whitespace in or around it, which no request could match, without echoing it", () => {
    for (const token of [" 0123456789abcdef", "0123456789abcdef\n", "0123456789 abcdef", "0123456789abcdef\t", "01234567\u00a089abcdef"]) {
      let error: unknown;
      try {
        loadConfig({ ADMIN_TOKEN: token });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/^Invalid configuration:\n {2}ADMIN_TOKEN: must not contain spaces or other whitespace/);
      expect((error as Error).message).not.toMatch(/0123456789/);
    }
    // all whitespace is unset, as for every variable: no token, mutations disabled
    expect(loadConfig({ ADMIN_TOKEN: "   " }).adminToken).toBeUndefined();
  });

  it("reads the Peloton settings", () => {
    const { peloton } = loadConfig({
      PELOTON_API_URL: "http://127.0.0.1:4100/",
      PELOTON_AUTH_URL: "http://127.0.0.1:4100",
      PELOTON_AUTH_MODE: "token",
      PELOTON_REFRESH_TOKEN: "v1.abc",
      PELOTON_REQUEST_DELAY_MS: "0",
      PELOTON_PAGE_DELAY_MS: "500",
    });
    expect(peloton).toMatchObject({
      apiUrl: "http://127.0.0.1:4100",
      authMode: "token",
      refreshToken: "v1.abc",
      requestDelayMs: 0,
      pageDelayMs: 500,
    });
  });

  it("reads the Auth0 client settings, keeping the redirect URI exactly as given", () => {
    const { peloton } = loadConfig({
      PELOTON_AUTH_URL: "https://login.example.com/",
      PELOTON_AUTH0_CLIENT_ID: " custom_Client-1 ",
      PELOTON_AUTH0_AUDIENCE: "urn:example:api",
      PELOTON_AUTH0_REDIRECT_URI: "https://app.example.com/callback/",
    });
    expect(peloton).toMatchObject({
      authUrl: "https://login.example.com",
      auth0: { clientId: "custom_Client-1", audience: "urn:example:api", redirectUri: "https://app.example.com/callback/" },
    });
    expect(loadConfig({ PELOTON_AUTH0_CLIENT_ID: "", PELOTON_AUTH0_AUDIENCE: " " }).peloton.auth0).toEqual(loadConfig({}).peloton.auth0);
  });

  it("names bad Auth0 client settings", () => {
    expect(() => loadConfig({ PELOTON_AUTH0_CLIENT_ID: "my client" })).toThrow(
      /PELOTON_AUTH0_CLIENT_ID: must be an Auth0 client id \(letters, digits, - and _\) \(got "my client"\)/,
    );
    expect(() => loadConfig({ PELOTON_AUTH0_AUDIENCE: "https://api.onepeloton.com/ x" })).toThrow(
      /PELOTON_AUTH0_AUDIENCE: must be an Auth0 API identifier without spaces/,
    );
    expect(() => loadConfig({ PELOTON_AUTH0_REDIRECT_URI: "members.onepeloton.com/callback" })).toThrow(
      /PELOTON_AUTH0_REDIRECT_URI: must be an http\(s\) URL registered with the Auth0 client/,
    );
    expect(() => loadConfig({ PELOTON_AUTH0_REDIRECT_URI: "myapp://callback", PELOTON_AUTH0_CLIENT_ID: "a b" })).toThrow(
      /Invalid configuration:\n {2}PELOTON_AUTH0_CLIENT_ID: .*\n {2}PELOTON_AUTH0_REDIRECT_URI: /,
    );
  });

  it("reads the API's port and production mode", () => {
    expect(loadConfig({ PORT: "8080", NODE_ENV: "production" })).toMatchObject({ port: 8080, production: true });
    expect(() => loadConfig({ PORT: "http" })).toThrow(/PORT: must be a port number/);
  });

  it("names bad Peloton settings", () => {
    expect(() => loadConfig({ PELOTON_API_URL: "api.onepeloton.com" })).toThrow(/PELOTON_API_URL: must be an http\(s\) URL/);
    expect(() => loadConfig({ PELOTON_AUTH_MODE: "password" })).toThrow(/PELOTON_AUTH_MODE: .*"auto"\|"oauth"\|"token"\|"session"/);
    expect(() => loadConfig({ PELOTON_REQUEST_DELAY_MS: "1s" })).toThrow(/PELOTON_REQUEST_DELAY_MS: must be a whole number of milliseconds/);
    expect(() => loadConfig({ PELOTON_JITTER_MS: "-5" })).toThrow(/PELOTON_JITTER_MS: /);
  });

  it("uses PostgreSQL when both URLs are set, and treats empty variables as unset", () => {
    const config = loadConfig({
      DATA_DIR: "/var/lib/catalogue",
      BACKUP_DIR: "/srv/backups",
      WORKOUTS_DATABASE_URL: "postgresql://app:secret@db.example:5432/workouts",
      DETAILED_DATABASE_URL: "postgres://app:secret@db.example/detailed",
      LOG_LEVEL: "",
    });
    expect(config.database).toEqual({
      kind: "postgres",
      workoutsUrl: "postgresql://app:secret@db.example:5432/workouts",
      detailedUrl: "postgres://app:secret@db.example/detailed",
    });
    expect(config.dataDir).toBe("/var/lib/catalogue");
    expect(config.backupDir).toBe("/srv/backups");
    expect(config.logLevel).toBe("info");
  });

  it("names a malformed URL and hides its password", () => {
    const load = () => loadConfig({ WORKOUTS_DATABASE_URL: "mysql://app:hunter2@db/x", DETAILED_DATABASE_URL: "postgresql://db/detailed" });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/WORKOUTS_DATABASE_URL: must be a PostgreSQL URL .*\(got "mysql:\/\/app:\*\*\*\*@db\/x"\)/);
    expect(load).not.toThrow(/hunter2/);
  });

  it("hides a password given in the query string, and any password-like parameter", () => {
    const message = errorOf({
      WORKOUTS_DATABASE_URL: "mysql://db.example/workouts?user=app&password=hunter2&sslpassword=hunter3&sslmode=require",
      DETAILED_DATABASE_URL: "postgresql://db/detailed",
    });
    expect(message).toMatch(
      /WORKOUTS_DATABASE_URL: must be a PostgreSQL URL .*\(got "mysql:\/\/db\.example\/workouts\?user=app&password=\*\*\*\*&sslpassword=\*\*\*\*&sslmode=require"\)/,
    );
    expect(message).not.toMatch(/hunter/);
  });

  it("does not show a database URL that does not parse, since where its password ends cannot be told", () => {
    for (const value of ["postgresql://app:hunter2@db.example:port/workouts", "postgres://app:hunter2@[db/workouts", "app:hunter2@db.example/workouts"]) {
      const message = errorOf({ WORKOUTS_DATABASE_URL: value, DETAILED_DATABASE_URL: "postgresql://db/detailed" });
      expect(message).toMatch(/WORKOUTS_DATABASE_URL: must be a PostgreSQL URL/);
      expect(message).not.toMatch(/hunter2/);
    }
  });

  it("hides a password in a database URL whichever other variable's error shows it", () => {
    const message = errorOf({ PELOTON_API_URL: "postgresql://app:hunter2@db/x?password=hunter3", LOG_LEVEL: "postgresql://app:hunter2@db/x" });
    expect(message).toMatch(/LOG_LEVEL: .*\(got "postgresql:\/\/app:\*\*\*\*@db\/x"\)/);
    expect(message).not.toMatch(/hunter/);
  });

  it("rejects text that is not a URL at all", () => {
    expect(() => loadConfig({ WORKOUTS_DATABASE_URL: "localhost:5432", DETAILED_DATABASE_URL: "postgresql://db/d" })).toThrow(
      /WORKOUTS_DATABASE_URL: must be a PostgreSQL URL/,
    );
  });

  it("needs both database URLs or neither", () => {
    expect(() => loadConfig({ WORKOUTS_DATABASE_URL: "postgresql://db/workouts" })).toThrow(
      /DETAILED_DATABASE_URL: must be set too when WORKOUTS_DATABASE_URL is set/,
    );
    expect(() => loadConfig({ DETAILED_DATABASE_URL: "postgresql://db/detailed" })).toThrow(
      /WORKOUTS_DATABASE_URL: must be set too when DETAILED_DATABASE_URL is set/,
    );
  });

  it("refuses one database for both", () => {
    expect(() => loadConfig({ WORKOUTS_DATABASE_URL: "postgresql://a@db:5432/one", DETAILED_DATABASE_URL: "postgres://b@db/one" })).toThrow(
      /DETAILED_DATABASE_URL: must name a different database from WORKOUTS_DATABASE_URL/,
    );
  });

  it("lists every bad variable at once", () => {
    expect(() => loadConfig({ LOG_LEVEL: "loud", WORKOUTS_DATABASE_URL: "nope", DETAILED_DATABASE_URL: "postgresql://db/d" })).toThrow(
      /Invalid configuration:\n {2}WORKOUTS_DATABASE_URL: .*\n {2}LOG_LEVEL: /,
    );
  });
});
