/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Every filter given must hold (AND); a list filter holds when any of its values does (OR) */
export type WorkoutFilter = {
  /** First aired in one of these years (UTC; the values WorkoutFacets.airYears counts): any of these; at most 100; an empty list is the same as leaving the filter out */
  airYears?: Array<number> | null | undefined;
  /** First aired after this time */
  airedAfter?: string | null | undefined;
  /** First aired before this time */
  airedBefore?: string | null | undefined;
  /** Plays a song credited to an artist whose name holds these words, matched as whole words, ignoring case, accents and punctuation (AC/DC and ACDC are one; 'ryan adams' does not match Bryan Adams); at least 2 characters besides punctuation */
  artist?: string | null | undefined;
  /** Plays a song credited to one of these artists (their global ids or Peloton's): any of these; at most 100; an empty list is the same as leaving the filter out */
  artistIds?: Array<string | number> | null | undefined;
  /** e.g. "cycling"; see disciplines for several */
  discipline?: string | null | undefined;
  /** In one of these disciplines (e.g. "cycling", "strength"): any of these; at most 100; an empty list is the same as leaving the filter out */
  disciplines?: Array<string> | null | undefined;
  /** Lasts one of these nominal durations, in seconds (e.g. [1200, 1800] for 20 and 30 minutes; the values WorkoutFacets.durations counts): any of these; at most 100; an empty list is the same as leaving the filter out */
  durations?: Array<number> | null | undefined;
  /** Whether the class is marked explicit */
  explicit?: boolean | null | undefined;
  /** The instructor's id (global or Peloton's); see instructorIds for several */
  instructorId?: string | number | null | undefined;
  /** Taught by one of these instructors (their global ids or Peloton's): any of these; at most 100; an empty list is the same as leaving the filter out */
  instructorIds?: Array<string | number> | null | undefined;
  /** Rated at most this difficult by the members; unrated classes never match */
  maxDifficulty?: number | null | undefined;
  /** Lasts at most this long, in seconds */
  maxDuration?: number | null | undefined;
  /** Rated at least this difficult by the members (Peloton's scale, 0 to 10); unrated classes never match */
  minDifficulty?: number | null | undefined;
  /** Lasts at least this long, in seconds */
  minDuration?: number | null | undefined;
  /** Plays a song whose title holds these words, matched as whole words, ignoring case, accents and punctuation (AC/DC and ACDC are one; 'ryan adams' does not match Bryan Adams); at least 2 characters besides punctuation */
  song?: string | null | undefined;
  /** Plays one of these songs (their global ids or Peloton's): any of these; at most 100; an empty list is the same as leaving the filter out */
  songIds?: Array<string | number> | null | undefined;
};

/** The order of a list of classes */
export type WorkoutOrder =
  /** oldest first */
  | 'AIRED_ASC'
  /** newest first */
  | 'AIRED_DESC'
  /** hardest first (by the members' rating); unrated classes last */
  | 'DIFFICULTY_DESC';

export type WebClassesQueryVariables = Exact<{
  filter: WorkoutFilter;
  orderBy?: WorkoutOrder | null | undefined;
  after?: string | null | undefined;
}>;


export type WebClassesQuery = { workouts: { totalCount: number, edges: Array<{ node: { title: string, discipline: string | null, durationSeconds: number | null, difficulty: number | null, airedAt: string | null, id: string, instructor: { name: string, id: string } | null }, matches: Array<{ position: number, song: { title: string, artistNames: string, id: string } }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WebArtistQueryVariables = Exact<{
  id: string | number;
}>;


export type WebArtistQuery = { artist: { name: string, playCount: number, id: string, songs: { totalCount: number, edges: Array<{ node: { title: string, albumName: string | null, playCount: number, id: string } }> } } | null };

export type WebClassQueryVariables = Exact<{
  id: string | number;
}>;


export type WebClassQuery = { workout: { title: string, description: string | null, discipline: string | null, durationSeconds: number | null, difficulty: number | null, airedAt: string | null, explicit: boolean, pelotonUrl: string | null, id: string, instructor: { name: string, id: string } | null, playlist: Array<{ position: number, startOffsetSeconds: number | null, song: { title: string, artistNames: string, albumName: string | null, imageUrl: string | null, explicit: boolean, id: string, album: { imageUrl: string | null } | null } }> } | null };

export type WebFacetsQueryVariables = Exact<{
  filter: WorkoutFilter;
}>;


export type WebFacetsQuery = { workoutFacets: { total: number, disciplines: Array<{ discipline: string, count: number }>, durations: Array<{ durationSeconds: number, count: number }>, explicit: Array<{ explicit: boolean, count: number }>, airYears: Array<{ year: number, count: number }>, instructors: Array<{ count: number, instructor: { name: string, id: string } }> } };

export type WebChipNamesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type WebChipNamesQuery = { nodes: Array<
    | { __typename: 'Album' }
    | { __typename: 'Artist', id: string, name: string }
    | { __typename: 'Instructor' }
    | { __typename: 'Song', id: string, title: string, artistNames: string }
    | { __typename: 'Workout' }
   | null> };

export type WebChipSuggestionsQueryVariables = Exact<{
  search: string;
}>;


export type WebChipSuggestionsQuery = { artists: { edges: Array<{ node: { id: string, name: string } }> }, songs: { edges: Array<{ node: { id: string, title: string, artistNames: string } }> } };

export type WebInstructorQueryVariables = Exact<{
  id: string | number;
}>;


export type WebInstructorQuery = { instructor: { name: string, bio: string | null, imageUrl: string | null, disciplines: Array<string>, id: string, topArtists: Array<{ plays: number, artist: { name: string, id: string } }> } | null };

export type WebSearchQueryVariables = Exact<{
  search: string;
}>;


export type WebSearchQuery = { artists: { totalCount: number, edges: Array<{ node: { name: string, playCount: number, id: string } }> }, songs: { totalCount: number, edges: Array<{ node: { title: string, artistNames: string, playCount: number, id: string } }> } };

export type WebSongQueryVariables = Exact<{
  id: string | number;
}>;


export type WebSongQuery = { song: { title: string, artistNames: string, albumName: string | null, imageUrl: string | null, explicit: boolean, playCount: number, id: string, album: { imageUrl: string | null } | null, artists: Array<{ name: string, id: string }> } | null };


export const WebClassesDocument = {"__meta__":{"hash":"sha256:c2d29c71780ffd70d9fb8c499ea121ab42b584404460d4781be0cecd43661853"}} as unknown as DocumentNode<WebClassesQuery, WebClassesQueryVariables>;
export const WebArtistDocument = {"__meta__":{"hash":"sha256:96039804d4c244f9dc5647022763afc72b244eb8658286e2f102417319046c30"}} as unknown as DocumentNode<WebArtistQuery, WebArtistQueryVariables>;
export const WebClassDocument = {"__meta__":{"hash":"sha256:79a03d92842785e06c92ea985f1f834977db2820a89973fc9092f0db26d0aac5"}} as unknown as DocumentNode<WebClassQuery, WebClassQueryVariables>;
export const WebFacetsDocument = {"__meta__":{"hash":"sha256:5dcbc28f0b11ae47b61b42d2a4e69a5307a71a1be15f6fbeaf79e7e4741f65b6"}} as unknown as DocumentNode<WebFacetsQuery, WebFacetsQueryVariables>;
export const WebChipNamesDocument = {"__meta__":{"hash":"sha256:4c5df39b906460226b4a70c6887656795e770e17e61e5414a80a6efc92172c76"}} as unknown as DocumentNode<WebChipNamesQuery, WebChipNamesQueryVariables>;
export const WebChipSuggestionsDocument = {"__meta__":{"hash":"sha256:565d2aff2bb6b5dbfc809d80cad1fbce8dbd78d2a69deabb0dad55a8dc07601d"}} as unknown as DocumentNode<WebChipSuggestionsQuery, WebChipSuggestionsQueryVariables>;
export const WebInstructorDocument = {"__meta__":{"hash":"sha256:11ff9b5bb280202dee0e7a081d265468edffd1e3a72b520aadb06a71edc137ef"}} as unknown as DocumentNode<WebInstructorQuery, WebInstructorQueryVariables>;
export const WebSearchDocument = {"__meta__":{"hash":"sha256:328e2b8dc09df29a245f9566501135ba0de82dfcd747135b80bb8c20e4e0b566"}} as unknown as DocumentNode<WebSearchQuery, WebSearchQueryVariables>;
export const WebSongDocument = {"__meta__":{"hash":"sha256:f954a7b01ba155dc76769c61b7053aec852ed0945bd2a50798c0ed275e667f72"}} as unknown as DocumentNode<WebSongQuery, WebSongQueryVariables>;