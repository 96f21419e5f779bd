/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** An ingestion stage */
export type IngestStage =
  /** Fetches the details of the classes the sync listed that are not processed yet (oldest first), and saves each class's instructor and playlist to the detailed database. A class that fails is recorded and retried by a later run. */
  | 'PROCESS_DETAILS'
  /** Lists Peloton's classes, newest first, into the workouts database. A sync stops at the first page with nothing new (after getting past where an interrupted sync stopped); a full sync walks every page. */
  | 'SYNC_WORKOUTS';

/** Where a run is */
export type IngestStatus =
  /** stopped on request (Ctrl-C, or the server shutting down); a later run resumes */
  | 'CANCELLED'
  /** stopped by an error: `errorCode` says why; a later run resumes */
  | 'FAILED'
  /** started, not running yet */
  | 'QUEUED'
  /** running: its counts grow */
  | 'RUNNING'
  /** ended having done its work (a class that failed is counted in `failed`, and retried by a later run) */
  | 'SUCCEEDED';

/** How to run processDetails: every option may be left out */
export type ProcessDetailsInput = {
  /** how many classes this run takes; 0 takes them all (0 or more; default 100; all of them with force) */
  batchSize?: number | null | undefined;
  /** classes in flight at once; requests still keep one rate limit (1 to 16; default 1) */
  concurrency?: number | null | undefined;
  /** take classes already processed too, replacing their playlists (default off) */
  force?: boolean | null | undefined;
  /** exactly these classes, whether processed or not (default the classes not processed yet) */
  ids?: Array<string | number> | null | undefined;
};

/** How to run syncWorkouts: every option may be left out */
export type SyncWorkoutsInput = {
  /** browse categories to sync, such as cycling; "all" syncs every category Peloton lists (default cycling) */
  category?: Array<string> | null | undefined;
  /** walk every page, not only down to the classes already known; a walk to the end of the list marks the classes no longer listed unavailable (default off) */
  full?: boolean | null | undefined;
  /** stop after this many pages per category; the next sync resumes past them (1 or more; default no limit) */
  maxPages?: number | null | undefined;
};

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
  /** The class's title holds these words, matched as whole words, ignoring case, accents and punctuation ('k-pop ride' and 'kpop ride' are one; 'pop ride' does not match K-Pop Ride); at least 2 characters besides punctuation */
  title?: string | null | undefined;
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

export type IngestRunFieldsFragment = { id: string, stage: IngestStage, status: IngestStatus, seen: number, new: number, processed: number, failed: number, total: number | null, error: string | null, startedAt: string | null, finishedAt: string | null };

export type WebStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type WebStatusQuery = { catalogueStatus: { classesListed: number, classesProcessed: number, classesPending: number, classesFailed: number, songs: number, artists: number }, ingestRuns: { edges: Array<{ node: { id: string, stage: IngestStage, status: IngestStatus, seen: number, new: number, processed: number, failed: number, total: number | null, error: string | null, startedAt: string | null, finishedAt: string | null } }> } };

export type WebSyncWorkoutsMutationVariables = Exact<{
  input?: SyncWorkoutsInput | null | undefined;
}>;


export type WebSyncWorkoutsMutation = { syncWorkouts: { id: string, stage: IngestStage, status: IngestStatus, seen: number, new: number, processed: number, failed: number, total: number | null, error: string | null, startedAt: string | null, finishedAt: string | null } };

export type WebProcessDetailsMutationVariables = Exact<{
  input?: ProcessDetailsInput | null | undefined;
}>;


export type WebProcessDetailsMutation = { processDetails: { id: string, stage: IngestStage, status: IngestStatus, seen: number, new: number, processed: number, failed: number, total: number | null, error: string | null, startedAt: string | null, finishedAt: string | null } };

export type WebFollowRunSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type WebFollowRunSubscription = { ingestRun: { id: string, stage: IngestStage, status: IngestStatus, seen: number, new: number, processed: number, failed: number, total: number | null, error: string | null, startedAt: string | null, finishedAt: string | null } };

export const IngestRunFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IngestRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IngestRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"seen"}},{"kind":"Field","name":{"kind":"Name","value":"new"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<IngestRunFieldsFragment, unknown>;
export const WebClassesDocument = {"__meta__":{"hash":"sha256:c2d29c71780ffd70d9fb8c499ea121ab42b584404460d4781be0cecd43661853"}} as unknown as DocumentNode<WebClassesQuery, WebClassesQueryVariables>;
export const WebArtistDocument = {"__meta__":{"hash":"sha256:96039804d4c244f9dc5647022763afc72b244eb8658286e2f102417319046c30"}} as unknown as DocumentNode<WebArtistQuery, WebArtistQueryVariables>;
export const WebClassDocument = {"__meta__":{"hash":"sha256:79a03d92842785e06c92ea985f1f834977db2820a89973fc9092f0db26d0aac5"}} as unknown as DocumentNode<WebClassQuery, WebClassQueryVariables>;
export const WebFacetsDocument = {"__meta__":{"hash":"sha256:5dcbc28f0b11ae47b61b42d2a4e69a5307a71a1be15f6fbeaf79e7e4741f65b6"}} as unknown as DocumentNode<WebFacetsQuery, WebFacetsQueryVariables>;
export const WebChipNamesDocument = {"__meta__":{"hash":"sha256:4c5df39b906460226b4a70c6887656795e770e17e61e5414a80a6efc92172c76"}} as unknown as DocumentNode<WebChipNamesQuery, WebChipNamesQueryVariables>;
export const WebChipSuggestionsDocument = {"__meta__":{"hash":"sha256:565d2aff2bb6b5dbfc809d80cad1fbce8dbd78d2a69deabb0dad55a8dc07601d"}} as unknown as DocumentNode<WebChipSuggestionsQuery, WebChipSuggestionsQueryVariables>;
export const WebInstructorDocument = {"__meta__":{"hash":"sha256:11ff9b5bb280202dee0e7a081d265468edffd1e3a72b520aadb06a71edc137ef"}} as unknown as DocumentNode<WebInstructorQuery, WebInstructorQueryVariables>;
export const WebSearchDocument = {"__meta__":{"hash":"sha256:328e2b8dc09df29a245f9566501135ba0de82dfcd747135b80bb8c20e4e0b566"}} as unknown as DocumentNode<WebSearchQuery, WebSearchQueryVariables>;
export const WebSongDocument = {"__meta__":{"hash":"sha256:f954a7b01ba155dc76769c61b7053aec852ed0945bd2a50798c0ed275e667f72"}} as unknown as DocumentNode<WebSongQuery, WebSongQueryVariables>;
export const WebStatusDocument = {"__meta__":{"hash":"sha256:f8f770b6f3606fa6aafd50d7c1faaf08f38f0b3f514f03f8a9a6b8870d2622fa"}} as unknown as DocumentNode<WebStatusQuery, WebStatusQueryVariables>;
export const WebSyncWorkoutsDocument = {"__meta__":{"hash":"sha256:a8d0b5e0434e58cf6ca0d904d30b2fba877403840cb067cbdfa0767ae1de2170"}} as unknown as DocumentNode<WebSyncWorkoutsMutation, WebSyncWorkoutsMutationVariables>;
export const WebProcessDetailsDocument = {"__meta__":{"hash":"sha256:0f642f2a2c5d3529ee12c57180f07d618e30a7e322080faed507cf15e8db782e"}} as unknown as DocumentNode<WebProcessDetailsMutation, WebProcessDetailsMutationVariables>;
export const WebFollowRunDocument = {"__meta__":{"hash":"sha256:2e011d419b556a9487aa8fb81bd1929d4819f6698a40fe43f0a1a06538e55703"}} as unknown as DocumentNode<WebFollowRunSubscription, WebFollowRunSubscriptionVariables>;