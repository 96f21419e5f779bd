import { saveClassDetails } from "../../src/ingest/save-class";
import { openTestDatabases, type TestDatabases } from "../support/databases";
import { fixtureJson, rideDetails } from "../support/fixtures";
import { storedClass } from "../support/ingest";

let db: TestDatabases;
beforeAll(async () => {
  db = await openTestDatabases();
});
afterAll(() => db.dispose());
afterEach(() => db.reset());

const readClass = (id: string) => storedClass(db, id);

const counts = async () => ({
  songs: await db.detailed.song.count(),
  artists: await db.detailed.artist.count(),
  albums: await db.detailed.album.count(),
  entries: await db.detailed.playlistEntry.count(),
  links: await db.detailed.songArtist.count(),
});

describe("saveClassDetails", () => {
  it("round-trips a class with its instructor and its playlist in class order", async () => {
    const json = fixtureJson("ride-details-with-playlist");
    await saveClassDetails(db.detailed, rideDetails(json));

    const saved = await readClass(json.ride.id);
    expect(saved).toMatchObject({
      title: "20 min HIIT & Hills Ride",
      durationSeconds: 1200,
      length: 1365,
      fitnessDiscipline: "cycling",
      scheduledTime: new Date(1767369600 * 1000),
      difficultyRatingAvg: 7.5566,
      explicit: true,
      instructor: { id: "109031c05318848ba78ba04165baaad1", name: "Jordan Vale", firstName: "Jordan" },
    });
    expect(saved.fullDetails).toEqual(json); // every field Peloton sent, not only the modelled ones

    expect(saved.playlist.map((entry) => [entry.position, entry.song.title, entry.startOffsetSeconds])).toEqual([
      [0, "Neon Skyline", 60],
      [1, "Runaway Static (feat. Kiro Vance)", 268],
      [2, "Paper Lanterns", 497],
      [3, "Low Tide Anthem", 745],
      [4, "Volver a Empezar", 1003],
    ]);
    const [first, featuring, , noAlbumArt] = saved.playlist.map((entry) => entry.song);
    expect(featuring!.artists.map((credit) => credit.artist.name)).toEqual(["The Midnight Relay", "Kiro Vance"]);
    expect(featuring).toMatchObject({ artistNames: "The Midnight Relay, Kiro Vance", explicit: true });
    expect(first).toMatchObject({ explicit: false, album: { name: "Neon Skyline" } });
    expect(first!.imageUrl).toBe(first!.album!.imageUrl);
    // album without art: the class's default album image stands in
    expect(noAlbumArt!.album!.imageUrl).toBeNull();
    expect(noAlbumArt!.imageUrl).toBe(json.default_album_images.default_in_class_image_url);

    // "The Midnight Relay" sings on two songs but is one artist
    expect(await counts()).toEqual({ songs: 5, artists: 5, albums: 5, entries: 5, links: 6 });
  });

  it("keeps a song played in two classes once, merges artist spellings, and replaces a playlist on a second save", async () => {
    const first = fixtureJson("ride-details-with-playlist");
    const second = fixtureJson("ride-details-with-playlist");
    second.ride.id = "0000000000000000000000000000b0b0";
    const [shared, , , , last] = second.playlist.songs;
    const respelled = structuredClone(last);
    respelled.id = "00000000000000000000000000005009";
    respelled.title = "Señorita Relay";
    // same alias as "The Midnight Relay", another artist_id and spelling
    respelled.artists = [{ ...shared.artists[0], artist_id: "00000000000000000000000000000a11", artist_name: "the midnight relay" }];
    second.playlist.songs = [
      { ...shared, index: 0 },
      { ...respelled, index: 1 },
    ];

    await saveClassDetails(db.detailed, rideDetails(first));
    await saveClassDetails(db.detailed, rideDetails(second));
    expect(await counts()).toEqual({ songs: 6, artists: 5, albums: 5, entries: 7, links: 7 });
    const sharedSong = await db.detailed.song.findUniqueOrThrow({ where: { id: shared.id }, include: { playlistEntries: true } });
    expect(sharedSong.playlistEntries.map((entry) => entry.workoutId).sort()).toEqual([second.ride.id, first.ride.id].sort());
    const merged = await db.detailed.song.findUniqueOrThrow({ where: { id: respelled.id }, include: { artists: { include: { artist: true } } } });
    expect(merged.artists.map((credit) => credit.artist.name)).toEqual(["The Midnight Relay"]);

    // saved again, unchanged: nothing new
    await saveClassDetails(db.detailed, rideDetails(first));
    expect(await counts()).toEqual({ songs: 6, artists: 5, albums: 5, entries: 7, links: 7 });

    // saved again with a shorter playlist: the class's playlist is replaced; songs stay in the catalogue
    first.playlist.songs = first.playlist.songs.slice(0, 2);
    await saveClassDetails(db.detailed, rideDetails(first));
    expect((await readClass(first.ride.id)).playlist.map((entry) => entry.song.title)).toEqual(["Neon Skyline", "Runaway Static (feat. Kiro Vance)"]);
    expect(await counts()).toEqual({ songs: 6, artists: 5, albums: 5, entries: 4, links: 7 });
  });

  it("keeps a class's title, and the words its title filter matches, when a later answer leaves the title out", async () => {
    const json = fixtureJson("ride-details-with-playlist");
    await saveClassDetails(db.detailed, rideDetails(json));
    const stored = () => db.detailed.detailedWorkout.findUniqueOrThrow({ where: { id: json.ride.id }, select: { title: true, titleWords: true } });
    expect(await stored()).toEqual({ title: "20 min HIIT & Hills Ride", titleWords: " 20 min hiit hills ride " });
    json.ride.title = "";
    await saveClassDetails(db.detailed, rideDetails(json));
    expect(await stored()).toEqual({ title: "20 min HIIT & Hills Ride", titleWords: " 20 min hiit hills ride " });
    json.ride.title = "20 min Après-Ski Ride";
    await saveClassDetails(db.detailed, rideDetails(json));
    expect(await stored()).toEqual({ title: "20 min Après-Ski Ride", titleWords: " 20 min apresski ride " });
  });

  type Json = Record<string, any>;
  it.each<[string, (json: Json) => Json]>([
    ["playlist: null", (json) => json],
    [
      "no playlist key",
      (json) => {
        delete json.playlist;
        return json;
      },
    ],
    ["songs: []", (json) => ({ ...json, playlist: { songs: [], is_playlist_shown: false } })],
  ])("saves a class without music (%s)", async (_, shape) => {
    const json = shape(fixtureJson("ride-details-no-playlist"));
    await saveClassDetails(db.detailed, rideDetails(json));
    const saved = await readClass(json.ride.id);
    expect(saved.title).toBe(json.ride.title);
    expect(saved.playlist).toEqual([]);
    expect(await db.detailed.song.count()).toBe(0);
  });

  it("rejects a malformed response with a message naming the field", () => {
    const json = fixtureJson("ride-details-with-playlist");
    json.playlist.songs[1].artists[0].artist_id = { id: "not an id" };
    expect(() => rideDetails(json)).toThrow(/playlist\.songs\.1\.artists\.0\.artist_id: expected an id/i);
  });
});
