import type { CatalogueFacts } from "./support";

export interface Operation {
  kind: string;
  query: string;
  variables: Record<string, unknown>;
}

const queries = {
  artistSearch: `query ArtistSongs($search: String!) {
    songs(search: $search, first: 20) { totalCount edges { node { id: pelotonId title artistNames albumName playCount } } } }`,
  titleSearch: `query TitleSongs($search: String!) {
    songs(search: $search, first: 20) { totalCount edges { node { id: pelotonId title artistNames artists { id: pelotonId name } } } } }`,
  classPlaylist: `query ClassPlaylist($id: ID!) {
    workout(id: $id) { id: pelotonId title discipline durationSeconds airedAt instructor { id: pelotonId name }
      playlist { position startOffsetSeconds song { id: pelotonId title artistNames explicit artists { id: pelotonId name } } } } }`,
  instructorClasses: `query InstructorClasses($id: ID!) {
    instructor(id: $id) { id: pelotonId name workouts(first: 20) { totalCount edges { node { id: pelotonId title airedAt durationSeconds } } }
      topArtists(limit: 10) { plays artist { id: pelotonId name } } } }`,
  filteredWorkouts: `query FilteredWorkouts($filter: WorkoutFilter!) {
    workouts(first: 20, filter: $filter) { totalCount edges { node { id: pelotonId title discipline durationSeconds airedAt instructor { name } } } } }`,
  deepPage: `query DeepPage($after: String!) {
    workouts(first: 20, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor node { id: pelotonId title airedAt } } } }`,
} as const;

/**
 * The load tests' query mix, over values that exist in the catalogue: song search by artist and by
 * title, a class with its playlist, an instructor's classes with top artists, classes filtered by
 * discipline + duration + date, a deep page by cursor. The kinds interleave, each with a few variants.
 */
export function queryMix(facts: CatalogueFacts): Operation[] {
  const [from, to] = facts.airedRange.map((iso) => new Date(iso).getTime()) as [number, number];
  const dateAt = (fraction: number) => new Date(from + (to - from) * fraction).toISOString();
  const variants = 6;
  const at = <T>(items: T[], i: number) => items[i % items.length]!;
  const mix: Operation[] = [];
  for (let i = 0; i < variants; i++) {
    mix.push(
      { kind: "artistSearch", query: queries.artistSearch, variables: { search: at(facts.artistNames, i) } },
      { kind: "titleSearch", query: queries.titleSearch, variables: { search: at(facts.songTitles, i) } },
      { kind: "classPlaylist", query: queries.classPlaylist, variables: { id: at(facts.classIds, i) } },
      { kind: "instructorClasses", query: queries.instructorClasses, variables: { id: at(facts.instructorIds, i) } },
      {
        kind: "filteredWorkouts",
        query: queries.filteredWorkouts,
        variables: {
          filter: {
            discipline: at(facts.disciplines, i),
            minDuration: 600,
            maxDuration: 2700,
            airedAfter: dateAt(0.1 * (i % 4)),
            airedBefore: dateAt(0.6 + 0.1 * (i % 4)),
          },
        },
      },
      { kind: "deepPage", query: queries.deepPage, variables: { after: at(facts.deepCursors, i) } },
    );
  }
  return mix;
}
