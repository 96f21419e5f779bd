import { mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { removeDir } from "../../harness/simulator";
import { fileSessionStore, type PelotonSession } from "../../src/auth";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "pmc-session-"));
});
afterEach(() => removeDir(dir));

const session: PelotonSession = { kind: "bearer", accessToken: "a.b.c", refreshToken: "v1.r", expiresAt: "2026-11-26T00:00:00.000Z", origin: "o" };

describe("fileSessionStore", () => {
  it("saves DATA_DIR/session.json readable by its owner only, and loads it back", async () => {
    const store = fileSessionStore(path.join(dir, "nested"));
    expect(await store.load()).toBeNull();
    await store.save(session);
    const file = path.join(dir, "nested", "session.json");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual(session);
    expect(await fileSessionStore(path.join(dir, "nested")).load()).toEqual(session);
    expect(await readdir(path.join(dir, "nested"))).toEqual(["session.json"]); // no temporary file left
  });

  it("treats a damaged or foreign file as no session", async () => {
    const store = fileSessionStore(dir);
    await writeFile(path.join(dir, "session.json"), "{ not json");
    expect(await store.load()).toBeNull();
    await writeFile(path.join(dir, "session.json"), JSON.stringify({ kind: "bearer" }));
    expect(await store.load()).toBeNull();
  });

  it("clears the session", async () => {
    const store = fileSessionStore(dir);
    await store.save(session);
    await store.clear();
    expect(await store.load()).toBeNull();
  });
});
