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
    "query SearchRanking { songs(search: \"QUOXL\", first: 10) { totalCount edges { node { id } } } }": typeof types.SearchRankingDocument,
    "query RecreditedSong($song: ID!, $instructor: ID!) {\n        song(id: $song) { artistNames artists { id name playCount songs(first: 5) { edges { node { id } } } } }\n        instructor(id: $instructor) { topArtists(limit: 50) { artist { id } plays } } }": typeof types.RecreditedSongDocument,
    "query CatalogueWorkout($id: ID!) { workout(id: $id) { id title discipline durationSeconds airedAt\n          instructor { id name } playlist { position startOffsetSeconds song { id title artistNames artists { id name } explicit playCount } } } }": typeof types.CatalogueWorkoutDocument,
    "query CatalogueUnknownIds { workout(id: \"nope\") { id } song(id: \"nope\") { id } instructor(id: \"nope\") { id } }": typeof types.CatalogueUnknownIdsDocument,
    "query CatalogueWorkoutsPage($after: String) { workouts(first: 25, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }": typeof types.CatalogueWorkoutsPageDocument,
    "query CatalogueInstructorWorkouts($id: ID!) { instructor(id: $id) { id name workouts(first: 100) { totalCount edges { node { id } } } } }": typeof types.CatalogueInstructorWorkoutsDocument,
    "query CatalogueBadCursor { workouts(first: 10, after: \"not-a-cursor\") { edges { node { id } } } }": typeof types.CatalogueBadCursorDocument,
    "query CatalogueMotorheadSongs($after: String) { songs(search: \"MOTORHEAD\", first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id artistNames artists { name } } } } }": typeof types.CatalogueMotorheadSongsDocument,
    "query CatalogueSearchPage($first: Int, $last: Int, $after: String, $before: String) {\n          songs(search: \"ing\", first: $first, last: $last, after: $after, before: $before) { totalCount edges { cursor node { id } } } }": typeof types.CatalogueSearchPageDocument,
    "query CatalogueSongSearch($q: String) { songs(search: $q, first: 5) { edges { node { id title } } } }": typeof types.CatalogueSongSearchDocument,
    "query CatalogueArtistSongs($q: String) { songs(search: $q, first: 100) { totalCount edges { node { title artistNames playCount } } } }": typeof types.CatalogueArtistSongsDocument,
    "query CatalogueArtistSearch { artists(search: \"motorhead\", first: 5) { totalCount edges { node { id name } } } }": typeof types.CatalogueArtistSearchDocument,
    "query CatalogueShortSearch { songs(search: \" a \", first: 5) { totalCount } }": typeof types.CatalogueShortSearchDocument,
    "query CatalogueFilteredWorkouts($filter: WorkoutFilter, $orderBy: WorkoutOrder) { workouts(filter: $filter, orderBy: $orderBy, first: 100) { totalCount edges { node { id } } } }": typeof types.CatalogueFilteredWorkoutsDocument,
    "query CatalogueWorkoutsInOrder($orderBy: WorkoutOrder, $filter: WorkoutFilter, $after: String) {\n            workouts(orderBy: $orderBy, filter: $filter, first: 7, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }": typeof types.CatalogueWorkoutsInOrderDocument,
    "query CatalogueWorkoutsBackwards($orderBy: WorkoutOrder, $before: String) {\n            workouts(orderBy: $orderBy, last: 6, before: $before) { pageInfo { hasPreviousPage startCursor } edges { node { id } } } }": typeof types.CatalogueWorkoutsBackwardsDocument,
    "query CatalogueWorkoutsAfter($orderBy: WorkoutOrder, $after: String) { workouts(orderBy: $orderBy, first: 3, after: $after) { edges { cursor node { id } } } }": typeof types.CatalogueWorkoutsAfterDocument,
    "query CatalogueWorkoutsCursors { workouts(first: 10) { edges { cursor node { id } } } }": typeof types.CatalogueWorkoutsCursorsDocument,
    "query CatalogueWorkoutsBetween($after: String, $before: String) { workouts(first: 10, after: $after, before: $before) { edges { node { id } } } }": typeof types.CatalogueWorkoutsBetweenDocument,
    "query CatalogueShortArtistFilter { workouts(filter: { artist: \"x\" }) { totalCount } }": typeof types.CatalogueShortArtistFilterDocument,
    "query CatalogueSongPlays($id: ID!) { song(id: $id) { workouts(first: 100) { totalCount edges { node { id } } } artists { id name playCount songs(first: 100) { totalCount edges { node { id } } } } } }": typeof types.CatalogueSongPlaysDocument,
    "query CatalogueTopArtists($id: ID!) { instructor(id: $id) { topArtists(limit: 3) { plays artist { id name } } } }": typeof types.CatalogueTopArtistsDocument,
    "query CatalogueIngestion { ingestRuns(first: 10) { totalCount edges { node { id stage status processed failed total error startedAt finishedAt } } }\n         catalogueStatus { classesListed classesProcessed classesPending classesFailed songs artists } }": typeof types.CatalogueIngestionDocument,
    "query CatalogueIngestRun($id: ID!) { ingestRun(id: $id) { id status } }": typeof types.CatalogueIngestRunDocument,
    "query CostNestedPages { songs(first: 40) { edges { node { id workouts(first: 2) { totalCount edges { node { id } } pageInfo { hasNextPage } } } } }\n        instructors(first: 10) { edges { node { id workouts(first: 4) { totalCount edges { node { id airedAt } } } } } } }": typeof types.CostNestedPagesDocument,
    "query CostTopArtistsDetail($id: ID!) { instructor(id: $id) { id topArtists(limit: 5) { plays artist { id name } } } }": typeof types.CostTopArtistsDetailDocument,
    "\n  mutation MutationsSync($input: SyncWorkoutsInput) { syncWorkouts(input: $input) { id stage status startedAt finishedAt processed failed total error } }\n": typeof types.MutationsSyncDocument,
    "\n  mutation MutationsDetails($input: ProcessDetailsInput) { processDetails(input: $input) { id stage status processed failed total error } }\n": typeof types.MutationsDetailsDocument,
    "\n  query MutationsRun($id: ID!) { ingestRun(id: $id) { id stage status startedAt finishedAt seen new processed failed total error } }\n": typeof types.MutationsRunDocument,
    "query MutationsRuns { ingestRuns(first: 100) { totalCount edges { node { id stage status } } } }": typeof types.MutationsRunsDocument,
    "query MutationsCatalogue { catalogueStatus { classesListed classesProcessed classesPending } workouts { totalCount } }": typeof types.MutationsCatalogueDocument,
    "query QueryCountWorkouts($first: Int!) { workouts(first: $first) { totalCount\n        edges { node { id title instructor { id name } playlist { position song { id title artistNames albumName artists { id name } } } } } } }": typeof types.QueryCountWorkoutsDocument,
    "query QueryCountSongs($search: String!, $first: Int!) { songs(search: $search, first: $first) { totalCount\n        edges { node { id title playCount artists { id name playCount } } } } }": typeof types.QueryCountSongsDocument,
    "query QueryCountEverySong($first: Int!, $withCount: Boolean!) { songs(first: $first) { totalCount @include(if: $withCount) edges { node { id } } } }": typeof types.QueryCountEverySongDocument,
    "query RunErrorsRun($id: ID!) { ingestRun(id: $id) { id status errorCode error } }": typeof types.RunErrorsRunDocument,
    "query RunErrorsRuns { ingestRuns(first: 10) { edges { node { id status errorCode error } } } }": typeof types.RunErrorsRunsDocument,
    "\n  subscription RunSubscriptionFollow($id: ID!) { ingestRun(id: $id) { id stage status seen new processed failed total errorCode error } }\n": typeof types.RunSubscriptionFollowDocument,
    "query RunSubscriptionNow($id: ID!) { ingestRun(id: $id) { status errorCode error } }": typeof types.RunSubscriptionNowDocument,
    "mutation RunSubscriptionSync($input: SyncWorkoutsInput) { syncWorkouts(input: $input) { id status } }": typeof types.RunSubscriptionSyncDocument,
    "mutation RunSubscriptionDetails { processDetails { id status } }": typeof types.RunSubscriptionDetailsDocument,
    "query SearchPagesSongs($search: String, $first: Int, $last: Int, $after: String, $before: String) {\n  songs(search: $search, first: $first, last: $last, after: $after, before: $before) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id playCount } } } }": typeof types.SearchPagesSongsDocument,
    "query SearchPagesArtists { artists(search: \"echo\", first: 10) { totalCount edges { node { name playCount } } } }": typeof types.SearchPagesArtistsDocument,
    "query SearchPagesEmpty($past: String) {\n          artists(search: \"no such artist\", first: 5) { pageInfo { startCursor endCursor } }\n          allSongsPast: songs(first: 5, after: $past) { pageInfo { startCursor endCursor } }\n          noSongs: songs(first: 0) { pageInfo { startCursor endCursor } }\n          instructors(first: 5) { pageInfo { startCursor endCursor } }\n          ingestRuns(first: 5) { pageInfo { startCursor endCursor } }\n          song(id: \"song-quiet\") { workouts(first: 5) { pageInfo { startCursor endCursor } } }\n        }": typeof types.SearchPagesEmptyDocument,
    "query SearchPagesNoWorkouts { workouts(first: 5, filter: { discipline: \"none\" }) { pageInfo { startCursor endCursor } } }": typeof types.SearchPagesNoWorkoutsDocument,
};
const documents: Documents = {
    "query SearchRanking { songs(search: \"QUOXL\", first: 10) { totalCount edges { node { id } } } }": types.SearchRankingDocument,
    "query RecreditedSong($song: ID!, $instructor: ID!) {\n        song(id: $song) { artistNames artists { id name playCount songs(first: 5) { edges { node { id } } } } }\n        instructor(id: $instructor) { topArtists(limit: 50) { artist { id } plays } } }": types.RecreditedSongDocument,
    "query CatalogueWorkout($id: ID!) { workout(id: $id) { id title discipline durationSeconds airedAt\n          instructor { id name } playlist { position startOffsetSeconds song { id title artistNames artists { id name } explicit playCount } } } }": types.CatalogueWorkoutDocument,
    "query CatalogueUnknownIds { workout(id: \"nope\") { id } song(id: \"nope\") { id } instructor(id: \"nope\") { id } }": types.CatalogueUnknownIdsDocument,
    "query CatalogueWorkoutsPage($after: String) { workouts(first: 25, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }": types.CatalogueWorkoutsPageDocument,
    "query CatalogueInstructorWorkouts($id: ID!) { instructor(id: $id) { id name workouts(first: 100) { totalCount edges { node { id } } } } }": types.CatalogueInstructorWorkoutsDocument,
    "query CatalogueBadCursor { workouts(first: 10, after: \"not-a-cursor\") { edges { node { id } } } }": types.CatalogueBadCursorDocument,
    "query CatalogueMotorheadSongs($after: String) { songs(search: \"MOTORHEAD\", first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id artistNames artists { name } } } } }": types.CatalogueMotorheadSongsDocument,
    "query CatalogueSearchPage($first: Int, $last: Int, $after: String, $before: String) {\n          songs(search: \"ing\", first: $first, last: $last, after: $after, before: $before) { totalCount edges { cursor node { id } } } }": types.CatalogueSearchPageDocument,
    "query CatalogueSongSearch($q: String) { songs(search: $q, first: 5) { edges { node { id title } } } }": types.CatalogueSongSearchDocument,
    "query CatalogueArtistSongs($q: String) { songs(search: $q, first: 100) { totalCount edges { node { title artistNames playCount } } } }": types.CatalogueArtistSongsDocument,
    "query CatalogueArtistSearch { artists(search: \"motorhead\", first: 5) { totalCount edges { node { id name } } } }": types.CatalogueArtistSearchDocument,
    "query CatalogueShortSearch { songs(search: \" a \", first: 5) { totalCount } }": types.CatalogueShortSearchDocument,
    "query CatalogueFilteredWorkouts($filter: WorkoutFilter, $orderBy: WorkoutOrder) { workouts(filter: $filter, orderBy: $orderBy, first: 100) { totalCount edges { node { id } } } }": types.CatalogueFilteredWorkoutsDocument,
    "query CatalogueWorkoutsInOrder($orderBy: WorkoutOrder, $filter: WorkoutFilter, $after: String) {\n            workouts(orderBy: $orderBy, filter: $filter, first: 7, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }": types.CatalogueWorkoutsInOrderDocument,
    "query CatalogueWorkoutsBackwards($orderBy: WorkoutOrder, $before: String) {\n            workouts(orderBy: $orderBy, last: 6, before: $before) { pageInfo { hasPreviousPage startCursor } edges { node { id } } } }": types.CatalogueWorkoutsBackwardsDocument,
    "query CatalogueWorkoutsAfter($orderBy: WorkoutOrder, $after: String) { workouts(orderBy: $orderBy, first: 3, after: $after) { edges { cursor node { id } } } }": types.CatalogueWorkoutsAfterDocument,
    "query CatalogueWorkoutsCursors { workouts(first: 10) { edges { cursor node { id } } } }": types.CatalogueWorkoutsCursorsDocument,
    "query CatalogueWorkoutsBetween($after: String, $before: String) { workouts(first: 10, after: $after, before: $before) { edges { node { id } } } }": types.CatalogueWorkoutsBetweenDocument,
    "query CatalogueShortArtistFilter { workouts(filter: { artist: \"x\" }) { totalCount } }": types.CatalogueShortArtistFilterDocument,
    "query CatalogueSongPlays($id: ID!) { song(id: $id) { workouts(first: 100) { totalCount edges { node { id } } } artists { id name playCount songs(first: 100) { totalCount edges { node { id } } } } } }": types.CatalogueSongPlaysDocument,
    "query CatalogueTopArtists($id: ID!) { instructor(id: $id) { topArtists(limit: 3) { plays artist { id name } } } }": types.CatalogueTopArtistsDocument,
    "query CatalogueIngestion { ingestRuns(first: 10) { totalCount edges { node { id stage status processed failed total error startedAt finishedAt } } }\n         catalogueStatus { classesListed classesProcessed classesPending classesFailed songs artists } }": types.CatalogueIngestionDocument,
    "query CatalogueIngestRun($id: ID!) { ingestRun(id: $id) { id status } }": types.CatalogueIngestRunDocument,
    "query CostNestedPages { songs(first: 40) { edges { node { id workouts(first: 2) { totalCount edges { node { id } } pageInfo { hasNextPage } } } } }\n        instructors(first: 10) { edges { node { id workouts(first: 4) { totalCount edges { node { id airedAt } } } } } } }": types.CostNestedPagesDocument,
    "query CostTopArtistsDetail($id: ID!) { instructor(id: $id) { id topArtists(limit: 5) { plays artist { id name } } } }": types.CostTopArtistsDetailDocument,
    "\n  mutation MutationsSync($input: SyncWorkoutsInput) { syncWorkouts(input: $input) { id stage status startedAt finishedAt processed failed total error } }\n": types.MutationsSyncDocument,
    "\n  mutation MutationsDetails($input: ProcessDetailsInput) { processDetails(input: $input) { id stage status processed failed total error } }\n": types.MutationsDetailsDocument,
    "\n  query MutationsRun($id: ID!) { ingestRun(id: $id) { id stage status startedAt finishedAt seen new processed failed total error } }\n": types.MutationsRunDocument,
    "query MutationsRuns { ingestRuns(first: 100) { totalCount edges { node { id stage status } } } }": types.MutationsRunsDocument,
    "query MutationsCatalogue { catalogueStatus { classesListed classesProcessed classesPending } workouts { totalCount } }": types.MutationsCatalogueDocument,
    "query QueryCountWorkouts($first: Int!) { workouts(first: $first) { totalCount\n        edges { node { id title instructor { id name } playlist { position song { id title artistNames albumName artists { id name } } } } } } }": types.QueryCountWorkoutsDocument,
    "query QueryCountSongs($search: String!, $first: Int!) { songs(search: $search, first: $first) { totalCount\n        edges { node { id title playCount artists { id name playCount } } } } }": types.QueryCountSongsDocument,
    "query QueryCountEverySong($first: Int!, $withCount: Boolean!) { songs(first: $first) { totalCount @include(if: $withCount) edges { node { id } } } }": types.QueryCountEverySongDocument,
    "query RunErrorsRun($id: ID!) { ingestRun(id: $id) { id status errorCode error } }": types.RunErrorsRunDocument,
    "query RunErrorsRuns { ingestRuns(first: 10) { edges { node { id status errorCode error } } } }": types.RunErrorsRunsDocument,
    "\n  subscription RunSubscriptionFollow($id: ID!) { ingestRun(id: $id) { id stage status seen new processed failed total errorCode error } }\n": types.RunSubscriptionFollowDocument,
    "query RunSubscriptionNow($id: ID!) { ingestRun(id: $id) { status errorCode error } }": types.RunSubscriptionNowDocument,
    "mutation RunSubscriptionSync($input: SyncWorkoutsInput) { syncWorkouts(input: $input) { id status } }": types.RunSubscriptionSyncDocument,
    "mutation RunSubscriptionDetails { processDetails { id status } }": types.RunSubscriptionDetailsDocument,
    "query SearchPagesSongs($search: String, $first: Int, $last: Int, $after: String, $before: String) {\n  songs(search: $search, first: $first, last: $last, after: $after, before: $before) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id playCount } } } }": types.SearchPagesSongsDocument,
    "query SearchPagesArtists { artists(search: \"echo\", first: 10) { totalCount edges { node { name playCount } } } }": types.SearchPagesArtistsDocument,
    "query SearchPagesEmpty($past: String) {\n          artists(search: \"no such artist\", first: 5) { pageInfo { startCursor endCursor } }\n          allSongsPast: songs(first: 5, after: $past) { pageInfo { startCursor endCursor } }\n          noSongs: songs(first: 0) { pageInfo { startCursor endCursor } }\n          instructors(first: 5) { pageInfo { startCursor endCursor } }\n          ingestRuns(first: 5) { pageInfo { startCursor endCursor } }\n          song(id: \"song-quiet\") { workouts(first: 5) { pageInfo { startCursor endCursor } } }\n        }": types.SearchPagesEmptyDocument,
    "query SearchPagesNoWorkouts { workouts(first: 5, filter: { discipline: \"none\" }) { pageInfo { startCursor endCursor } } }": types.SearchPagesNoWorkoutsDocument,
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
export function graphql(source: "query SearchRanking { songs(search: \"QUOXL\", first: 10) { totalCount edges { node { id } } } }"): (typeof documents)["query SearchRanking { songs(search: \"QUOXL\", first: 10) { totalCount edges { node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecreditedSong($song: ID!, $instructor: ID!) {\n        song(id: $song) { artistNames artists { id name playCount songs(first: 5) { edges { node { id } } } } }\n        instructor(id: $instructor) { topArtists(limit: 50) { artist { id } plays } } }"): (typeof documents)["query RecreditedSong($song: ID!, $instructor: ID!) {\n        song(id: $song) { artistNames artists { id name playCount songs(first: 5) { edges { node { id } } } } }\n        instructor(id: $instructor) { topArtists(limit: 50) { artist { id } plays } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueWorkout($id: ID!) { workout(id: $id) { id title discipline durationSeconds airedAt\n          instructor { id name } playlist { position startOffsetSeconds song { id title artistNames artists { id name } explicit playCount } } } }"): (typeof documents)["query CatalogueWorkout($id: ID!) { workout(id: $id) { id title discipline durationSeconds airedAt\n          instructor { id name } playlist { position startOffsetSeconds song { id title artistNames artists { id name } explicit playCount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueUnknownIds { workout(id: \"nope\") { id } song(id: \"nope\") { id } instructor(id: \"nope\") { id } }"): (typeof documents)["query CatalogueUnknownIds { workout(id: \"nope\") { id } song(id: \"nope\") { id } instructor(id: \"nope\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueWorkoutsPage($after: String) { workouts(first: 25, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }"): (typeof documents)["query CatalogueWorkoutsPage($after: String) { workouts(first: 25, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueInstructorWorkouts($id: ID!) { instructor(id: $id) { id name workouts(first: 100) { totalCount edges { node { id } } } } }"): (typeof documents)["query CatalogueInstructorWorkouts($id: ID!) { instructor(id: $id) { id name workouts(first: 100) { totalCount edges { node { id } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueBadCursor { workouts(first: 10, after: \"not-a-cursor\") { edges { node { id } } } }"): (typeof documents)["query CatalogueBadCursor { workouts(first: 10, after: \"not-a-cursor\") { edges { node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueMotorheadSongs($after: String) { songs(search: \"MOTORHEAD\", first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id artistNames artists { name } } } } }"): (typeof documents)["query CatalogueMotorheadSongs($after: String) { songs(search: \"MOTORHEAD\", first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id artistNames artists { name } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueSearchPage($first: Int, $last: Int, $after: String, $before: String) {\n          songs(search: \"ing\", first: $first, last: $last, after: $after, before: $before) { totalCount edges { cursor node { id } } } }"): (typeof documents)["query CatalogueSearchPage($first: Int, $last: Int, $after: String, $before: String) {\n          songs(search: \"ing\", first: $first, last: $last, after: $after, before: $before) { totalCount edges { cursor node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueSongSearch($q: String) { songs(search: $q, first: 5) { edges { node { id title } } } }"): (typeof documents)["query CatalogueSongSearch($q: String) { songs(search: $q, first: 5) { edges { node { id title } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueArtistSongs($q: String) { songs(search: $q, first: 100) { totalCount edges { node { title artistNames playCount } } } }"): (typeof documents)["query CatalogueArtistSongs($q: String) { songs(search: $q, first: 100) { totalCount edges { node { title artistNames playCount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueArtistSearch { artists(search: \"motorhead\", first: 5) { totalCount edges { node { id name } } } }"): (typeof documents)["query CatalogueArtistSearch { artists(search: \"motorhead\", first: 5) { totalCount edges { node { id name } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueShortSearch { songs(search: \" a \", first: 5) { totalCount } }"): (typeof documents)["query CatalogueShortSearch { songs(search: \" a \", first: 5) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueFilteredWorkouts($filter: WorkoutFilter, $orderBy: WorkoutOrder) { workouts(filter: $filter, orderBy: $orderBy, first: 100) { totalCount edges { node { id } } } }"): (typeof documents)["query CatalogueFilteredWorkouts($filter: WorkoutFilter, $orderBy: WorkoutOrder) { workouts(filter: $filter, orderBy: $orderBy, first: 100) { totalCount edges { node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueWorkoutsInOrder($orderBy: WorkoutOrder, $filter: WorkoutFilter, $after: String) {\n            workouts(orderBy: $orderBy, filter: $filter, first: 7, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }"): (typeof documents)["query CatalogueWorkoutsInOrder($orderBy: WorkoutOrder, $filter: WorkoutFilter, $after: String) {\n            workouts(orderBy: $orderBy, filter: $filter, first: 7, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueWorkoutsBackwards($orderBy: WorkoutOrder, $before: String) {\n            workouts(orderBy: $orderBy, last: 6, before: $before) { pageInfo { hasPreviousPage startCursor } edges { node { id } } } }"): (typeof documents)["query CatalogueWorkoutsBackwards($orderBy: WorkoutOrder, $before: String) {\n            workouts(orderBy: $orderBy, last: 6, before: $before) { pageInfo { hasPreviousPage startCursor } edges { node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueWorkoutsAfter($orderBy: WorkoutOrder, $after: String) { workouts(orderBy: $orderBy, first: 3, after: $after) { edges { cursor node { id } } } }"): (typeof documents)["query CatalogueWorkoutsAfter($orderBy: WorkoutOrder, $after: String) { workouts(orderBy: $orderBy, first: 3, after: $after) { edges { cursor node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueWorkoutsCursors { workouts(first: 10) { edges { cursor node { id } } } }"): (typeof documents)["query CatalogueWorkoutsCursors { workouts(first: 10) { edges { cursor node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueWorkoutsBetween($after: String, $before: String) { workouts(first: 10, after: $after, before: $before) { edges { node { id } } } }"): (typeof documents)["query CatalogueWorkoutsBetween($after: String, $before: String) { workouts(first: 10, after: $after, before: $before) { edges { node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueShortArtistFilter { workouts(filter: { artist: \"x\" }) { totalCount } }"): (typeof documents)["query CatalogueShortArtistFilter { workouts(filter: { artist: \"x\" }) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueSongPlays($id: ID!) { song(id: $id) { workouts(first: 100) { totalCount edges { node { id } } } artists { id name playCount songs(first: 100) { totalCount edges { node { id } } } } } }"): (typeof documents)["query CatalogueSongPlays($id: ID!) { song(id: $id) { workouts(first: 100) { totalCount edges { node { id } } } artists { id name playCount songs(first: 100) { totalCount edges { node { id } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueTopArtists($id: ID!) { instructor(id: $id) { topArtists(limit: 3) { plays artist { id name } } } }"): (typeof documents)["query CatalogueTopArtists($id: ID!) { instructor(id: $id) { topArtists(limit: 3) { plays artist { id name } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueIngestion { ingestRuns(first: 10) { totalCount edges { node { id stage status processed failed total error startedAt finishedAt } } }\n         catalogueStatus { classesListed classesProcessed classesPending classesFailed songs artists } }"): (typeof documents)["query CatalogueIngestion { ingestRuns(first: 10) { totalCount edges { node { id stage status processed failed total error startedAt finishedAt } } }\n         catalogueStatus { classesListed classesProcessed classesPending classesFailed songs artists } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueIngestRun($id: ID!) { ingestRun(id: $id) { id status } }"): (typeof documents)["query CatalogueIngestRun($id: ID!) { ingestRun(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CostNestedPages { songs(first: 40) { edges { node { id workouts(first: 2) { totalCount edges { node { id } } pageInfo { hasNextPage } } } } }\n        instructors(first: 10) { edges { node { id workouts(first: 4) { totalCount edges { node { id airedAt } } } } } } }"): (typeof documents)["query CostNestedPages { songs(first: 40) { edges { node { id workouts(first: 2) { totalCount edges { node { id } } pageInfo { hasNextPage } } } } }\n        instructors(first: 10) { edges { node { id workouts(first: 4) { totalCount edges { node { id airedAt } } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CostTopArtistsDetail($id: ID!) { instructor(id: $id) { id topArtists(limit: 5) { plays artist { id name } } } }"): (typeof documents)["query CostTopArtistsDetail($id: ID!) { instructor(id: $id) { id topArtists(limit: 5) { plays artist { id name } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MutationsSync($input: SyncWorkoutsInput) { syncWorkouts(input: $input) { id stage status startedAt finishedAt processed failed total error } }\n"): (typeof documents)["\n  mutation MutationsSync($input: SyncWorkoutsInput) { syncWorkouts(input: $input) { id stage status startedAt finishedAt processed failed total error } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MutationsDetails($input: ProcessDetailsInput) { processDetails(input: $input) { id stage status processed failed total error } }\n"): (typeof documents)["\n  mutation MutationsDetails($input: ProcessDetailsInput) { processDetails(input: $input) { id stage status processed failed total error } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MutationsRun($id: ID!) { ingestRun(id: $id) { id stage status startedAt finishedAt seen new processed failed total error } }\n"): (typeof documents)["\n  query MutationsRun($id: ID!) { ingestRun(id: $id) { id stage status startedAt finishedAt seen new processed failed total error } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MutationsRuns { ingestRuns(first: 100) { totalCount edges { node { id stage status } } } }"): (typeof documents)["query MutationsRuns { ingestRuns(first: 100) { totalCount edges { node { id stage status } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MutationsCatalogue { catalogueStatus { classesListed classesProcessed classesPending } workouts { totalCount } }"): (typeof documents)["query MutationsCatalogue { catalogueStatus { classesListed classesProcessed classesPending } workouts { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QueryCountWorkouts($first: Int!) { workouts(first: $first) { totalCount\n        edges { node { id title instructor { id name } playlist { position song { id title artistNames albumName artists { id name } } } } } } }"): (typeof documents)["query QueryCountWorkouts($first: Int!) { workouts(first: $first) { totalCount\n        edges { node { id title instructor { id name } playlist { position song { id title artistNames albumName artists { id name } } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QueryCountSongs($search: String!, $first: Int!) { songs(search: $search, first: $first) { totalCount\n        edges { node { id title playCount artists { id name playCount } } } } }"): (typeof documents)["query QueryCountSongs($search: String!, $first: Int!) { songs(search: $search, first: $first) { totalCount\n        edges { node { id title playCount artists { id name playCount } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QueryCountEverySong($first: Int!, $withCount: Boolean!) { songs(first: $first) { totalCount @include(if: $withCount) edges { node { id } } } }"): (typeof documents)["query QueryCountEverySong($first: Int!, $withCount: Boolean!) { songs(first: $first) { totalCount @include(if: $withCount) edges { node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RunErrorsRun($id: ID!) { ingestRun(id: $id) { id status errorCode error } }"): (typeof documents)["query RunErrorsRun($id: ID!) { ingestRun(id: $id) { id status errorCode error } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RunErrorsRuns { ingestRuns(first: 10) { edges { node { id status errorCode error } } } }"): (typeof documents)["query RunErrorsRuns { ingestRuns(first: 10) { edges { node { id status errorCode error } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunSubscriptionFollow($id: ID!) { ingestRun(id: $id) { id stage status seen new processed failed total errorCode error } }\n"): (typeof documents)["\n  subscription RunSubscriptionFollow($id: ID!) { ingestRun(id: $id) { id stage status seen new processed failed total errorCode error } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RunSubscriptionNow($id: ID!) { ingestRun(id: $id) { status errorCode error } }"): (typeof documents)["query RunSubscriptionNow($id: ID!) { ingestRun(id: $id) { status errorCode error } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RunSubscriptionSync($input: SyncWorkoutsInput) { syncWorkouts(input: $input) { id status } }"): (typeof documents)["mutation RunSubscriptionSync($input: SyncWorkoutsInput) { syncWorkouts(input: $input) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RunSubscriptionDetails { processDetails { id status } }"): (typeof documents)["mutation RunSubscriptionDetails { processDetails { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchPagesSongs($search: String, $first: Int, $last: Int, $after: String, $before: String) {\n  songs(search: $search, first: $first, last: $last, after: $after, before: $before) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id playCount } } } }"): (typeof documents)["query SearchPagesSongs($search: String, $first: Int, $last: Int, $after: String, $before: String) {\n  songs(search: $search, first: $first, last: $last, after: $after, before: $before) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id playCount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchPagesArtists { artists(search: \"echo\", first: 10) { totalCount edges { node { name playCount } } } }"): (typeof documents)["query SearchPagesArtists { artists(search: \"echo\", first: 10) { totalCount edges { node { name playCount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchPagesEmpty($past: String) {\n          artists(search: \"no such artist\", first: 5) { pageInfo { startCursor endCursor } }\n          allSongsPast: songs(first: 5, after: $past) { pageInfo { startCursor endCursor } }\n          noSongs: songs(first: 0) { pageInfo { startCursor endCursor } }\n          instructors(first: 5) { pageInfo { startCursor endCursor } }\n          ingestRuns(first: 5) { pageInfo { startCursor endCursor } }\n          song(id: \"song-quiet\") { workouts(first: 5) { pageInfo { startCursor endCursor } } }\n        }"): (typeof documents)["query SearchPagesEmpty($past: String) {\n          artists(search: \"no such artist\", first: 5) { pageInfo { startCursor endCursor } }\n          allSongsPast: songs(first: 5, after: $past) { pageInfo { startCursor endCursor } }\n          noSongs: songs(first: 0) { pageInfo { startCursor endCursor } }\n          instructors(first: 5) { pageInfo { startCursor endCursor } }\n          ingestRuns(first: 5) { pageInfo { startCursor endCursor } }\n          song(id: \"song-quiet\") { workouts(first: 5) { pageInfo { startCursor endCursor } } }\n        }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchPagesNoWorkouts { workouts(first: 5, filter: { discipline: \"none\" }) { pageInfo { startCursor endCursor } } }"): (typeof documents)["query SearchPagesNoWorkouts { workouts(first: 5, filter: { discipline: \"none\" }) { pageInfo { startCursor endCursor } } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;