import path from "node:path";
import { ConfigError, loadConfig } from "../src/config";

describe("loadConfig", () => {
  it("defaults to the embedded databases under ./data", () => {
    expect(loadConfig({})).toEqual({
      dataDir: path.resolve("data"),
      database: { kind: "embedded", dataDir: path.resolve("data") },
      logLevel: "info",
    });
  });

  it("uses PostgreSQL when both URLs are set, and treats empty variables as unset", () => {
    const config = loadConfig({
      DATA_DIR: "/var/lib/catalogue",
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
    expect(config.logLevel).toBe("info");
  });

  it("names a malformed URL and hides its password", () => {
    const load = () =>
      loadConfig({ WORKOUTS_DATABASE_URL: "mysql://app:hunter2@db/x", DETAILED_DATABASE_URL: "postgresql://db/detailed" });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/WORKOUTS_DATABASE_URL: must be a PostgreSQL URL .*\(got "mysql:\/\/app:\*\*\*\*@db\/x"\)/);
    expect(load).not.toThrow(/hunter2/);
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
    expect(() =>
      loadConfig({ WORKOUTS_DATABASE_URL: "postgresql://a@db:5432/one", DETAILED_DATABASE_URL: "postgres://b@db/one" }),
    ).toThrow(/DETAILED_DATABASE_URL: must name a different database from WORKOUTS_DATABASE_URL/);
  });

  it("lists every bad variable at once", () => {
    expect(() => loadConfig({ LOG_LEVEL: "loud", WORKOUTS_DATABASE_URL: "nope", DETAILED_DATABASE_URL: "postgresql://db/d" })).toThrow(
      /Invalid configuration:\n {2}WORKOUTS_DATABASE_URL: .*\n {2}LOG_LEVEL: /,
    );
  });
});
