import type { Prisma } from "../db/generated/detailed/client";
import { builder } from "./builder";
import { searchTerm } from "./search";

export const WorkoutFilter = builder.inputType("WorkoutFilter", {
  description: "Every filter given must hold",
  fields: (t) => ({
    instructorId: t.id(),
    discipline: t.string({ description: 'e.g. "cycling"' }),
    artist: t.string({ description: "plays a song by an artist matching this (case- and accent-insensitive)" }),
    song: t.string({ description: "plays a song whose title matches this (case- and accent-insensitive)" }),
    minDuration: t.int({ description: "in seconds" }),
    maxDuration: t.int({ description: "in seconds" }),
    airedAfter: t.field({ type: "DateTime" }),
    airedBefore: t.field({ type: "DateTime" }),
    explicit: t.boolean(),
  }),
});

type Filter = typeof WorkoutFilter.$inferInput;

export function workoutWhere(filter: Filter | null | undefined): Prisma.DetailedWorkoutWhereInput {
  if (!filter) return {};
  const { instructorId, discipline, artist, song, minDuration, maxDuration, airedAfter, airedBefore, explicit } = filter;
  const playlistSong: Prisma.SongWhereInput = {
    ...(artist != null && { artistNamesSearch: { contains: searchTerm(artist, "filter.artist") } }),
    ...(song != null && { titleSearch: { contains: searchTerm(song, "filter.song") } }),
  };
  return {
    ...(instructorId != null && { instructorId: String(instructorId) }),
    ...(discipline != null && { fitnessDiscipline: discipline }),
    ...((minDuration != null || maxDuration != null) && { durationSeconds: { gte: minDuration ?? undefined, lte: maxDuration ?? undefined } }),
    ...((airedAfter != null || airedBefore != null) && { originalAirTime: { gt: airedAfter ?? undefined, lt: airedBefore ?? undefined } }),
    ...(explicit != null && { explicit }),
    ...(Object.keys(playlistSong).length > 0 && { playlist: { some: { song: playlistSong } } }),
  };
}
