import { ingestFromSimulator } from "../../harness/simulator";
import { startSimulator } from "../../src/simulator";
import { blockOutsideRequests, describeInChromium, useGraphiQLServer } from "../support/browser";

// The web app that npm start serves at /, in a real browser with no way out of this machine, over the
// demo's catalogue (the simulator's, ingested as npm run demo does): a user finds every class that
// plays an artist.

describeInChromium("the web app", () => {
  const server = useGraphiQLServer(async (databases) => {
    const sim = await startSimulator({ classes: 120 });
    try {
      await ingestFromSimulator(databases, sim);
      // the most played artist, with its classes, as the catalogue counts them
      const [top] = await databases.detailed.$queryRawUnsafe<{ name: string; classes: number }[]>(
        `SELECT a.name, count(DISTINCT pe.workout_id)::int AS classes FROM artists a JOIN song_artists sa ON sa.artist_id = a.id
           JOIN playlist_entries pe ON pe.song_id = sa.song_id GROUP BY a.id ORDER BY count(*) DESC, a.id LIMIT 1`,
      );
      return top!;
    } finally {
      await sim.close();
    }
  });

  it("finds every class that plays an artist: typed, chosen, paged to the end, from a shareable URL", async () => {
    const { name, classes } = server.seeded;
    expect(classes).toBeGreaterThan(20); // more than a page: the list is paged to its end
    const context = await server.browser.newContext();
    const outside = await blockOutsideRequests(context);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const asked: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/graphql") asked.push(request.url());
    });

    await page.goto(new URL("/", server.api.url).href);
    await page.getByLabel("Search songs and artists").fill(name);
    const artistLink = page.getByRole("region", { name: /^Artists/ }).getByRole("link", { name, exact: true });
    await artistLink.click();
    const list = page.getByRole("region", { name: `Classes playing “${name}”` });
    await list.getByText(`${classes} classes`).waitFor();
    // every page, to the end: the list has no cap
    const more = list.getByRole("button", { name: "More classes" });
    while (await more.isVisible()) {
      const shown = await list.getByRole("listitem").count();
      await more.click();
      await list.getByRole("listitem").nth(shown).waitFor();
    }
    expect(await list.getByRole("listitem").count()).toBe(classes);

    // the URL holds the search: opened anew, it shows the same list
    const shared = page.url();
    expect(new URL(shared).searchParams.get("artist")).toBe(name);
    const again = await context.newPage();
    await again.goto(shared);
    await again
      .getByRole("region", { name: `Classes playing “${name}”` })
      .getByText(`${classes} classes`)
      .waitFor();
    expect(await again.getByLabel("Search songs and artists").inputValue()).toBe(new URL(shared).searchParams.get("q"));

    // only trusted documents, by hash: no document text leaves the page
    expect(asked.length).toBeGreaterThan(0);
    for (const url of asked) {
      expect(new URL(url).searchParams.get("documentId")).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(new URL(url).searchParams.has("query")).toBe(false);
    }
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("answers a path of the app with the app, and an unknown page with its own message", async () => {
    const context = await server.browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(new URL("/no/such/page", server.api.url).href);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toContain("default-src 'self'");
    await page.getByRole("heading", { name: "Not found" }).waitFor();
    await context.close();
  });
});
