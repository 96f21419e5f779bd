import path from "node:path";
import pg from "pg";
import { ConfigError, describeCatalogue, loadConfig, redactSecrets } from "../src/config";

/** What pg connects with, given the URL: the URLs are made for it. */
function parse(url: string) {
  const { user, password, host, port, database } = new pg.Client({ connectionString: url });
  return { user, password, host, port: String(port), database };
}

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
      trustedDocuments: [],
      trustedDocumentsOnly: false,
      cacheMaxAgeSeconds: 60,
      responseCache: { store: "memory", maxMiB: 32 },
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

  it("keeps the response cache in memory, in Redis (hiding its password) or nowhere", () => {
    expect(loadConfig({ RESPONSE_CACHE_MAX_MB: "8" }).responseCache).toEqual({ store: "memory", maxMiB: 8 });
    expect(loadConfig({ RESPONSE_CACHE_MAX_MB: "0" }).responseCache).toEqual({ store: "off" });
    expect(loadConfig({ REDIS_URL: "redis://:secret@cache.internal:6379/2" }).responseCache).toEqual({
      store: "redis",
      url: "redis://:secret@cache.internal:6379/2",
      keyPrefix: "peloton-catalogue:",
    });
    expect(loadConfig({ REDIS_URL: "rediss://cache.internal", REDIS_KEY_PREFIX: "staging:" }).responseCache).toMatchObject({ keyPrefix: "staging:" });
    expect(errorOf({ RESPONSE_CACHE_MAX_MB: "-1" })).toMatch(/RESPONSE_CACHE_MAX_MB: /);
    expect(errorOf({ RESPONSE_CACHE_MAX_MB: "32MB" })).toMatch(/RESPONSE_CACHE_MAX_MB: must be a whole number of MiB \(0 turns the response cache off\)/);
    const badUrl = errorOf({ REDIS_URL: "http://user:secret@cache.internal:6379" });
    expect(badUrl).toMatch(/REDIS_URL: must be a Redis URL such as redis:\/\/127.0.0.1:6379/);
    expect(badUrl).not.toMatch(/secret/);
    expect(errorOf({ REDIS_URL: "redis://127.0.0.1:6379", RESPONSE_CACHE_MAX_MB: "0" })).toMatch(
      /REDIS_URL: is set while RESPONSE_CACHE_MAX_MB=0 turns the response cache off/,
    );
    expect(errorOf({ REDIS_URL: "redis://127.0.0.1:6379", REDIS_KEY_PREFIX: "my cache:" })).toMatch(/REDIS_KEY_PREFIX: must be one word/);
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
    // the same server spelled two ways (localhost and 127.0.0.1 are one machine)
    expect(() => loadConfig({ WORKOUTS_DATABASE_URL: "postgresql://localhost/one", DETAILED_DATABASE_URL: "postgresql://127.0.0.1:5432/one" })).toThrow(
      /DETAILED_DATABASE_URL: must name a different database from WORKOUTS_DATABASE_URL/,
    );
  });

  it("lists every bad variable at once", () => {
    expect(() => loadConfig({ LOG_LEVEL: "loud", WORKOUTS_DATABASE_URL: "nope", DETAILED_DATABASE_URL: "postgresql://db/d" })).toThrow(
      /Invalid configuration:\n {2}WORKOUTS_DATABASE_URL: .*\n {2}LOG_LEVEL: /,
    );
  });
});

describe("the original scripts' DB_* settings", () => {
  const server = { DB_USER: "app", DB_HOST: "127.0.0.1", DB_PASSWORD: "hunter2", DB_PORT: "5432" };

  it("name the catalogue's two PostgreSQL databases on their server, peloton_workouts and peloton_detailed unless named", () => {
    const config = loadConfig(server);
    expect(config.database).toEqual({
      kind: "postgres",
      workoutsUrl: "postgresql://app:hunter2@127.0.0.1:5432/peloton_workouts",
      detailedUrl: "postgresql://app:hunter2@127.0.0.1:5432/peloton_detailed",
      dbVariables: true,
    });
    expect(config.dbServer).toBe("postgresql://app:hunter2@127.0.0.1:5432/");
    expect(loadConfig({ ...server, DB_WORKOUTS_NAME: "catalogue_workouts", DB_DETAILED_NAME: " catalogue_detailed " }).database).toMatchObject({
      workoutsUrl: "postgresql://app:hunter2@127.0.0.1:5432/catalogue_workouts",
      detailedUrl: "postgresql://app:hunter2@127.0.0.1:5432/catalogue_detailed",
    });
    expect(loadConfig({}).dbServer).toBeUndefined();
  });

  it("keep a database name with $ and - as it is, as pg reads the URL's path", () => {
    const { database } = loadConfig({ ...server, DB_WORKOUTS_NAME: "my$workouts-2" });
    expect(database.kind === "postgres" && parse(database.workoutsUrl).database).toBe("my$workouts-2");
  });

  it("encode a password with URL characters in it, which pg reads back as it was", () => {
    const password = "p@ss:w/rd%20#?&=' x";
    const { database } = loadConfig({ ...server, DB_PASSWORD: password });
    if (database.kind !== "postgres") throw new Error("not PostgreSQL");
    for (const url of [database.workoutsUrl, database.detailedUrl]) {
      expect(parse(url)).toMatchObject({ user: "app", password, host: "127.0.0.1", port: "5432" });
    }
    expect(parse(database.detailedUrl).database).toBe("peloton_detailed");
  });

  it("accept an empty DB_PASSWORD, for a server that asks none, and keep a password of spaces", () => {
    const { database } = loadConfig({ ...server, DB_PASSWORD: "" });
    expect(database).toMatchObject({ workoutsUrl: "postgresql://app@127.0.0.1:5432/peloton_workouts" });
    const spaces = loadConfig({ ...server, DB_PASSWORD: "  " }).database;
    expect(spaces.kind === "postgres" && parse(spaces.workoutsUrl).password).toBe("  ");
  });

  it("take an IPv6 address, and a socket directory as the host", () => {
    const ipv6 = loadConfig({ ...server, DB_HOST: "::1" }).database;
    expect(ipv6).toMatchObject({ workoutsUrl: "postgresql://app:hunter2@[::1]:5432/peloton_workouts" });
    expect(ipv6.kind === "postgres" && parse(ipv6.workoutsUrl)).toMatchObject({ host: "::1", port: "5432", database: "peloton_workouts" });

    const socket = loadConfig({ ...server, DB_HOST: "/var/run/postgresql" }).database;
    expect(socket.kind === "postgres" && parse(socket.detailedUrl)).toMatchObject({
      host: "/var/run/postgresql",
      port: "5432",
      user: "app",
      password: "hunter2",
      database: "peloton_detailed",
    });
  });

  it("refuse a host that holds a port, or is no host at all", () => {
    expect(errorOf({ ...server, DB_HOST: "db.example:5432" })).toMatch(
      /^Invalid configuration:\n {2}DB_HOST: must be a host name or address, .*\(the port goes in DB_PORT\) \(got "db\.example:5432"\)$/,
    );
    expect(errorOf({ ...server, DB_HOST: "postgresql://db.example" })).toMatch(/DB_HOST: must be a host name or address/);
    expect(errorOf({ ...server, DB_PORT: "postgres" })).toMatch(/DB_PORT: must be a port number/);
  });

  it("count only as a set: a partial one names exactly what is missing", () => {
    expect(errorOf({ DB_USER: "app", DB_HOST: "localhost" })).toBe(
      "Invalid configuration:\n  DB_PASSWORD and DB_PORT: not set, while DB_USER and DB_HOST are. The original scripts' settings name the PostgreSQL server " +
        "together: set DB_USER, DB_HOST, DB_PASSWORD (empty if the server asks none) and DB_PORT, or none of them.",
    );
    expect(errorOf({ ...server, DB_PORT: " " })).toMatch(/^Invalid configuration:\n {2}DB_PORT: not set, while DB_USER, DB_HOST and DB_PASSWORD are\./);
    expect(errorOf({ DB_USER: "app", DB_HOST: "localhost", DB_PORT: "5432" })).toMatch(/^Invalid configuration:\n {2}DB_PASSWORD: not set, while /);
  });

  it("refuse a database name without the server's settings", () => {
    expect(errorOf({ DB_WORKOUTS_NAME: "catalogue_workouts" })).toMatch(
      /^Invalid configuration:\n {2}DB_USER, DB_HOST, DB_PASSWORD and DB_PORT: not set, while DB_WORKOUTS_NAME is\./,
    );
    expect(errorOf({ DB_DETAILED_NAME: "catalogue_detailed" })).toMatch(/not set, while DB_DETAILED_NAME is\./);
  });

  it("refuse one database for both, and a name that is no database name", () => {
    expect(errorOf({ ...server, DB_WORKOUTS_NAME: "catalogue", DB_DETAILED_NAME: "catalogue" })).toMatch(
      /DB_DETAILED_NAME: must name a different database from DB_WORKOUTS_NAME/,
    );
    expect(errorOf({ ...server, DB_WORKOUTS_NAME: "peloton_detailed" })).toMatch(
      /DB_WORKOUTS_NAME: must not be peloton_detailed, the detailed database's name/,
    );
    expect(errorOf({ ...server, DB_DETAILED_NAME: 'x"; DROP DATABASE y' })).toMatch(/DB_DETAILED_NAME: must be a database name/);
  });

  it("beside the two URLs are refused, saying which would win", () => {
    const message = errorOf({
      ...server,
      WORKOUTS_DATABASE_URL: "postgresql://app:secret@db.example/workouts",
      DETAILED_DATABASE_URL: "postgresql://app:secret@db.example/detailed",
    });
    expect(message).toMatch(
      /^Invalid configuration:\n {2}WORKOUTS_DATABASE_URL and DETAILED_DATABASE_URL are set, and so are DB_USER, DB_HOST, DB_PASSWORD and DB_PORT/,
    );
    expect(message).toMatch(/the URLs \(which would win were both allowed\)/);
    expect(errorOf({ DB_DETAILED_NAME: "x", WORKOUTS_DATABASE_URL: "postgresql://db/w", DETAILED_DATABASE_URL: "postgresql://db/d" })).toMatch(
      /are set, and so is DB_DETAILED_NAME: both name/,
    );
  });

  it("never show DB_PASSWORD's value in a message", () => {
    const password = "hunter2-Secret";
    const messages = [
      errorOf({ DB_PASSWORD: password }),
      errorOf({ ...server, DB_PASSWORD: password, DB_HOST: "bad host" }),
      errorOf({ ...server, DB_PASSWORD: password, LOG_LEVEL: "loud" }),
      errorOf({ ...server, DB_PASSWORD: password, WORKOUTS_DATABASE_URL: "postgresql://db/w", DETAILED_DATABASE_URL: "postgresql://db/d" }),
    ];
    for (const message of messages) expect(message).not.toContain(password);
    expect(describeCatalogue(loadConfig({ ...server, DB_PASSWORD: password }).database)).not.toContain(password);
  });
});

describe("describeCatalogue", () => {
  it("names the embedded databases' directory", () => {
    expect(describeCatalogue(loadConfig({ DATA_DIR: "/srv/catalogue" }).database)).toBe("Catalogue: the embedded databases in /srv/catalogue");
  });

  it("names the server and the two databases that DB_* set, without the password", () => {
    const { database } = loadConfig({ DB_USER: "app", DB_HOST: "db.example", DB_PASSWORD: "hunter2", DB_PORT: "5433" });
    expect(describeCatalogue(database)).toBe("Catalogue: PostgreSQL at postgresql://app@db.example:5433, databases peloton_workouts and peloton_detailed");
    const socket = loadConfig({ DB_USER: "app", DB_HOST: "/var/run/postgresql", DB_PASSWORD: "hunter2", DB_PORT: "5432" }).database;
    expect(describeCatalogue(socket)).toBe(
      "Catalogue: PostgreSQL at postgresql://app@localhost:5432?host=/var/run/postgresql, databases peloton_workouts and peloton_detailed",
    );
  });

  it("names each URL when the databases are on different servers, passwords hidden however given", () => {
    const line = describeCatalogue({
      kind: "postgres",
      workoutsUrl: "postgresql://app:hunter2@one.example:5432/workouts?sslmode=require",
      detailedUrl: "postgres://two.example/detailed?user=app&password=hunter3",
    });
    expect(line).toBe(
      "Catalogue: PostgreSQL, the workouts database at postgresql://app:****@one.example:5432/workouts?sslmode=require and the detailed one at postgres://two.example/detailed?user=app&password=****",
    );
  });

  it("names the server once when both URLs share it, whatever their other parameters", () => {
    const line = describeCatalogue({
      kind: "postgres",
      workoutsUrl: "postgresql://app:hunter2@db.example:5432/w?sslmode=require",
      detailedUrl: "postgresql://app:hunter3@db.example:5432/d?password=x",
    });
    expect(line).toBe("Catalogue: PostgreSQL at postgresql://app@db.example:5432, databases w and d");
  });
});

describe("redactSecrets", () => {
  it("hides a password holding the characters a URL cannot hold unencoded (#, /, ?), which then does not parse", () => {
    for (const password of ["hun#ter2", "hun/ter2", "hun?ter2", "hunter2"]) {
      const text = redactSecrets(`--from must be a PostgreSQL server, got "postgresql://postgres:${password}@127.0.0.1:5432"`);
      expect(text).toBe('--from must be a PostgreSQL server, got "postgresql://postgres:****@127.0.0.1:5432"');
    }
  });
});

describe("describeCatalogue's user name", () => {
  it("is shown as it is, not percent-encoded", () => {
    const { database } = loadConfig({ DB_USER: "le gacy@user", DB_HOST: "db.example", DB_PASSWORD: "", DB_PORT: "5432" });
    expect(describeCatalogue(database)).toBe(
      "Catalogue: PostgreSQL at postgresql://le gacy@user@db.example:5432, databases peloton_workouts and peloton_detailed",
    );
  });
});
