import { readFile } from "node:fs/promises";
import type { BrowserContext, Page } from "playwright-core";
import { simulatorEnv } from "../../harness/commands";
import { waitFor } from "../../harness/processes";
import { ingestFromSimulator } from "../../harness/simulator";
import { processDetailsStage } from "../../src/ingest/process-details";
import { syncWorkoutsStage } from "../../src/ingest/sync-workouts";
import { type Simulator, startSimulator } from "../../src/simulator";
import { blockOutsideRequests, describeInChromium, useGraphiQLServer } from "../support/browser";

// The web app that npm start serves at /, in a real browser with no way out of this machine, over the
// demo's catalogue (the simulator's, ingested as npm run demo does): a user finds every class that
// plays an artist, opens one, exports its playlist, goes on to its instructor and a song, and narrows
// the class finder by a facet and an artist. Every
// page it sees is checked with axe (WCAG A and AA) at a desktop and a phone width.

const axePath = require.resolve("axe-core/axe.min.js");
const adminToken = "web-app-test-admin-token-0123456789";

describeInChromium("the web app", () => {
  // the simulator stays up: the status page's runs sync from it
  let sim: Simulator;
  const server = useGraphiQLServer(
    async (databases) => {
      sim = await startSimulator({ classes: 120 });
      // as npm run demo ingests: every discipline
      await ingestFromSimulator(databases, sim, { sync: syncWorkoutsStage.demo, details: processDetailsStage.demo });
      // the most played artist, with how many classes play them, as the catalogue counts
      const [top] = await databases.detailed.$queryRawUnsafe<{ name: string; classes: number }[]>(
        `SELECT a.name, count(DISTINCT pe.workout_id)::int AS classes FROM artists a JOIN song_artists sa ON sa.artist_id = a.id
           JOIN playlist_entries pe ON pe.song_id = sa.song_id GROUP BY a.id ORDER BY count(*) DESC, a.id LIMIT 1`,
      );
      // the title most classes share, less its minutes ("Pop Ride"), with how many classes' titles hold its words
      const titles = (await databases.detailed.detailedWorkout.findMany({ select: { title: true } })).map(({ title }) => title);
      const shared = new Map<string, number>();
      for (const title of titles) {
        const words = title.replace(/^\d+ min /, "");
        if (/^[A-Za-z ]+$/.test(words)) shared.set(words, (shared.get(words) ?? 0) + 1);
      }
      const [titled] = [...shared].sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
      const holds = (title: string) => ` ${title.toLowerCase()} `.includes(` ${titled![0].toLowerCase()} `);
      return { ...top!, titled: { words: titled![0], classes: titles.filter(holds).length } };
    },
    { env: () => ({ ...simulatorEnv(sim), ADMIN_TOKEN: adminToken }) },
  );
  afterAll(() => sim?.close());

  let context: BrowserContext;
  let outside: string[];
  let asked: URLSearchParams[];
  let pageErrors: string[];
  const seen: string[] = [];

  beforeAll(async () => {
    // a reader far from UTC: the dates shown and the days filtered are theirs
    context = await server.browser.newContext({ acceptDownloads: true, timezoneId: "America/Los_Angeles", locale: "en-US" });
    outside = await blockOutsideRequests(context);
    asked = [];
    pageErrors = [];
    context.on("request", (request) => {
      if (new URL(request.url()).pathname !== "/graphql") return;
      // a GET names its document in the URL, a POST (a mutation) in its body
      const params = request.method() === "POST" ? new URLSearchParams(request.postDataJSON()) : new URL(request.url()).searchParams;
      asked.push(params);
    });
    context.on("page", (page) => {
      page.on("pageerror", (error) => pageErrors.push(error.message));
      // a blocked album cover is a failed resource; anything else said as an error is the app's (a CSP refusal, React's warnings)
      page.on("console", (message) => {
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) pageErrors.push(message.text());
      });
    });
  });
  afterAll(() => context?.close());

  const at = (path: string) => new URL(path, server.api.url).href;
  const region = (page: Page, name: string | RegExp) => page.getByRole("region", { name });

  it("finds every class that plays an artist: typed, chosen, paged to the end, from a shareable URL", async () => {
    const { name, classes } = server.seeded;
    expect(classes).toBeGreaterThan(20); // more than a page: the list is paged to its end
    const page = await context.newPage();
    await page.goto(at("/"));
    await page.getByLabel("Search songs, artists and classes").fill(name);
    await region(page, /^Artists/)
      .getByRole("link", { name, exact: true })
      .click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    seen.push(page.url());
    expect(new URL(page.url()).pathname).toMatch(/^\/artists\/[^/]+$/);

    const list = region(page, `Classes playing ${name}`);
    await list.getByText(`${classes} classes`).waitFor();
    const more = list.getByRole("button", { name: "More classes" });
    while (await more.isVisible()) {
      const shown = await list.getByRole("listitem").count();
      await more.click();
      await list.getByRole("listitem").nth(shown).waitFor();
    }
    expect(await list.getByRole("listitem").count()).toBe(classes);

    // the URL is the page: opened anew, it shows the same artist and count
    const again = await context.newPage();
    await again.goto(page.url());
    await region(again, `Classes playing ${name}`).getByText(`${classes} classes`).waitFor();
    await again.close();
    await page.close();
  });

  it("keeps the words in the URL as they are typed, and follows the URL when it changes: back, forward, a link", async () => {
    const { name } = server.seeded;
    const page = await context.newPage();
    await page.goto(at("/"));
    const box = page.getByLabel("Search songs, artists and classes");
    await box.fill(name);
    await page.waitForURL((url) => url.searchParams.get("q") === name);
    await region(page, /^Artists/)
      .getByRole("link", { name, exact: true })
      .click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    await page.goBack();
    await region(page, /^Artists/)
      .getByRole("link", { name, exact: true })
      .waitFor();
    await waitFor("the box to show the words again", async () => (await box.inputValue()) === name, 10_000);
    // the header's link to the search page: an empty box, no results, and the URL stays empty
    await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Search" }).click();
    await page.waitForURL((url) => url.pathname === "/" && !url.searchParams.has("q"));
    // the box follows the URL in the render after it changes
    await waitFor("the box to empty", async () => (await box.inputValue()) === "", 10_000);
    await page.waitForTimeout(600); // past the box's debounce: nothing writes the old words back
    expect(new URL(page.url()).searchParams.has("q")).toBe(false);
    expect(await region(page, /^Artists/).count()).toBe(0);
    await page.close();
  });

  it("finds classes by the words of their titles from the same box", async () => {
    const { words, classes } = server.seeded.titled;
    expect(classes).toBeGreaterThan(1);
    const page = await context.newPage();
    await page.goto(at("/"));
    await page.getByLabel("Search songs, artists and classes").fill(words.toLowerCase());
    const list = region(page, `Classes titled “${words.toLowerCase()}”`);
    await list.getByText(`${classes} classes`).waitFor();
    const shown = await list.getByRole("listitem").allInnerTexts();
    expect(shown.length).toBe(Math.min(classes, 20));
    for (const text of shown) expect(text.toLowerCase()).toContain(words.toLowerCase());
    await region(page, `Classes playing an artist named “${words.toLowerCase()}”`).waitFor();
    // a class's title opens the class
    const first = list.getByRole("listitem").first().getByRole("link").first();
    const title = (await first.textContent()) ?? "";
    await first.click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.close();
  });

  it("opens a class, its playlist in order with start times, and exports it as CSV and M3U", async () => {
    const page = await context.newPage();
    await page.goto(seen[0]!);
    const first = region(page, `Classes playing ${server.seeded.name}`).getByRole("listitem").first().getByRole("link").first();
    const title = (await first.textContent())!;
    await first.click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    seen.push(page.url());
    const songs = region(page, /^Playlist/).getByRole("listitem");
    await songs.first().waitFor();
    const count = await songs.count();
    expect(count).toBeGreaterThan(0);
    expect(await songs.first().textContent()).toMatch(/^\d+:\d\d/); // its start time first

    const exported = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
      return { name: download.suggestedFilename(), text: await readFile((await download.path())!, "utf8") };
    };
    const csv = await exported("Export CSV");
    expect(csv.name).toMatch(/\.csv$/);
    const rows = csv.text.trimEnd().split("\r\n");
    expect(rows[0]).toBe("position,start_seconds,title,artists,album");
    expect(rows).toHaveLength(count + 1);
    const firstSong = (await songs.first().getByRole("link").first().textContent())!;
    expect(rows[1]).toContain(firstSong.replaceAll('"', '""'));
    const m3u = await exported("Export M3U");
    expect(m3u.name).toMatch(/\.m3u$/);
    const lines = m3u.text.trimEnd().split("\n");
    expect(lines[0]).toBe("#EXTM3U");
    expect(lines.filter((line) => line.startsWith("#EXTINF:"))).toHaveLength(count);
    await page.close();
  });

  it("goes from a class to its instructor (top artists as bars, their classes) and to a song (the classes that play it)", async () => {
    const page = await context.newPage();
    await page.goto(seen[1]!);
    const song = region(page, /^Playlist/)
      .getByRole("listitem")
      .first()
      .getByRole("link")
      .first();
    await song.waitFor();
    const songTitle = (await song.textContent())!;
    await page.locator("main > p").first().getByRole("link").click(); // the instructor, under the title
    await region(page, "Most played artists").getByRole("listitem").first().waitFor();
    seen.push(page.url());
    expect(new URL(page.url()).pathname).toMatch(/^\/instructors\//);
    await region(page, /^Classes by /)
      .getByText(/\d+ class/)
      .waitFor();

    await page.goBack();
    await region(page, /^Playlist/)
      .getByRole("listitem")
      .first()
      .getByRole("link")
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: songTitle }).waitFor();
    seen.push(page.url());
    await region(page, `Classes playing ${songTitle}`)
      .getByText(/\d+ class/)
      .waitFor();
    await page.close();
  });

  it("filters classes in the finder: a facet's count is the list's, an artist chip shows what matched, the URL keeps both; difficulty and air-date ranges", async () => {
    const { name } = server.seeded;
    const page = await context.newPage();
    await page.goto(at("/classes"));
    const firstDiscipline = page.getByRole("group", { name: "Discipline" }).locator("label").first();
    await firstDiscipline.waitFor();
    const list = region(page, "Matching classes");
    const total = async () => Number(/^(\d+) class/.exec((await list.locator("p.muted").first().textContent())!)![1]);
    await list.getByText(/^\d+ class/).waitFor();
    const all = await total();

    // a discipline: the list holds as many classes as its facet counted
    const discipline = firstDiscipline.getByRole("checkbox");
    const counted = Number(/\((\d+)\)/.exec((await firstDiscipline.textContent())!)![1]);
    // a click, then its effect: the box is checked once the URL holds it (React Router navigates in a
    // transition, so the controlled box shows its new state a moment after the click, not during it)
    await discipline.click();
    await page.getByRole("group", { name: "Discipline" }).getByRole("checkbox", { checked: true }).waitFor();
    await list.getByText(`${counted} classes`).waitFor();
    expect(counted).toBeLessThan(all);

    // an artist chosen by name becomes a chip; every class listed shows the songs of theirs it plays
    await page.getByLabel("Add an artist or a song").fill(name);
    await page.getByRole("list", { name: "Suggestions" }).getByRole("button", { name, exact: true }).click();
    await page.getByRole("button", { name: `Remove ${name}` }).waitFor();
    await list.locator(".matches").first().waitFor();
    const listed = await list.getByRole("listitem").count();
    expect(listed).toBeGreaterThan(0);
    for (const matched of await list.locator(".matches").allTextContents())
      expect(matched).toMatch(new RegExp(`^Plays .*${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "i"));
    expect(await list.locator(".matches").count()).toBe(listed);
    const narrowed = await total();
    expect(narrowed).toBeLessThanOrEqual(counted);
    seen.push(page.url());

    // the URL is the search: opened anew, the same choices and count
    const again = await context.newPage();
    await again.goto(page.url());
    await again.getByRole("button", { name: `Remove ${name}` }).waitFor();
    const chosen = again.getByRole("group", { name: "Discipline" }).getByRole("checkbox", { checked: true });
    await chosen.first().waitFor();
    expect(await chosen.count()).toBe(1);
    await region(again, "Matching classes")
      .getByText(`${narrowed} ${narrowed === 1 ? "class" : "classes"}`)
      .waitFor();
    await again.close();

    await page.getByRole("button", { name: "Clear every filter" }).click();
    await list.getByText(`${all} classes`).waitFor();

    // a difficulty range: every class listed is rated within it
    await page.getByLabel("At least").selectOption("7");
    await list.getByText(`${all} classes`).waitFor({ state: "detached" }); // the new list, not the old one
    await list.getByText(/^\d+ class/).waitFor();
    const ratings = (await list.locator("li > .muted").allTextContents()).map((facts) => Number(/difficulty (\d+\.\d)/.exec(facts)?.[1]));
    expect(ratings.length).toBeGreaterThan(0);
    for (const rating of ratings) expect(rating).toBeGreaterThanOrEqual(7);
    expect(await total()).toBeLessThan(all);

    // a day's classes: the first one listed's air date, from and to
    await page.getByRole("button", { name: "Clear every filter" }).click();
    await list.getByText(`${all} classes`).waitFor();
    const aired = /· ([^·]+)$/.exec((await list.locator("li > .muted").first().textContent())!)![1]!.trim();
    const { date } = await page.evaluate((shown) => {
      const at = new Date(shown);
      return { date: `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, "0")}-${String(at.getDate()).padStart(2, "0")}` };
    }, aired);
    await page.getByLabel("From", { exact: true }).fill(date);
    await page.getByLabel("To", { exact: true }).fill(date);
    await page.waitForURL((url) => url.searchParams.get("to") === date);
    // once the list is the day's (it answers the "from" alone first): every class aired that day
    const facts = () => list.locator("li > .muted").allTextContents();
    await waitFor("the day's classes", async () => (await facts()).length > 0 && (await facts()).every((shown) => shown.endsWith(aired)), 10_000);
    expect(await total()).toBeLessThan(all);
    await page.close();
  });

  it("narrows the finder by words of the classes' titles, which the URL keeps and clearing empties", async () => {
    const { words, classes } = server.seeded.titled;
    const page = await context.newPage();
    await page.goto(at("/classes"));
    const list = region(page, "Matching classes");
    await list.getByText(/^\d+ class/).waitFor();
    const all = await list.locator("p.muted").first().textContent();
    const box = page.getByLabel("Has the words");
    await box.fill(words);
    await page.waitForURL((url) => url.searchParams.get("title") === words);
    await list.getByText(`${classes} classes`).waitFor();
    for (const title of await list.locator("li strong").allTextContents()) expect(title.toLowerCase()).toContain(words.toLowerCase());
    // the facets count within the words: the disciplines' counts add up to the list's
    await waitFor(
      "the facets of the words",
      async () =>
        (await page.getByRole("group", { name: "Discipline" }).locator("label").allTextContents())
          .map((label) => Number(/\((\d+)\)/.exec(label)![1]))
          .reduce((sum, n) => sum + n, 0) === classes,
      10_000,
    );

    // opened anew from its URL: the words in the box, the same classes
    const again = await context.newPage();
    await again.goto(page.url());
    await region(again, "Matching classes").getByText(`${classes} classes`).waitFor();
    expect(await again.getByLabel("Has the words").inputValue()).toBe(words);
    await again.close();

    await page.getByRole("button", { name: "Clear every filter" }).click();
    await list.getByText(all!).waitFor();
    await waitFor("the box to empty", async () => (await box.inputValue()) === "", 10_000);
    await page.waitForTimeout(600); // past the box's debounce: nothing writes the old words back
    expect(new URL(page.url()).searchParams.has("title")).toBe(false);

    // words typed but not yet settled into the URL go too when every filter is cleared
    await page.getByRole("group", { name: "Discipline" }).getByRole("checkbox").first().click();
    await page.waitForURL((url) => url.searchParams.has("discipline"));
    await box.fill(words);
    await page.getByRole("button", { name: "Clear every filter" }).click();
    await page.waitForURL((url) => !url.searchParams.has("discipline"));
    await page.waitForTimeout(600);
    expect(new URL(page.url()).searchParams.has("title")).toBe(false);
    expect(await page.getByLabel("Has the words").inputValue()).toBe("");
    await page.close();
  });

  it("is usable from the keyboard alone: the box, a result, the next page", async () => {
    const { name } = server.seeded;
    const page = await context.newPage();
    await page.goto(at("/"));
    // the first stops: the header's links, then the search box
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.getAttribute("type") === "search")); i++) await page.keyboard.press("Tab");
    await page.keyboard.type(name);
    const artist = region(page, /^Artists/).getByRole("link", { name, exact: true });
    await artist.waitFor();
    for (let i = 0; i < 10 && !(await artist.evaluate((link) => link === document.activeElement)); i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name }).waitFor();
    // the focus went to the new page, not left on a link that is gone
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("MAIN");
    const more = region(page, `Classes playing ${name}`).getByRole("button", { name: "More classes" });
    await more.focus();
    await page.keyboard.press("Enter");
    // the next page's first class takes the focus from the button, which it replaced
    await page.waitForFunction(() => document.activeElement?.closest("li") !== null);
    const list = region(page, `Classes playing ${name}`).getByRole("listitem");
    expect(
      await list
        .nth(20)
        .getByRole("link")
        .first()
        .evaluate((link) => link === document.activeElement),
    ).toBe(true);
    await page.close();
  });

  it("answers a path it does not know with its own page, and any page's URL with the app", async () => {
    const page = await context.newPage();
    const response = await page.goto(at("/no/such/page"));
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toContain("default-src 'self'");
    await page.getByRole("heading", { name: "Not found" }).waitFor();
    seen.push(page.url());
    await page.goto(at("/artists/no-such-artist"));
    await page.getByRole("heading", { name: "No such artist" }).waitFor();
    await page.close();
  });

  it("starts a sync with the admin's token (kept for the tab's session only) and follows it live to its end", async () => {
    const page = await context.newPage();
    const streams: string[] = [];
    page.on("request", (request) => {
      if (request.headers().accept === "text/event-stream") streams.push(request.url());
    });
    await page.goto(at("/status"));
    const counts = region(page, "The catalogue");
    await counts.getByText("Classes listed").waitFor();
    expect(await counts.locator("dd").first().textContent()).toBe("120");
    const sync = page.getByRole("button", { name: "Sync the class list" });
    expect(await sync.isDisabled()).toBe(true);

    await page.getByLabel("Admin token").fill(adminToken);
    await page.getByRole("button", { name: "Use it" }).click();
    await page.getByLabel("Every discipline (not only cycling)").check();
    await sync.click();
    const progress = page.locator(".run");
    await progress.getByText(/: SUCCEEDED/).waitFor();
    expect(await progress.textContent()).toMatch(/Sync of the class list #\d+: SUCCEEDED · 120 seen/);
    expect(streams).toHaveLength(1); // followed over server-sent events, not polled
    const id = /#(\d+)/.exec((await progress.textContent())!)![1];
    // the list of runs, read again once the run ended, holds it
    await region(page, "Recent runs")
      .getByRole("row", { name: new RegExp(`^#${id} Sync of the class list SUCCEEDED`) })
      .waitFor();
    seen.push(page.url());

    // the token stays with this tab's session: another one asks for it
    expect(await page.evaluate(() => Object.values(sessionStorage))).toEqual([adminToken]);
    const other = await context.newPage();
    await other.goto(at("/status"));
    await other.getByLabel("Admin token").waitFor();
    await other.close();
    await page.getByRole("button", { name: "Forget it" }).click();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.close();
  });

  it("says when a run's stream stops short, and follows it again to its end", async () => {
    const page = await context.newPage();
    // the first stream says the run is RUNNING, then ends without "complete" (a restarted server)
    let streams = 0;
    await page.route(
      (url) => url.pathname === "/graphql",
      (route) => {
        if (route.request().headers().accept !== "text/event-stream" || streams++ > 0) return route.fallback();
        const { id } = JSON.parse(new URL(route.request().url()).searchParams.get("variables")!);
        const run = {
          id,
          stage: "SYNC_WORKOUTS",
          status: "RUNNING",
          seen: 0,
          new: 0,
          processed: 0,
          failed: 0,
          total: null,
          error: null,
          startedAt: null,
          finishedAt: null,
        };
        return route.fulfill({
          status: 200,
          contentType: "text/event-stream",
          body: `event: next\r\ndata: ${JSON.stringify({ data: { ingestRun: run } })}\r\n\r\n`,
        });
      },
    );
    await page.goto(at("/status"));
    await page.getByLabel("Admin token").fill(adminToken);
    await page.getByRole("button", { name: "Use it" }).click();
    await page.getByRole("button", { name: "Sync the class list" }).click();
    const stopped = page.getByRole("alert").filter({ hasText: "stopped sending before the end" });
    await stopped.waitFor();
    expect(await page.locator(".run").textContent()).toContain("RUNNING"); // the event it did send (CRLF line endings)
    await stopped.getByRole("button", { name: /^Follow run #\d+ again$/ }).click();
    await page
      .locator(".run")
      .getByText(/: SUCCEEDED/)
      .waitFor();
    expect(streams).toBe(2); // the second one, the server's own
    expect(await page.getByRole("button", { name: "Sync the class list" }).isEnabled()).toBe(true);
    await page.getByRole("button", { name: "Forget it" }).click();
    await page.close();
  });

  it("says what went wrong when a run cannot start: a wrong token", async () => {
    const page = await context.newPage();
    await page.goto(at("/status"));
    await page.getByLabel("Admin token").fill("not-the-token");
    await page.getByRole("button", { name: "Use it" }).click();
    await page.getByRole("button", { name: "Fetch class details" }).click();
    await page.getByRole("alert").filter({ hasText: /token/i }).waitFor();
    await page.close();
  });

  it("says when an id names nothing, on every page of one", async () => {
    const page = await context.newPage();
    for (const [path, what] of [
      ["classes", "class"],
      ["instructors", "instructor"],
      ["artists", "artist"],
      ["songs", "song"],
    ]) {
      await page.goto(at(`/${path}/no-such-id`));
      await page.getByRole("heading", { level: 1, name: `No such ${what}` }).waitFor();
    }
    await page.close();
  });

  it("says when the catalogue cannot be reached, and answers once it can", async () => {
    const page = await context.newPage();
    await page.route("**/graphql?*", (route) => route.abort("connectionrefused"));
    await page.goto(at(`/?q=${encodeURIComponent(server.seeded.name)}`));
    const alert = page.getByRole("alert").first();
    await alert.getByText(/^Could not reach the catalogue/).waitFor();
    await page.unroute("**/graphql?*");
    await alert.getByRole("button", { name: "Try again" }).click();
    await region(page, /^Artists/)
      .getByRole("link", { name: server.seeded.name, exact: true })
      .waitFor();
    await page.close();
  });

  it("asked the API only for trusted documents by hash, reached nothing off this machine but album art, and threw nothing", () => {
    expect(asked.length).toBeGreaterThan(0);
    for (const params of asked) {
      expect(params.get("documentId")).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(params.has("query")).toBe(false);
    }
    // the songs' album art is Peloton's: offline it is a plain square
    for (const url of outside) expect(new URL(url).pathname).toMatch(/\.(jpe?g|png|svg|webp)$/i);
    expect(pageErrors).toEqual([]);
  });

  it.each([
    ["a desktop", 1280, "light"],
    ["a phone", 390, "light"],
    ["a phone in dark mode", 390, "dark"],
  ] as const)("has no accessibility violation (axe, WCAG A and AA) and fits the width of %s, on every page visited", async (_, width, colorScheme) => {
    expect(seen.length).toBeGreaterThanOrEqual(7);
    // axe is injected as a script: the app's Content-Security-Policy would refuse it
    const checking = await server.browser.newContext({ viewport: { width, height: 900 }, colorScheme, bypassCSP: true });
    await blockOutsideRequests(checking);
    const page = await checking.newPage();
    const found: Record<string, unknown> = {};
    for (const url of [at(`/?q=${encodeURIComponent(server.seeded.name)}`), ...seen]) {
      await page.goto(url);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.waitForLoadState("networkidle");
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } })
          .axe;
        const { violations } = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        return violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (violations.length > 0 || overflow > 0) found[new URL(url).pathname] = { violations, overflow };
    }
    expect(found).toEqual({});
    await checking.close();
  });
});
