import type { DetailedClient } from "../db";
import type { Prisma } from "../db/generated/detailed/client";
import { foldForSearch } from "../db/search-text";
import type { PelotonSong, RideDetails } from "../peloton/schemas";

interface ArtistCredit {
  id: string;
  name: string;
  imageUrl: string | null;
}

/** One class's playlist as we store it: songs in class order, each with its artists deduplicated by alias. */
export function playlistOf(details: RideDetails) {
  const songs = [...(details.playlist?.songs ?? [])];
  // `index` is the class order; songs without one keep their place in the array (the sort is stable)
  songs.sort((a, b) => (a.index ?? Number.MAX_SAFE_INTEGER) - (b.index ?? Number.MAX_SAFE_INTEGER));
  const fallbackImage = details.default_album_images?.default_in_class_image_url ?? null;
  return songs.map((song, position) => ({
    position,
    startOffsetSeconds: roundOrNull(song.start_time_offset),
    cueTimeOffset: roundOrNull(song.cue_time_offset),
    song: {
      id: song.id,
      title: song.title,
      explicit: (song.explicit_rating ?? 0) > 0,
      album: song.album ? { id: song.album.id, name: song.album.name, imageUrl: song.album.image_url ?? null } : null,
      imageUrl: song.album?.image_url ?? fallbackImage,
      artists: creditsOf(song),
    },
  }));
}

// "A-Ha" and "a-ha" arrive as two artist_ids sharing one artist_alias_id: keep the first spelling.
function creditsOf(song: PelotonSong): ArtistCredit[] {
  const credits = new Map<string, ArtistCredit>();
  for (const artist of song.artists) {
    const id = artist.artist_alias_id || artist.artist_id;
    if (!credits.has(id)) credits.set(id, { id, name: artist.artist_name, imageUrl: artist.image_url ?? null });
  }
  return [...credits.values()];
}

const roundOrNull = (value: number | null | undefined) => (value == null ? null : Math.round(value));
const fromEpoch = (seconds: number | null | undefined) => (seconds == null ? null : new Date(seconds * 1000));
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const uniqueById = <T extends { id: string }>(items: T[]) => [...new Map(items.map((item) => [item.id, item])).values()].sort(byId);

/**
 * Writes a class with its instructor and playlist to the detailed database in one transaction.
 * Every write is an upsert keyed by Peloton's ids, so saving a class again replaces its playlist and
 * never duplicates a song, artist or album. Rows are written in id order so that concurrent saves of
 * classes sharing songs lock them in the same order and cannot deadlock.
 */
export async function saveClassDetails(detailed: DetailedClient, details: RideDetails) {
  const { ride } = details;
  const instructor = ride.instructor;
  const playlist = playlistOf(details);
  const songs = uniqueById(playlist.map((entry) => entry.song));
  const albums = uniqueById(songs.flatMap((song) => (song.album ? [song.album] : [])));
  const artists = uniqueById(songs.flatMap((song) => song.artists));

  await detailed.$transaction(async (tx) => {
    if (instructor) {
      const data = {
        name: instructor.name,
        firstName: instructor.first_name ?? null,
        lastName: instructor.last_name ?? null,
        username: instructor.username ?? null,
        imageUrl: instructor.image_url ?? null,
        bio: instructor.bio ?? null,
        fitnessDisciplines: instructor.fitness_disciplines ?? [],
        spotifyPlaylistUri: instructor.spotify_playlist_uri ?? null,
      };
      await tx.instructor.upsert({ where: { id: instructor.id }, create: { id: instructor.id, ...data }, update: data });
    }
    const instructorId = instructor?.id ?? (await knownInstructor(tx, ride.instructor_id));
    const workout = {
      title: ride.title,
      description: ride.description ?? null,
      durationSeconds: ride.duration,
      length: ride.length ?? null,
      imageUrl: ride.image_url ?? null,
      instructorId,
      fitnessDiscipline: ride.fitness_discipline,
      scheduledTime: fromEpoch(ride.scheduled_start_time),
      originalAirTime: fromEpoch(ride.original_air_time),
      difficultyRatingAvg: ride.difficulty_rating_avg ?? null,
      explicit: ride.is_explicit ?? false,
      fullDetails: details as Prisma.InputJsonObject, // parsed from JSON, so JSON it is
    };
    await tx.detailedWorkout.upsert({ where: { id: ride.id }, create: { id: ride.id, ...workout }, update: workout });

    for (const album of albums) {
      const data = { name: album.name, imageUrl: album.imageUrl };
      await tx.album.upsert({ where: { id: album.id }, create: { id: album.id, ...data }, update: data });
    }
    // An artist keeps the first spelling and picture seen: Peloton varies both from song to song, and
    // the last class saved must not decide them, or reprocessing a class would change the catalogue.
    // (insert-or-skip, which concurrent saves can race on safely, unlike a read-then-write upsert)
    await tx.artist.createMany({ data: artists.map((artist) => ({ ...artist, nameSearch: foldForSearch(artist.name) })), skipDuplicates: true });
    for (const artist of artists.filter((a) => a.imageUrl)) {
      await tx.artist.updateMany({ where: { id: artist.id, imageUrl: null }, data: { imageUrl: artist.imageUrl } });
    }
    for (const song of songs) {
      const artistNames = song.artists.map((artist) => artist.name).join(", ");
      const data = {
        title: song.title,
        artistNames,
        titleSearch: foldForSearch(song.title),
        artistNamesSearch: foldForSearch(artistNames),
        albumId: song.album?.id ?? null,
        imageUrl: song.imageUrl,
        explicit: song.explicit,
      };
      await tx.song.upsert({ where: { id: song.id }, create: { id: song.id, ...data }, update: data });
    }
    await tx.songArtist.createMany({
      data: songs.flatMap((song) => song.artists.map((artist, position) => ({ songId: song.id, artistId: artist.id, position }))),
      skipDuplicates: true,
    });
    await tx.playlistEntry.deleteMany({ where: { workoutId: ride.id } });
    await tx.playlistEntry.createMany({
      data: playlist.map(({ position, startOffsetSeconds, cueTimeOffset, song }) => ({
        workoutId: ride.id,
        position,
        songId: song.id,
        startOffsetSeconds,
        cueTimeOffset,
      })),
    });
  });
  return { songs: playlist.length };
}

type Transaction = Parameters<Parameters<DetailedClient["$transaction"]>[0]>[0];

// A ride may name an instructor without embedding it: link it only if we already know them.
async function knownInstructor(tx: Transaction, id: string | null | undefined): Promise<string | null> {
  if (!id) return null;
  return (await tx.instructor.findUnique({ where: { id }, select: { id: true } }))?.id ?? null;
}
