import path from "node:path";
import { useCliFixture } from "../../harness/commands";
import { withDatabases } from "../../harness/databases";
import { waitForOutput } from "../../harness/processes";

// npm start over HTTP, as a front-end developer's curl or app meets it: a run followed live over
// server-sent events, trusted documents by hash with their ETag.

const fixture = useCliFixture();
const token = "cli-admin-token-0123456789";
const manifest = path.join(__dirname, "..", "graphql", "persisted-documents.json");

/** The events of a server-sent stream, each `next` as its data, until it ends. */
async function events(response: Response): Promise<{ event: string; data: any }[]> {
  const text = await response.text();
  return text
    .split("\n\n")
    .filter((block) => block.startsWith("event:"))
    .map((block) => {
      const [event, data] = block.split("\n").map((line) => line.replace(/^\w+: ?/, ""));
      return { event: event!, data: data ? JSON.parse(data) : undefined };
    });
}

async function startServer(env: Record<string, string>, db?: Awaited<ReturnType<typeof fixture.scratch>>) {
  db ??= await fixture.scratch();
  const cli = fixture.start("start", db, [], { PORT: "0", ADMIN_TOKEN: token, ...env });
  const url = await waitForOutput(cli, /GraphQL API on (\S+)/, "the server to listen");
  return { db, cli, url };
}

const follow = (url: string, id: string) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ query: `subscription ($id: ID!) { ingestRun(id: $id) { status seen } }`, variables: { id } }),
  });

describe("npm start", () => {
  it("streams a run's progress to a subscriber until it ends, and answers trusted documents by hash with an ETag", async () => {
    await fixture.startSimulator({ classes: 20, disciplines: ["cycling"] });
    const { cli, url } = await startServer({ TRUSTED_DOCUMENTS: manifest, CACHE_MAX_AGE_SECONDS: "10" });
    const sync = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "mutation { syncWorkouts { id } }" }),
    });
    const { id } = (await sync.json()).data.syncWorkouts;
    const stream = await follow(url, id);
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const seen = await events(stream);
    expect(seen.at(-1)).toEqual({ event: "complete", data: undefined });
    expect(seen.at(-2)).toEqual({ event: "next", data: { data: { ingestRun: { status: "SUCCEEDED", seen: 20 } } } });

    const hash = Object.entries(require(manifest) as Record<string, string>).find(([, document]) => document.startsWith("query TrustedClasses("))![0];
    const byHash = `${url}?documentId=${encodeURIComponent(hash)}&variables=${encodeURIComponent(JSON.stringify({ first: 1 }))}`;
    const answer = await fetch(byHash);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ data: { workouts: { totalCount: 0, edges: [] } } });
    expect(answer.headers.get("cache-control")).toBe("public, max-age=10");
    const again = await fetch(byHash, { headers: { "if-none-match": answer.headers.get("etag")! } });
    expect(again.status).toBe(304);

    cli.child.kill("SIGTERM");
    expect(await cli.exited).toEqual({ code: 0, signal: null });
  });

  it("ends its subscribers' streams when it stops, though their run goes on in another process", async () => {
    await fixture.startSimulator({ classes: 1, disciplines: ["cycling"] });
    // a run another process (the CLI) is in the middle of, written before the server takes the databases
    const db = await fixture.scratch();
    const id = await withDatabases(db.config, async ({ workouts }) =>
      String((await workouts.ingestRun.create({ data: { stage: "PROCESS_DETAILS", status: "RUNNING", options: {}, heartbeatAt: new Date() } })).id),
    );
    const { cli, url } = await startServer({}, db);
    const stream = await follow(url, id);
    const reader = stream.body!.getReader();
    let text = "";
    while (!text.includes("RUNNING")) text += new TextDecoder().decode((await reader.read()).value);
    const stoppedAt = Date.now();
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);
    for (
      let chunk = await reader.read().catch(() => ({ done: true as const }));
      !chunk.done;
      chunk = await reader.read().catch(() => ({ done: true as const }))
    );
  });

  it("is refused in one line when a TRUSTED_DOCUMENTS file cannot be read", async () => {
    await fixture.startSimulator({ classes: 1, disciplines: ["cycling"] });
    const db = await fixture.scratch();
    const missing = path.join(db.dataDir, "persisted-documents.json");
    const cli = fixture.start("start", db, [], { PORT: "0", TRUSTED_DOCUMENTS: missing });
    expect(await cli.exited).toEqual({ code: 1, signal: null });
    expect(cli.stderr().trim()).toMatch(new RegExp(`^TRUSTED_DOCUMENTS: ${missing.replace(/[.\\/]/g, "\\$&")} cannot be read as JSON \\(ENOENT`));
  });
});
