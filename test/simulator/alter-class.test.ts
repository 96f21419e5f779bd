import { type Simulator, startSimulator } from "../../src/simulator";
import { call, signIn } from "./support";

// alterClass: a test serves odd classes (huge titles, absurd durations, vast playlists, mismatched ids).

let sim: Simulator;
let token: string;
beforeEach(async () => {
  sim = await startSimulator({ seed: 3, classes: 30 });
  token = (await signIn(sim)).access_token;
});
afterEach(() => sim.close());

const firstPage = async () => (await call(sim, "/api/v2/ride/archived?limit=30&page=0", { token })).body.data as any[];
const details = async (id: string) => (await call(sim, `/api/ride/${id}/details`, { token })).body;

it("passes the class's list entry through listEntry, and only that class's", async () => {
  const [odd, other] = sim.catalogue.classes;
  const before = await firstPage();
  const title = "♪".repeat(8192);
  sim.alterClass(odd!.id, { listEntry: (ride) => ({ ...ride, title, duration: 3e9 }) });
  const after = await firstPage();
  expect(after[0]).toEqual({ ...before[0], title, duration: 3e9 });
  expect(after[1]).toEqual(before[1]);
  expect(after[1].id).toBe(other!.id);
  expect((await details(odd!.id)).ride.title).toBe(odd!.title); // the details answer is untouched
});

it("passes the details answer through details: a huge playlist, another ride id, changed credits", async () => {
  const music = sim.catalogue.classes.find((k) => k.songIds.length > 0)!;
  const original = await details(music.id);
  sim.alterClass(music.id, {
    details: (body) => ({
      ...body,
      ride: { ...body.ride, id: "f".repeat(32) },
      playlist: {
        ...body.playlist,
        songs: Array.from({ length: 10_000 }, (_, i) => ({ ...body.playlist.songs[0], id: `song-${i}`, index: i })),
      },
    }),
  });
  sim.alterClass(music.id, {
    details: (body) => ({
      ...body,
      playlist: { ...body.playlist, songs: body.playlist.songs.map((s: any) => ({ ...s, artists: [{ ...s.artists[0], artist_name: "Someone Else" }] })) },
    }),
  });
  const changed = await details(music.id);
  expect(changed.ride.id).toBe("f".repeat(32));
  expect(changed.playlist.songs).toHaveLength(10_000);
  expect(changed.playlist.songs[9999]).toMatchObject({ id: "song-9999", index: 9999, artists: [{ artist_name: "Someone Else" }] });
  expect(changed.segments).toEqual(original.segments);
  // the list entry is untouched
  expect((await firstPage()).find((ride) => ride.id === music.id).title).toBe(music.title);
});

it("works for published classes, leaves the catalogue summary as it was and refuses unknown ids", async () => {
  const [id] = sim.publishClasses(1);
  const summary = sim.catalogue.classes[0]!;
  sim.alterClass(id!, { listEntry: (ride) => ({ ...ride, title: "" }), details: (body) => ({ ...body, playlist: null }) });
  expect((await firstPage())[0]).toMatchObject({ id, title: "" });
  expect((await details(id!)).playlist).toBeNull();
  expect(sim.catalogue.classes[0]).toEqual(summary);
  expect(() => sim.alterClass("0".repeat(32), { listEntry: (ride) => ride })).toThrow(/no listed class/);
});

it("applies before a fault's transform", async () => {
  const [first] = sim.catalogue.classes;
  sim.alterClass(first!.id, { details: (body) => ({ ...body, marker: "altered" }) });
  sim.faults.inject("details", { transform: (body) => ({ ...body, marker: `${body.marker}, then transformed` }) });
  expect((await details(first!.id)).marker).toBe("altered, then transformed");
});
