import { queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import type { Song } from "../db/generated/detailed/client";
import { asksForMusic, matchingEntriesWhere, type WorkoutCriteria } from "../db/workout-filters";
import type { Context } from "./context";

export interface MatchedEntry {
  position: number;
  startOffsetSeconds: number | null;
  song: Song;
}

/**
 * Which playlist entries of each class of a page matched the filter's music criteria: read for the
 * whole page in one statement, when the first of its classes is asked (with what the query selects of
 * the songs), and none without a music criterion.
 */
export function pageMatches(criteria: WorkoutCriteria, workoutIds: string[], { detailed }: Pick<Context, "detailed">) {
  // one statement for each selection of the field (two aliases may select different columns of the songs)
  const loaded = new Map<object, Promise<Map<string, MatchedEntry[]>>>();
  const load = async (context: object, info: GraphQLResolveInfo) => {
    const song = queryFromInfo({ context, info, typeName: "Song", path: ["song"] }) as { select?: object };
    // entries asked for without their songs still read each song's id: Prisma refuses an empty selection
    const songSelection = Object.keys(song.select ?? {}).length === 0 ? { select: { id: true } } : song;
    const entries = await detailed.playlistEntry.findMany({
      where: matchingEntriesWhere(criteria, workoutIds),
      orderBy: [{ workoutId: "asc" }, { position: "asc" }],
      select: { workoutId: true, position: true, startOffsetSeconds: true, song: songSelection as { select: { id: true } } },
    });
    const matched = new Map<string, MatchedEntry[]>();
    for (const { workoutId, ...entry } of entries) matched.set(workoutId, [...(matched.get(workoutId) ?? []), entry as unknown as MatchedEntry]);
    return matched;
  };
  return async (workoutId: string, context: object, info: GraphQLResolveInfo): Promise<MatchedEntry[]> => {
    if (!asksForMusic(criteria) || workoutIds.length === 0) return [];
    const selection = info.fieldNodes[0]!;
    if (!loaded.has(selection)) loaded.set(selection, load(context, info));
    return (await loaded.get(selection)!).get(workoutId) ?? [];
  };
}
