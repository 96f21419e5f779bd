import { type Simulator, startSimulator } from "../../src/simulator";
import { allPages, call, signIn, withSimulator } from "./support";

const hex32 = /^[0-9a-f]{32}$/;

describe("determinism", () => {
  it("gives the same catalogue and the same JSON for the same seed and sizes, another for another seed", async () => {
    const [a, b, c] = await Promise.all([
      startSimulator({ seed: 42, classes: 80 }),
      startSimulator({ seed: 42, classes: 80 }),
      startSimulator({ seed: 43, classes: 80 }),
    ]);
    try {
      expect(JSON.stringify(b.catalogue)).toBe(JSON.stringify(a.catalogue));
      expect(b.userId).toBe(a.userId);
      const [tokenA, tokenB] = [(await signIn(a)).access_token, (await signIn(b)).access_token];
      const id = a.catalogue.classes[5]!.id;
      expect((await call(b, `/api/ride/${id}/details`, { token: tokenB })).text).toBe((await call(a, `/api/ride/${id}/details`, { token: tokenA })).text);
      expect((await call(b, "/api/v2/ride/archived?limit=100", { token: tokenB })).text).toBe(
        (await call(a, "/api/v2/ride/archived?limit=100", { token: tokenA })).text,
      );

      const otherIds = new Set(c.catalogue.classes.map((k) => k.id));
      expect(a.catalogue.classes.some((k) => otherIds.has(k.id))).toBe(false);
      expect(c.userId).not.toBe(a.userId);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });
});

describe("a generated catalogue", () => {
  let sim: Simulator;
  let everyClass: any[];
  beforeAll(async () => {
    sim = await startSimulator({ seed: 3, classes: 300 });
    const token = (await signIn(sim)).access_token;
    everyClass = [];
    for (const { id } of sim.catalogue.classes) everyClass.push((await call(sim, `/api/ride/${id}/details`, { token })).body);
  });
  afterAll(() => sim.close());

  const songs = () => everyClass.flatMap((details) => details.playlist?.songs ?? []);
  const artists = () => songs().flatMap((song) => song.artists);

  it("has Peloton-like ids, distinct air times newest first, and the standard durations", () => {
    const rides = everyClass.map((details) => details.ride);
    for (const ride of rides) {
      expect(ride.id).toMatch(hex32);
      expect(ride.instructor_id).toMatch(hex32);
      expect([600, 1200, 1800, 2700, 3600]).toContain(ride.duration);
      expect(ride.length).toBeGreaterThan(ride.duration);
      expect(ride.title).toMatch(new RegExp(`^${ride.duration / 60} min \\S`));
    }
    const airTimes = rides.map((ride) => ride.original_air_time);
    for (let i = 1; i < airTimes.length; i++) expect(airTimes[i]).toBeLessThan(airTimes[i - 1]);
  });

  it("spreads classes over the disciplines and instructors", () => {
    const byDiscipline = new Set(everyClass.map((d) => d.ride.fitness_discipline));
    expect([...byDiscipline].sort()).toEqual(["cycling", "strength", "yoga"]);
    expect(new Set(everyClass.map((d) => d.ride.instructor_id)).size).toBe(30);
    for (const details of everyClass) expect(details.ride.instructor.fitness_disciplines).toContain(details.ride.fitness_discipline);
  });

  it("gives music classes 5 to 15 songs in cue order, the first at the pedaling start", () => {
    for (const details of everyClass.filter((d) => d.playlist?.songs.length > 0)) {
      const list = details.playlist.songs;
      expect(list.length).toBeGreaterThanOrEqual(5);
      expect(list.length).toBeLessThanOrEqual(15);
      expect(list.map((song: any) => song.index)).toEqual(list.map((_: unknown, i: number) => i));
      expect(list[0].start_time_offset).toBe(60);
      for (const [i, song] of list.entries()) {
        expect(song.cue_time_offset).toBe(song.start_time_offset);
        if (i > 0) expect(song.start_time_offset).toBeGreaterThan(list[i - 1].start_time_offset);
        expect(song.start_time_offset).toBeLessThan(60 + details.ride.duration);
      }
      if (details.ride.fitness_discipline === "cycling") expect(details.ride.pedaling_start_offset).toBe(60);
      expect(new Set(list.map((song: any) => song.id)).size).toBe(list.length);
    }
  });

  it("leaves a few classes without music, as playlist null or as no songs", () => {
    const none = everyClass.filter((d) => d.playlist === null).length;
    const empty = everyClass.filter((d) => d.playlist?.songs.length === 0).length;
    expect(none).toBeGreaterThanOrEqual(3);
    expect(none).toBeLessThanOrEqual(30);
    expect(empty).toBeGreaterThanOrEqual(1);
  });

  it("reuses songs across classes", () => {
    const plays = new Map<string, number>();
    for (const song of songs()) plays.set(song.id, (plays.get(song.id) ?? 0) + 1);
    expect(Math.max(...plays.values())).toBeGreaterThan(10);
    expect([...plays.values()].filter((n) => n > 1).length).toBeGreaterThan(plays.size / 5);
  });

  it("credits about a fifth of songs to several artists, with (feat. …) titles", () => {
    const distinct = [...new Map(songs().map((song) => [song.id, song])).values()];
    const shared = distinct.filter((song) => song.artists.length > 1);
    expect(shared.length / distinct.length).toBeGreaterThan(0.1);
    expect(shared.length / distinct.length).toBeLessThan(0.3);
    expect(shared.some((song) => song.artists.length === 3)).toBe(true);
    expect(shared.some((song) => song.title.includes(`(feat. ${song.artists[1].artist_name}`))).toBe(true);
  });

  it("has accented and non-Latin names and titles", () => {
    const names = new Set(artists().map((artist) => artist.artist_name));
    expect(names.has("Beyoncé") || names.has("Sigur Rós") || names.has("Mötley Crüe")).toBe(true);
    const text = [...names, ...songs().map((song) => song.title), ...everyClass.map((d) => d.ride.instructor.name)];
    expect(text.some((t) => /[À-ÿ]/.test(t))).toBe(true);
    expect(text.some((t) => /[\u0400-\u04ff\u3040-\u30ff\uac00-\ud7af]/.test(t))).toBe(true);
  });

  it("files a few artists under two spellings that share an artist_alias_id", () => {
    const spellings = new Map<string, Set<string>>();
    for (const artist of artists())
      spellings.set(artist.artist_alias_id, (spellings.get(artist.artist_alias_id) ?? new Set()).add(`${artist.artist_id} ${artist.artist_name}`));
    const aliased = [...spellings.values()].filter((set) => set.size > 1).map((set) => [...set].map((entry) => entry.slice(33)).sort());
    expect(aliased).toContainEqual(["A-Ha", "a-ha"]);
  });

  it("marks explicit songs and classes with 0/1 ratings that agree", () => {
    expect(new Set(songs().map((song) => song.explicit_rating))).toEqual(new Set([0, 1]));
    for (const { ride, playlist } of everyClass) {
      expect(ride.explicit_rating).toBe(playlist?.songs.some((song: any) => song.explicit_rating === 1) ? 1 : 0);
      expect(ride.is_explicit).toBe(ride.explicit_rating === 1);
    }
  });
});

it("counts exactly what the API serves: classes, instructors, songs and artists", async () => {
  await withSimulator({ seed: 11, classes: 150, instructors: 12, disciplines: ["cycling", "running", "meditation"] }, async (sim) => {
    const token = (await signIn(sim)).access_token;
    const listed = (await allPages(sim, token)).flatMap((page) => page.data);
    const { catalogue } = sim;
    expect(listed.map((ride) => ride.id)).toEqual(catalogue.classes.map((k) => k.id));
    expect(listed.map((ride) => [ride.title, ride.fitness_discipline, ride.original_air_time, ride.instructor_id])).toEqual(
      catalogue.classes.map((k) => [k.title, k.discipline, k.originalAirTime, k.instructorId]),
    );

    const songIds = new Set<string>();
    const aliasIds = new Set<string>();
    const instructorIds = new Set<string>();
    for (const listedClass of catalogue.classes) {
      const details = (await call(sim, `/api/ride/${listedClass.id}/details`, { token })).body;
      const playlist = details.playlist?.songs ?? [];
      expect(playlist.map((song: any) => song.id)).toEqual(listedClass.songIds);
      instructorIds.add(details.ride.instructor.id);
      for (const song of playlist) {
        songIds.add(song.id);
        for (const artist of song.artists) aliasIds.add(artist.artist_alias_id);
      }
    }
    expect(catalogue.songCount).toBe(songIds.size);
    expect(catalogue.artistCount).toBe(aliasIds.size);
    expect(new Set(catalogue.instructors.map((i) => i.id))).toEqual(instructorIds);
    expect(catalogue.disciplines).toEqual(["cycling", "running", "meditation"]);
  });
});

it("generates 2,000 classes well under a second, and copes with 50,000", async () => {
  let started = performance.now();
  const small = await startSimulator({ classes: 2000 });
  expect(performance.now() - started).toBeLessThan(1000);
  expect(small.catalogue.classes).toHaveLength(2000);
  await small.close();

  started = performance.now();
  await withSimulator({ classes: 50_000 }, async (large) => {
    expect(large.catalogue.classes).toHaveLength(50_000);
    const token = (await signIn(large)).access_token;
    const last = await call(large, "/api/v2/ride/archived?limit=100&page=499", { token });
    expect(last.body).toMatchObject({ total: 50_000, page_count: 500, count: 100, show_next: false });
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
