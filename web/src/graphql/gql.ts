/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query WebClasses($filter: WorkoutFilter!, $orderBy: WorkoutOrder, $after: String) {\n    workouts(filter: $filter, orderBy: $orderBy, first: 20, after: $after) {\n      totalCount\n      edges {\n        node { id: pelotonId title discipline durationSeconds difficulty airedAt instructor { id: pelotonId name } }\n        matches { position song { id: pelotonId title artistNames } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.WebClassesDocument,
    "\n  query WebArtist($id: ID!) {\n    artist(id: $id) {\n      id: pelotonId name playCount\n      songs(first: 100) { totalCount edges { node { id: pelotonId title albumName playCount } } }\n    }\n  }\n": typeof types.WebArtistDocument,
    "\n  query WebClass($id: ID!) {\n    workout(id: $id) {\n      id: pelotonId title description discipline durationSeconds difficulty airedAt explicit pelotonUrl\n      instructor { id: pelotonId name }\n      playlist {\n        position startOffsetSeconds\n        song { id: pelotonId title artistNames albumName imageUrl explicit album { imageUrl } }\n      }\n    }\n  }\n": typeof types.WebClassDocument,
    "\n  query WebFacets($filter: WorkoutFilter!) {\n    workoutFacets(filter: $filter) {\n      total\n      disciplines { discipline count }\n      durations { durationSeconds count }\n      explicit { explicit count }\n      airYears { year count }\n      instructors(limit: 100) { count instructor { id: pelotonId name } }\n    }\n  }\n": typeof types.WebFacetsDocument,
    "\n  query WebChipNames($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Artist { id name }\n      ... on Song { id title artistNames }\n    }\n  }\n": typeof types.WebChipNamesDocument,
    "\n  query WebChipSuggestions($search: String!) {\n    artists(search: $search, first: 5) { edges { node { id name } } }\n    songs(search: $search, first: 5) { edges { node { id title artistNames } } }\n  }\n": typeof types.WebChipSuggestionsDocument,
    "\n  query WebInstructor($id: ID!) {\n    instructor(id: $id) {\n      id: pelotonId name bio imageUrl disciplines\n      topArtists(limit: 15) { plays artist { id: pelotonId name } }\n    }\n  }\n": typeof types.WebInstructorDocument,
    "\n  query WebSearch($search: String!) {\n    artists(search: $search, first: 5) { totalCount edges { node { id: pelotonId name playCount } } }\n    songs(search: $search, first: 10) { totalCount edges { node { id: pelotonId title artistNames playCount } } }\n  }\n": typeof types.WebSearchDocument,
    "\n  query WebSong($id: ID!) {\n    song(id: $id) {\n      id: pelotonId title artistNames albumName imageUrl explicit playCount\n      album { imageUrl }\n      artists { id: pelotonId name }\n    }\n  }\n": typeof types.WebSongDocument,
    "\n  fragment IngestRunFields on IngestRun { id stage status seen new processed failed total error startedAt finishedAt }\n": typeof types.IngestRunFieldsFragmentDoc,
    "\n  query WebStatus {\n    catalogueStatus { classesListed classesProcessed classesPending classesFailed songs artists }\n    ingestRuns(first: 10) { edges { node { ...IngestRunFields } } }\n  }\n": typeof types.WebStatusDocument,
    "\n  mutation WebSyncWorkouts($input: SyncWorkoutsInput) { syncWorkouts(input: $input) { ...IngestRunFields } }\n": typeof types.WebSyncWorkoutsDocument,
    "\n  mutation WebProcessDetails($input: ProcessDetailsInput) { processDetails(input: $input) { ...IngestRunFields } }\n": typeof types.WebProcessDetailsDocument,
    "\n  subscription WebFollowRun($id: ID!) { ingestRun(id: $id) { ...IngestRunFields } }\n": typeof types.WebFollowRunDocument,
};
const documents: Documents = {
    "\n  query WebClasses($filter: WorkoutFilter!, $orderBy: WorkoutOrder, $after: String) {\n    workouts(filter: $filter, orderBy: $orderBy, first: 20, after: $after) {\n      totalCount\n      edges {\n        node { id: pelotonId title discipline durationSeconds difficulty airedAt instructor { id: pelotonId name } }\n        matches { position song { id: pelotonId title artistNames } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.WebClassesDocument,
    "\n  query WebArtist($id: ID!) {\n    artist(id: $id) {\n      id: pelotonId name playCount\n      songs(first: 100) { totalCount edges { node { id: pelotonId title albumName playCount } } }\n    }\n  }\n": types.WebArtistDocument,
    "\n  query WebClass($id: ID!) {\n    workout(id: $id) {\n      id: pelotonId title description discipline durationSeconds difficulty airedAt explicit pelotonUrl\n      instructor { id: pelotonId name }\n      playlist {\n        position startOffsetSeconds\n        song { id: pelotonId title artistNames albumName imageUrl explicit album { imageUrl } }\n      }\n    }\n  }\n": types.WebClassDocument,
    "\n  query WebFacets($filter: WorkoutFilter!) {\n    workoutFacets(filter: $filter) {\n      total\n      disciplines { discipline count }\n      durations { durationSeconds count }\n      explicit { explicit count }\n      airYears { year count }\n      instructors(limit: 100) { count instructor { id: pelotonId name } }\n    }\n  }\n": types.WebFacetsDocument,
    "\n  query WebChipNames($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Artist { id name }\n      ... on Song { id title artistNames }\n    }\n  }\n": types.WebChipNamesDocument,
    "\n  query WebChipSuggestions($search: String!) {\n    artists(search: $search, first: 5) { edges { node { id name } } }\n    songs(search: $search, first: 5) { edges { node { id title artistNames } } }\n  }\n": types.WebChipSuggestionsDocument,
    "\n  query WebInstructor($id: ID!) {\n    instructor(id: $id) {\n      id: pelotonId name bio imageUrl disciplines\n      topArtists(limit: 15) { plays artist { id: pelotonId name } }\n    }\n  }\n": types.WebInstructorDocument,
    "\n  query WebSearch($search: String!) {\n    artists(search: $search, first: 5) { totalCount edges { node { id: pelotonId name playCount } } }\n    songs(search: $search, first: 10) { totalCount edges { node { id: pelotonId title artistNames playCount } } }\n  }\n": types.WebSearchDocument,
    "\n  query WebSong($id: ID!) {\n    song(id: $id) {\n      id: pelotonId title artistNames albumName imageUrl explicit playCount\n      album { imageUrl }\n      artists { id: pelotonId name }\n    }\n  }\n": types.WebSongDocument,
    "\n  fragment IngestRunFields on IngestRun { id stage status seen new processed failed total error startedAt finishedAt }\n": types.IngestRunFieldsFragmentDoc,
    "\n  query WebStatus {\n    catalogueStatus { classesListed classesProcessed classesPending classesFailed songs artists }\n    ingestRuns(first: 10) { edges { node { ...IngestRunFields } } }\n  }\n": types.WebStatusDocument,
    "\n  mutation WebSyncWorkouts($input: SyncWorkoutsInput) { syncWorkouts(input: $input) { ...IngestRunFields } }\n": types.WebSyncWorkoutsDocument,
    "\n  mutation WebProcessDetails($input: ProcessDetailsInput) { processDetails(input: $input) { ...IngestRunFields } }\n": types.WebProcessDetailsDocument,
    "\n  subscription WebFollowRun($id: ID!) { ingestRun(id: $id) { ...IngestRunFields } }\n": types.WebFollowRunDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebClasses($filter: WorkoutFilter!, $orderBy: WorkoutOrder, $after: String) {\n    workouts(filter: $filter, orderBy: $orderBy, first: 20, after: $after) {\n      totalCount\n      edges {\n        node { id: pelotonId title discipline durationSeconds difficulty airedAt instructor { id: pelotonId name } }\n        matches { position song { id: pelotonId title artistNames } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query WebClasses($filter: WorkoutFilter!, $orderBy: WorkoutOrder, $after: String) {\n    workouts(filter: $filter, orderBy: $orderBy, first: 20, after: $after) {\n      totalCount\n      edges {\n        node { id: pelotonId title discipline durationSeconds difficulty airedAt instructor { id: pelotonId name } }\n        matches { position song { id: pelotonId title artistNames } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebArtist($id: ID!) {\n    artist(id: $id) {\n      id: pelotonId name playCount\n      songs(first: 100) { totalCount edges { node { id: pelotonId title albumName playCount } } }\n    }\n  }\n"): (typeof documents)["\n  query WebArtist($id: ID!) {\n    artist(id: $id) {\n      id: pelotonId name playCount\n      songs(first: 100) { totalCount edges { node { id: pelotonId title albumName playCount } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebClass($id: ID!) {\n    workout(id: $id) {\n      id: pelotonId title description discipline durationSeconds difficulty airedAt explicit pelotonUrl\n      instructor { id: pelotonId name }\n      playlist {\n        position startOffsetSeconds\n        song { id: pelotonId title artistNames albumName imageUrl explicit album { imageUrl } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebClass($id: ID!) {\n    workout(id: $id) {\n      id: pelotonId title description discipline durationSeconds difficulty airedAt explicit pelotonUrl\n      instructor { id: pelotonId name }\n      playlist {\n        position startOffsetSeconds\n        song { id: pelotonId title artistNames albumName imageUrl explicit album { imageUrl } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebFacets($filter: WorkoutFilter!) {\n    workoutFacets(filter: $filter) {\n      total\n      disciplines { discipline count }\n      durations { durationSeconds count }\n      explicit { explicit count }\n      airYears { year count }\n      instructors(limit: 100) { count instructor { id: pelotonId name } }\n    }\n  }\n"): (typeof documents)["\n  query WebFacets($filter: WorkoutFilter!) {\n    workoutFacets(filter: $filter) {\n      total\n      disciplines { discipline count }\n      durations { durationSeconds count }\n      explicit { explicit count }\n      airYears { year count }\n      instructors(limit: 100) { count instructor { id: pelotonId name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebChipNames($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Artist { id name }\n      ... on Song { id title artistNames }\n    }\n  }\n"): (typeof documents)["\n  query WebChipNames($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Artist { id name }\n      ... on Song { id title artistNames }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebChipSuggestions($search: String!) {\n    artists(search: $search, first: 5) { edges { node { id name } } }\n    songs(search: $search, first: 5) { edges { node { id title artistNames } } }\n  }\n"): (typeof documents)["\n  query WebChipSuggestions($search: String!) {\n    artists(search: $search, first: 5) { edges { node { id name } } }\n    songs(search: $search, first: 5) { edges { node { id title artistNames } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebInstructor($id: ID!) {\n    instructor(id: $id) {\n      id: pelotonId name bio imageUrl disciplines\n      topArtists(limit: 15) { plays artist { id: pelotonId name } }\n    }\n  }\n"): (typeof documents)["\n  query WebInstructor($id: ID!) {\n    instructor(id: $id) {\n      id: pelotonId name bio imageUrl disciplines\n      topArtists(limit: 15) { plays artist { id: pelotonId name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebSearch($search: String!) {\n    artists(search: $search, first: 5) { totalCount edges { node { id: pelotonId name playCount } } }\n    songs(search: $search, first: 10) { totalCount edges { node { id: pelotonId title artistNames playCount } } }\n  }\n"): (typeof documents)["\n  query WebSearch($search: String!) {\n    artists(search: $search, first: 5) { totalCount edges { node { id: pelotonId name playCount } } }\n    songs(search: $search, first: 10) { totalCount edges { node { id: pelotonId title artistNames playCount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebSong($id: ID!) {\n    song(id: $id) {\n      id: pelotonId title artistNames albumName imageUrl explicit playCount\n      album { imageUrl }\n      artists { id: pelotonId name }\n    }\n  }\n"): (typeof documents)["\n  query WebSong($id: ID!) {\n    song(id: $id) {\n      id: pelotonId title artistNames albumName imageUrl explicit playCount\n      album { imageUrl }\n      artists { id: pelotonId name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IngestRunFields on IngestRun { id stage status seen new processed failed total error startedAt finishedAt }\n"): (typeof documents)["\n  fragment IngestRunFields on IngestRun { id stage status seen new processed failed total error startedAt finishedAt }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebStatus {\n    catalogueStatus { classesListed classesProcessed classesPending classesFailed songs artists }\n    ingestRuns(first: 10) { edges { node { ...IngestRunFields } } }\n  }\n"): (typeof documents)["\n  query WebStatus {\n    catalogueStatus { classesListed classesProcessed classesPending classesFailed songs artists }\n    ingestRuns(first: 10) { edges { node { ...IngestRunFields } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebSyncWorkouts($input: SyncWorkoutsInput) { syncWorkouts(input: $input) { ...IngestRunFields } }\n"): (typeof documents)["\n  mutation WebSyncWorkouts($input: SyncWorkoutsInput) { syncWorkouts(input: $input) { ...IngestRunFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebProcessDetails($input: ProcessDetailsInput) { processDetails(input: $input) { ...IngestRunFields } }\n"): (typeof documents)["\n  mutation WebProcessDetails($input: ProcessDetailsInput) { processDetails(input: $input) { ...IngestRunFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WebFollowRun($id: ID!) { ingestRun(id: $id) { ...IngestRunFields } }\n"): (typeof documents)["\n  subscription WebFollowRun($id: ID!) { ingestRun(id: $id) { ...IngestRunFields } }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;