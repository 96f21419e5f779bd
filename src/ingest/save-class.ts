import { bumpCatalogueVersion } from "../catalogue-version";
import type { DetailedClient } from "../db";
import type { Prisma } from "../db/generated/detailed/client";
import { artistSearchColumns, songSearchColumns, workoutSearchColumns } from "../db/search";
import { classTypeNamesOf, type PelotonArtist, type PelotonSong, type RideDetails } from "../peloton/schemas";
import { type PlayCountChanges, takeOutClass } from "./play-counts";
import { MAX_INDEXED_TEXT, type Storable, said, storable, storableJson, type Warning } from "./storable";

interface ArtistCredit {
  id: string;
  name: string;
  imageUrl: string | null;
}

/** Which artist a credit names: its alias when the answer gives one, else what we know of its artist_id. */
export type ArtistOf = (artist: PelotonArtist) => string;
const byAlias: ArtistOf = (artist) => artist.artist_alias_id || artist.artist_id;

/** One class's playlist as we store it: songs in class order, each with its artists deduplicated by alias. */
export function playlistOf(details: RideDetails, store: Storable = storable(), artistOf: ArtistOf = byAlias) {
  const sent = details.playlist?.songs ?? [];
  // `index` is the class order when every song has one; otherwise the array's order is all there is
  const songs = sent.every((song) => song.index !== null) ? [...sent].sort((a, b) => a.index! - b.index!) : sent;
  const fallbackImage = details.default_album_images?.default_in_class_image_url ?? null;
  return songs.map((song, position) => {
    const at = `playlist.songs.${position}`;
    const album = song.album
      ? { id: song.album.id, name: store.text(song.album.name, `${at}.album.name`), imageUrl: store.text(song.album.image_url, `${at}.album.image_url`) }
      : null;
    return {
      position,
      startOffsetSeconds: store.int(song.start_time_offset, `${at}.start_time_offset`),
      cueTimeOffset: store.int(song.cue_time_offset, `${at}.cue_time_offset`),
      song: {
        id: song.id,
        title: store.text(song.title, `${at}.title`, MAX_INDEXED_TEXT),
        explicit: (song.explicit_rating ?? 0) > 0,
        album,
        imageUrl: album?.imageUrl ?? null,
        fallbackImageUrl: store.text(fallbackImage, "default_album_images.default_in_class_image_url"),
        artists: creditsOf(song, store, at, artistOf),
      },
    };
  });
}

// "A-Ha" and "a-ha" arrive as two artist_ids sharing one artist_alias_id: keep the first spelling.
function creditsOf(song: PelotonSong, store: Storable, at: string, artistOf: ArtistOf): ArtistCredit[] {
  const credits = new Map<string, ArtistCredit>();
  song.artists.forEach((artist, index) => {
    const id = artistOf(artist);
    const field = `${at}.artists.${index}`;
    if (!credits.has(id)) {
      credits.set(id, {
        id,
        name: store.text(artist.artist_name, `${field}.artist_name`, MAX_INDEXED_TEXT),
        imageUrl: store.text(artist.image_url, `${field}.image_url`),
      });
    }
  });
  return [...credits.values()];
}

const uniqueBy = <T>(items: T[], key: (item: T) => string) => [...new Map(items.map((item) => [key(item), item])).values()];
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const uniqueById = <T extends { id: string }>(items: T[]) => uniqueBy(items, (item) => item.id).sort(byId);
const sameValues = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.keys(a).every((key) => a[key] === b[key]);

// a playlist of thousands of songs is a few statements, but each carries thousands of rows
const transactionTimeoutMs = (songs: number) => Math.max(15_000, 20 * songs);

/**
 * Writes a class with its instructor and playlist to the detailed database in one transaction.
 * Saving a class again replaces its playlist and its songs' credits and never duplicates a song,
 * artist or album. Each kind of row is written in a few set-wise statements (read what exists,
 * insert what is new, update what changed), in id order; saves take turns (takeTurn). The play
 * counts follow in the same transaction (play-counts.ts). Values our columns cannot hold are clamped
 * or nulled at the boundary; the warnings say which.
 */
export async function saveClassDetails(detailed: DetailedClient, details: RideDetails & { raw?: unknown }): Promise<{ songs: number; warnings: Warning[] }> {
  const store = storable();
  const { ride } = details;
  const instructor = ride.instructor;
  const instructorRow = instructor && {
    name: store.text(instructor.name, "ride.instructor.name", MAX_INDEXED_TEXT),
    firstName: store.text(instructor.first_name, "ride.instructor.first_name", MAX_INDEXED_TEXT),
    lastName: store.text(instructor.last_name, "ride.instructor.last_name", MAX_INDEXED_TEXT),
    username: store.text(instructor.username, "ride.instructor.username", MAX_INDEXED_TEXT),
    imageUrl: store.text(instructor.image_url, "ride.instructor.image_url"),
    bio: store.text(instructor.bio, "ride.instructor.bio"),
    fitnessDisciplines: instructor.fitness_disciplines.map((discipline, i) =>
      store.text(discipline, `ride.instructor.fitness_disciplines.${i}`, MAX_INDEXED_TEXT),
    ),
    spotifyPlaylistUri: store.text(instructor.spotify_playlist_uri, "ride.instructor.spotify_playlist_uri"),
  };
  const title = store.text(ride.title, "ride.title", MAX_INDEXED_TEXT);
  const workout = {
    title,
    description: store.text(ride.description, "ride.description"),
    durationSeconds: store.int(ride.duration, "ride.duration"),
    length: store.int(ride.length, "ride.length"),
    imageUrl: store.text(ride.image_url, "ride.image_url"),
    fitnessDiscipline: store.text(ride.fitness_discipline, "ride.fitness_discipline", MAX_INDEXED_TEXT),
    scheduledTime: store.time(ride.scheduled_start_time, "ride.scheduled_start_time"),
    originalAirTime: store.time(ride.original_air_time, "ride.original_air_time"),
    difficultyRatingAvg: ride.difficulty_rating_avg,
    explicit: ride.is_explicit ?? false,
    // an answer without class types says nothing against those another gave (said() leaves [] out of an update)
    classTypes: [...new Set(classTypeNamesOf(details).map((name, i) => store.text(name, `class_types.${i}.name`, MAX_INDEXED_TEXT)))],
    // the answer as Peloton sent it, less what jsonb cannot hold
    fullDetails: storableJson(details.raw ?? details) as Prisma.InputJsonObject,
  };

  let playlist: ReturnType<typeof playlistOf> = [];
  await detailed.$transaction(
    async (tx) => {
      // first, before it holds any row
      await takeTurn(tx);
      const { aliases, artistOf, merges } = await artistsOf(tx, details);
      // the play counts less the class's stored playlist, which goes
      const counts = await takeOutClass(tx, ride.id);
      if (instructor && instructorRow) {
        await tx.instructor.upsert({ where: { id: instructor.id }, create: { id: instructor.id, ...instructorRow }, update: said(instructorRow) });
      }
      const instructorId = instructor?.id ?? (await knownInstructor(tx, ride.instructor_id));
      await tx.detailedWorkout.upsert({
        where: { id: ride.id },
        create: { id: ride.id, ...workout, ...workoutSearchColumns(title), instructorId },
        // what the title filter matches follows the title kept: an answer without one leaves both
        update: said({ ...workout, ...(title === "" ? {} : workoutSearchColumns(title)), instructorId }),
      });

      playlist = playlistOf(details, store, artistOf);
      await saveAlbums(tx, uniqueById(playlist.flatMap(({ song }) => (song.album ? [song.album] : []))));
      await saveArtists(tx, uniqueById(playlist.flatMap(({ song }) => song.artists)), aliases, merges, counts);
      const credits = await saveSongs(tx, songRows(playlist, store), counts);
      await tx.playlistEntry.createMany({
        data: playlist.map(({ position, startOffsetSeconds, cueTimeOffset, song }) => ({
          workoutId: ride.id,
          position,
          songId: song.id,
          startOffsetSeconds,
          cueTimeOffset,
        })),
      });
      counts.addClass(
        instructorId,
        playlist.map(({ song }) => ({ songId: song.id, artistIds: credits.get(song.id) ?? [] })),
      );
      await counts.write();
      await bumpCatalogueVersion(tx);
    },
    { timeout: transactionTimeoutMs(details.playlist?.songs.length ?? 0), maxWait: 15_000 },
  );
  return { songs: playlist.length, warnings: store.warnings };
}

type Transaction = Parameters<Parameters<DetailedClient["$transaction"]>[0]>[0];

/**
 * Class saves take turns, each holding this lock until it commits. Concurrent saves sharing songs and
 * artists deadlocked, in id order or not: one waiting for a row the other had just made (a new artist,
 * song or album) while holding one the other then needed (a race of such saves did so within a few
 * rounds, play counts or not). One at a time, none can, and each reads the catalogue as the one before
 * left it: the playlist it replaces, the plays it moves between credits. Ingestion's concurrency is
 * for waiting on Peloton, which the saves do not hold up: a save takes milliseconds.
 */
const CLASS_SAVES_LOCK = 7270736902;
const takeTurn = (tx: Transaction) => tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLASS_SAVES_LOCK}::bigint)`;

// A ride may name an instructor without embedding it: link it only if we already know them.
async function knownInstructor(tx: Transaction, id: string | null | undefined): Promise<string | null> {
  if (!id) return null;
  return (await tx.instructor.findUnique({ where: { id }, select: { id: true } }))?.id ?? null;
}

/** Moves the credits of the artist keyed by a bare artist_id to its alias's artist, then deletes it. */
async function mergeArtist(tx: Transaction, from: string, into: string, counts: PlayCountChanges) {
  const moved = await tx.$queryRaw<{ song_id: string }[]>`
    UPDATE song_artists SET artist_id = ${into}
     WHERE artist_id = ${from} AND song_id NOT IN (SELECT song_id FROM song_artists WHERE artist_id = ${into})
    RETURNING song_id`;
  // the alias's artist gains those songs' plays; the deleted artist's counts go with it
  await counts.credits(moved.map((row) => ({ credit: { songId: row.song_id, artistId: into }, sign: 1 })));
  await tx.artist.delete({ where: { id: from } }); // its credits left on songs the alias already credits go with it
}

/**
 * The artist each credit of the answer names, and the artist_id → alias pairs it teaches: a credit by
 * artist_id alone is the artist this answer, or an earlier one, gave its alias for.
 */
async function artistsOf(tx: Transaction, details: RideDetails) {
  const credited = (details.playlist?.songs ?? []).flatMap((song) => song.artists);
  // in id order, like every other write
  const aliases = uniqueBy(
    credited.flatMap((artist) =>
      artist.artist_alias_id && artist.artist_alias_id !== artist.artist_id ? [{ pelotonId: artist.artist_id, artistId: artist.artist_alias_id }] : [],
    ),
    (alias) => alias.pelotonId,
  ).sort((a, b) => (a.pelotonId < b.pelotonId ? -1 : a.pelotonId > b.pelotonId ? 1 : 0));
  const aliasOf = new Map(aliases.map((alias) => [alias.pelotonId, alias.artistId]));
  const bare = [...new Set(credited.filter((artist) => !artist.artist_alias_id && !aliasOf.has(artist.artist_id)).map((artist) => artist.artist_id))];
  // artists first met by artist_id alone, whose alias this answer gives: to be merged into it
  const bareArtists = () =>
    tx.artist.findMany({ where: { id: { in: aliases.map((alias) => alias.pelotonId) } }, select: { id: true }, orderBy: { id: "asc" } });
  const merges = aliases.length ? (await bareArtists()).map(({ id }) => ({ from: id, into: aliasOf.get(id)! })) : [];
  for (const known of bare.length ? await tx.artistPelotonId.findMany({ where: { pelotonId: { in: bare } } }) : [])
    aliasOf.set(known.pelotonId, known.artistId);
  const artistOf: ArtistOf = (artist) => artist.artist_alias_id || aliasOf.get(artist.artist_id) || artist.artist_id;
  return { aliases, artistOf, merges };
}

type Album = { id: string; name: string; imageUrl: string | null };

/** New albums inserted; a known one updated only where this answer says more. */
async function saveAlbums(tx: Transaction, albums: Album[]) {
  if (!albums.length) return;
  const known = new Map(
    (await tx.album.findMany({ where: { id: { in: albums.map((a) => a.id) } }, select: { id: true, name: true, imageUrl: true } })).map((a) => [a.id, a]),
  );
  await tx.album.createMany({ data: albums.filter((album) => !known.has(album.id)), skipDuplicates: true });
  for (const album of albums.filter((a) => known.has(a.id))) {
    const before = known.get(album.id)!;
    const data = { id: album.id, name: album.name || before.name, imageUrl: album.imageUrl ?? before.imageUrl };
    if (!sameValues(data, before)) await tx.album.update({ where: { id: album.id }, data });
  }
}

/**
 * An artist keeps the first spelling and picture seen: Peloton varies both from song to song, and the
 * last class saved must not decide them, or reprocessing a class would change the catalogue
 * (insert-or-skip, which concurrent saves can race on safely, unlike a read-then-write upsert).
 */
async function saveArtists(
  tx: Transaction,
  artists: ArtistCredit[],
  aliases: { pelotonId: string; artistId: string }[],
  merges: { from: string; into: string }[],
  counts: PlayCountChanges,
) {
  if (!artists.length) return;
  await tx.artist.createMany({
    data: artists.map((artist) => ({ ...artist, ...artistSearchColumns(artist.name) })),
    skipDuplicates: true,
  });
  if (aliases.length) await tx.artistPelotonId.createMany({ data: aliases, skipDuplicates: true });
  for (const { from, into } of merges) await mergeArtist(tx, from, into, counts);
  const pictured = new Map(artists.filter((a) => a.imageUrl).map((a) => [a.id, a.imageUrl!]));
  const unpictured = await tx.artist.findMany({ where: { id: { in: [...pictured.keys()] }, imageUrl: null }, select: { id: true }, orderBy: { id: "asc" } });
  for (const { id } of unpictured) await tx.artist.updateMany({ where: { id, imageUrl: null }, data: { imageUrl: pictured.get(id)! } });
}

/** Each song of the playlist once, as its row and credits. */
function songRows(playlist: ReturnType<typeof playlistOf>, store: Storable) {
  return uniqueById(playlist.map((entry) => entry.song)).map((song) => {
    const artistNames = store.text(song.artists.map((artist) => artist.name).join(", "), `song ${song.id} artists`, MAX_INDEXED_TEXT);
    return {
      id: song.id,
      data: {
        title: song.title,
        artistNames,
        ...songSearchColumns(song.title, artistNames),
        albumId: song.album?.id ?? null,
        imageUrl: song.imageUrl,
        explicit: song.explicit,
      },
      fallbackImageUrl: song.fallbackImageUrl,
      credits: song.artists.map((artist, position) => ({ songId: song.id, artistId: artist.id, position })),
    };
  });
}

type SongRow = ReturnType<typeof songRows>[number];

/**
 * New songs inserted, known ones updated where they changed, and credits replaced where Peloton changed
 * them. Answers each song's credits as saved (its artists in order).
 */
async function saveSongs(tx: Transaction, songs: SongRow[], counts: PlayCountChanges): Promise<Map<string, string[]>> {
  if (!songs.length) return new Map();
  const songIds = songs.map((song) => song.id);
  const known = new Map(
    (
      await tx.song.findMany({
        where: { id: { in: songIds } },
        select: {
          id: true,
          title: true,
          artistNames: true,
          titleSearch: true,
          artistNamesSearch: true,
          titleWords: true,
          albumId: true,
          imageUrl: true,
          explicit: true,
        },
      })
    ).map(({ id, ...data }) => [id, data]),
  );
  await tx.song.createMany({
    data: songs.filter((song) => !known.has(song.id)).map((song) => ({ id: song.id, ...song.data, imageUrl: song.data.imageUrl ?? song.fallbackImageUrl })),
    skipDuplicates: true,
  });
  for (const song of songs.filter((s) => known.has(s.id))) {
    // an answer that leaves out a song's title, artists or album says nothing against what another gave
    const before = known.get(song.id)!;
    const merged = { ...before, ...said(song.data) };
    // what search matches follows the title and credits kept, not the answer's own (which may lack them)
    const data = {
      ...merged,
      ...songSearchColumns(merged.title, merged.artistNames),
      imageUrl: song.data.imageUrl ?? before.imageUrl ?? song.fallbackImageUrl,
    };
    if (!sameValues(data, before)) await tx.song.update({ where: { id: song.id }, data });
  }
  // credits as Peloton lists them now: a song whose credits changed upstream has them replaced
  const creditsNow = new Map<string, string[]>();
  for (const credit of await tx.songArtist.findMany({ where: { songId: { in: songIds } }, orderBy: [{ songId: "asc" }, { position: "asc" }] })) {
    creditsNow.set(credit.songId, [...(creditsNow.get(credit.songId) ?? []), credit.artistId]);
  }
  const sameCredits = (now: string[], sent: { artistId: string }[]) => now.length === sent.length && now.every((id, i) => id === sent[i]!.artistId);
  const stale = songs.filter((song) => !sameCredits(creditsNow.get(song.id) ?? [], song.credits) && (song.credits.length || !creditsNow.has(song.id)));
  // the plays of a song move from the artists it credited to those it credits now (a new one has none yet)
  await counts.credits(
    stale
      .filter((song) => known.has(song.id))
      .flatMap((song) => [
        ...(creditsNow.get(song.id) ?? []).map((artistId) => ({ credit: { songId: song.id, artistId }, sign: -1 as const })),
        ...song.credits.map((credit) => ({ credit, sign: 1 as const })),
      ]),
  );
  const recredited = stale.filter((song) => creditsNow.has(song.id)).map((song) => song.id);
  if (recredited.length) await tx.songArtist.deleteMany({ where: { songId: { in: recredited } } });
  await tx.songArtist.createMany({ data: stale.flatMap((song) => song.credits), skipDuplicates: true });
  for (const song of stale)
    creditsNow.set(
      song.id,
      song.credits.map((credit) => credit.artistId),
    );
  return creditsNow;
}
