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
    "query SearchRanking { songs(search: \"QUOXL\", first: 10) { totalCount edges { node { id: pelotonId } } } }": typeof types.SearchRankingDocument,
    "query RecreditedSong($song: ID!, $instructor: ID!) {\n        song(id: $song) { artistNames artists { id: pelotonId name playCount songs(first: 5) { edges { node { id: pelotonId } } } } }\n        instructor(id: $instructor) { topArtists(limit: 50) { artist { id: pelotonId } plays } } }": typeof types.RecreditedSongDocument,
    "query PlayCountsTopArtists($id: ID!) {\n  instructor(id: $id) { topArtists(limit: 100) { plays artist { pelotonId playCount } } } }": typeof types.PlayCountsTopArtistsDocument,
    "query PlayCountsSearch($search: String!, $first: Int!, $after: String) {\n    songs(search: $search, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { pelotonId } } } }": typeof types.PlayCountsSearchDocument,
    "query BrowsePagesSongs($first: Int, $last: Int, $after: String, $before: String) {\n  songs(first: $first, last: $last, after: $after, before: $before) {\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id: pelotonId } } } }": typeof types.BrowsePagesSongsDocument,
    "query BrowsePagesArtists($first: Int, $last: Int, $after: String, $before: String) {\n  artists(first: $first, last: $last, after: $after, before: $before) {\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id: pelotonId } } } }": typeof types.BrowsePagesArtistsDocument,
    "query BrowsePagesRuns($first: Int, $last: Int, $after: String, $before: String) {\n  ingestRuns(first: $first, last: $last, after: $after, before: $before) {\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id } } } }": typeof types.BrowsePagesRunsDocument,
    "query CatalogueWorkout($id: ID!) { workout(id: $id) { id: pelotonId title discipline durationSeconds airedAt\n          instructor { id: pelotonId name } playlist { position startOffsetSeconds song { id: pelotonId title artistNames artists { id: pelotonId name } explicit playCount } } } }": typeof types.CatalogueWorkoutDocument,
    "query CatalogueUnknownIds { workout(id: \"nope\") { id: pelotonId } song(id: \"nope\") { id: pelotonId } instructor(id: \"nope\") { id: pelotonId } }": typeof types.CatalogueUnknownIdsDocument,
    "query CatalogueWorkoutsPage($after: String) { workouts(first: 25, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id: pelotonId } } } }": typeof types.CatalogueWorkoutsPageDocument,
    "query CatalogueInstructorWorkouts($id: ID!) { instructor(id: $id) { id: pelotonId name workouts(first: 100) { totalCount edges { node { id: pelotonId } } } } }": typeof types.CatalogueInstructorWorkoutsDocument,
    "query CatalogueBadCursor { workouts(first: 10, after: \"not-a-cursor\") { edges { node { id: pelotonId } } } }": typeof types.CatalogueBadCursorDocument,
    "query CatalogueMotorheadSongs($after: String) { songs(search: \"MOTORHEAD\", first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id: pelotonId artistNames artists { name } } } } }": typeof types.CatalogueMotorheadSongsDocument,
    "query CatalogueSearchPage($first: Int, $last: Int, $after: String, $before: String) {\n          songs(search: \"ing\", first: $first, last: $last, after: $after, before: $before) { totalCount edges { cursor node { id: pelotonId } } } }": typeof types.CatalogueSearchPageDocument,
    "query CatalogueSongSearch($q: String) { songs(search: $q, first: 5) { edges { node { id: pelotonId title } } } }": typeof types.CatalogueSongSearchDocument,
    "query CatalogueArtistSongs($q: String) { songs(search: $q, first: 100) { totalCount edges { node { title artistNames playCount } } } }": typeof types.CatalogueArtistSongsDocument,
    "query CatalogueArtistSearch { artists(search: \"motorhead\", first: 5) { totalCount edges { node { id: pelotonId name } } } }": typeof types.CatalogueArtistSearchDocument,
    "query CatalogueShortSearch { songs(search: \" a \", first: 5) { totalCount } }": typeof types.CatalogueShortSearchDocument,
    "query CatalogueFilteredWorkouts($filter: WorkoutFilter, $orderBy: WorkoutOrder) { workouts(filter: $filter, orderBy: $orderBy, first: 100) { totalCount edges { node { id: pelotonId } } } }": typeof types.CatalogueFilteredWorkoutsDocument,
    "query CatalogueWorkoutsInOrder($orderBy: WorkoutOrder, $filter: WorkoutFilter, $after: String) {\n            workouts(orderBy: $orderBy, filter: $filter, first: 7, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id: pelotonId } } } }": typeof types.CatalogueWorkoutsInOrderDocument,
    "query CatalogueWorkoutsBackwards($orderBy: WorkoutOrder, $before: String) {\n            workouts(orderBy: $orderBy, last: 6, before: $before) { pageInfo { hasPreviousPage startCursor } edges { node { id: pelotonId } } } }": typeof types.CatalogueWorkoutsBackwardsDocument,
    "query CatalogueWorkoutsAfter($orderBy: WorkoutOrder, $after: String) { workouts(orderBy: $orderBy, first: 3, after: $after) { edges { cursor node { id: pelotonId } } } }": typeof types.CatalogueWorkoutsAfterDocument,
    "query CatalogueWorkoutsCursors { workouts(first: 10) { edges { cursor node { id: pelotonId } } } }": typeof types.CatalogueWorkoutsCursorsDocument,
    "query CatalogueWorkoutsBetween($after: String, $before: String) { workouts(first: 10, after: $after, before: $before) { edges { node { id: pelotonId } } } }": typeof types.CatalogueWorkoutsBetweenDocument,
    "query CatalogueShortArtistFilter { workouts(filter: { artist: \"x\" }) { totalCount } }": typeof types.CatalogueShortArtistFilterDocument,
    "query CatalogueSongPlays($id: ID!) { song(id: $id) { workouts(first: 100) { totalCount edges { node { id: pelotonId } } } artists { id: pelotonId name playCount songs(first: 100) { totalCount edges { node { id: pelotonId } } } } } }": typeof types.CatalogueSongPlaysDocument,
    "query CatalogueTopArtists($id: ID!) { instructor(id: $id) { topArtists(limit: 3) { plays artist { id: pelotonId name } } } }": typeof types.CatalogueTopArtistsDocument,
    "query CatalogueIngestion { ingestRuns(first: 10) { totalCount edges { node { id stage status processed failed total error startedAt finishedAt } } }\n         catalogueStatus { classesListed classesProcessed classesPending classesFailed songs artists } }": typeof types.CatalogueIngestionDocument,
    "query CatalogueIngestRun($id: ID!) { ingestRun(id: $id) { id status } }": typeof types.CatalogueIngestRunDocument,
    "query ClassFields($id: ID!) { workout(id: $id) { pelotonId discipline explicit classTypes available pelotonUrl } }": typeof types.ClassFieldsDocument,
    "query ClassTypesOfAll { workouts(first: 20) { edges { node { pelotonId classTypes } } } }": typeof types.ClassTypesOfAllDocument,
    "query ClassAvailability($first: Int!) { workouts(first: $first) { edges { node { available pelotonUrl } } } }": typeof types.ClassAvailabilityDocument,
    "query InstructorBio($id: ID!) { instructor(id: $id) { name bio disciplines } }": typeof types.InstructorBioDocument,
    "query InstructorSpotify($id: ID!) { instructor(id: $id) { name spotifyPlaylistUrl } }": typeof types.InstructorSpotifyDocument,
    "query SongAlbum($id: ID!) { song(id: $id) { albumName album { id pelotonId name imageUrl\n          songs(first: 50) { totalCount edges { node { pelotonId album { pelotonId } } } } } } }": typeof types.SongAlbumDocument,
    "query AlbumLookup($id: ID!) { album(id: $id) { pelotonId name } }": typeof types.AlbumLookupDocument,
    "query CostNestedPages { songs(first: 40) { edges { node { id: pelotonId workouts(first: 2) { totalCount edges { node { id: pelotonId } } pageInfo { hasNextPage } } } } }\n        instructors(first: 10) { edges { node { id: pelotonId workouts(first: 4) { totalCount edges { node { id: pelotonId airedAt } } } } } } }": typeof types.CostNestedPagesDocument,
    "query CostTopArtistsDetail($id: ID!) { instructor(id: $id) { id: pelotonId topArtists(limit: 5) { plays artist { id: pelotonId name } } } }": typeof types.CostTopArtistsDetailDocument,
    "\n  mutation MutationsSync($input: SyncWorkoutsInput) { syncWorkouts(input: $input) { id stage status startedAt finishedAt processed failed total error } }\n": typeof types.MutationsSyncDocument,
    "\n  mutation MutationsDetails($input: ProcessDetailsInput) { processDetails(input: $input) { id stage status processed failed total error } }\n": typeof types.MutationsDetailsDocument,
    "\n  query MutationsRun($id: ID!) { ingestRun(id: $id) { id stage status startedAt finishedAt seen new processed failed total error } }\n": typeof types.MutationsRunDocument,
    "query MutationsRuns { ingestRuns(first: 100) { totalCount edges { node { id stage status } } } }": typeof types.MutationsRunsDocument,
    "query MutationsCatalogue { catalogueStatus { classesListed classesProcessed classesPending } workouts { totalCount } }": typeof types.MutationsCatalogueDocument,
    "query NodeClassIds($id: ID!) { workout(id: $id) { id pelotonId instructor { id pelotonId }\n        playlist { song { id pelotonId artists { id pelotonId } album { id pelotonId } } } } }": typeof types.NodeClassIdsDocument,
    "query NodeEach($workout: ID!, $instructor: ID!, $song: ID!, $artist: ID!, $album: ID!) {\n        workout: node(id: $workout) { __typename id ... on Workout { pelotonId } }\n        instructor: node(id: $instructor) { __typename id ... on Instructor { pelotonId } }\n        song: node(id: $song) { __typename id ... on Song { pelotonId } }\n        artist: node(id: $artist) { __typename id ... on Artist { pelotonId } }\n        album: node(id: $album) { __typename id ... on Album { pelotonId } } }": typeof types.NodeEachDocument,
    "query NodeLookups($workout: ID!, $instructor: ID!, $song: ID!, $artist: ID!, $album: ID!) {\n        workout(id: $workout) { pelotonId } instructor(id: $instructor) { pelotonId } song(id: $song) { pelotonId }\n        artist(id: $artist) { pelotonId } album(id: $album) { pelotonId } }": typeof types.NodeLookupsDocument,
    "query NodeWrongType($id: ID!) { song(id: $id) { pelotonId } }": typeof types.NodeWrongTypeDocument,
    "query NodeNothing($id: ID!) { node(id: $id) { id } }": typeof types.NodeNothingDocument,
    "query NodeNotGlobal($id: ID!) { node(id: $id) { id } }": typeof types.NodeNotGlobalDocument,
    "query NodesMixed($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }": typeof types.NodesMixedDocument,
    "query NodesSongs { songs(first: 20) { edges { node { id } } } }": typeof types.NodesSongsDocument,
    "query NodesTitles($ids: [ID!]!) { nodes(ids: $ids) { ... on Song { title } } }": typeof types.NodesTitlesDocument,
    "query NodesTooMany($ids: [ID!]!) { nodes(ids: $ids) { id } }": typeof types.NodesTooManyDocument,
    "query QueryCountWorkouts($first: Int!) { workouts(first: $first) { totalCount\n        edges { node { id: pelotonId title instructor { id: pelotonId name } playlist { position song { id: pelotonId title artistNames albumName artists { id: pelotonId name } } } } } } }": typeof types.QueryCountWorkoutsDocument,
    "query QueryCountSongs($search: String!, $first: Int!) { songs(search: $search, first: $first) { totalCount\n        edges { node { id: pelotonId title playCount artists { id: pelotonId name playCount } } } } }": typeof types.QueryCountSongsDocument,
    "query QueryCountEverySong($first: Int!, $withCount: Boolean!) { songs(first: $first) { totalCount @include(if: $withCount) edges { node { id: pelotonId } } } }": typeof types.QueryCountEverySongDocument,
    "query RunErrorsRun($id: ID!) { ingestRun(id: $id) { id status errorCode error } }": typeof types.RunErrorsRunDocument,
    "query RunErrorsRuns { ingestRuns(first: 10) { edges { node { id status errorCode error } } } }": typeof types.RunErrorsRunsDocument,
    "\n  subscription RunSubscriptionFollow($id: ID!) { ingestRun(id: $id) { id stage status seen new processed failed total errorCode error } }\n": typeof types.RunSubscriptionFollowDocument,
    "query RunSubscriptionNow($id: ID!) { ingestRun(id: $id) { status errorCode error } }": typeof types.RunSubscriptionNowDocument,
    "mutation RunSubscriptionSync($input: SyncWorkoutsInput) { syncWorkouts(input: $input) { id status } }": typeof types.RunSubscriptionSyncDocument,
    "mutation RunSubscriptionDetails { processDetails { id status } }": typeof types.RunSubscriptionDetailsDocument,
    "query SearchPagesSongs($search: String, $first: Int, $last: Int, $after: String, $before: String) {\n  songs(search: $search, first: $first, last: $last, after: $after, before: $before) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id: pelotonId playCount } } } }": typeof types.SearchPagesSongsDocument,
    "query SearchPagesArtists { artists(search: \"echo\", first: 10) { totalCount edges { node { name playCount } } } }": typeof types.SearchPagesArtistsDocument,
    "query SearchPagesPlainRows($first: Int, $last: Int, $after: String) { songs(search: \"echo\", first: $first, last: $last, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor startCursor } edges { cursor node { id: pelotonId title artistNames imageUrl explicit playCount } } } }": typeof types.SearchPagesPlainRowsDocument,
    "query SearchPagesRowsWithAlbum($first: Int, $last: Int, $after: String) { songs(search: \"echo\", first: $first, last: $last, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor startCursor } edges { cursor node { id: pelotonId title artistNames imageUrl explicit playCount album { name } } } } }": typeof types.SearchPagesRowsWithAlbumDocument,
    "query SearchPagesEmpty($past: String) {\n          artists(search: \"no such artist\", first: 5) { pageInfo { startCursor endCursor } }\n          allSongsPast: songs(first: 5, after: $past) { pageInfo { startCursor endCursor } }\n          noSongs: songs(first: 0) { pageInfo { startCursor endCursor } }\n          instructors(first: 5) { pageInfo { startCursor endCursor } }\n          ingestRuns(first: 5) { pageInfo { startCursor endCursor } }\n          song(id: \"song-quiet\") { workouts(first: 5) { pageInfo { startCursor endCursor } } }\n        }": typeof types.SearchPagesEmptyDocument,
    "query SearchPagesNoWorkouts { workouts(first: 5, filter: { discipline: \"none\" }) { pageInfo { startCursor endCursor } } }": typeof types.SearchPagesNoWorkoutsDocument,
    "query WorkoutFacetsOf($filter: WorkoutFilter) { workoutFacets(filter: $filter) {\n      total disciplines { discipline count } instructors { instructor { pelotonId name } count } durations { durationSeconds count }\n      explicit { explicit count } airYears { year count } } }": typeof types.WorkoutFacetsOfDocument,
    "query WorkoutFacetsTotal($filter: WorkoutFilter) { workouts(filter: $filter, first: 1) { totalCount } }": typeof types.WorkoutFacetsTotalDocument,
    "query WorkoutFacetsAlone($filter: WorkoutFilter) { total: workoutFacets(filter: $filter) { total }\n        years: workoutFacets(filter: $filter) { airYears { year count } } durations: workoutFacets(filter: $filter) { durations { durationSeconds count } } }": typeof types.WorkoutFacetsAloneDocument,
    "query WorkoutFacetsRefused { workoutFacets(filter: { durations: [-1] }) { total } }": typeof types.WorkoutFacetsRefusedDocument,
    "query FacetInstructorsLimited { workoutFacets { instructors(limit: 2) { instructor { pelotonId } count } } }": typeof types.FacetInstructorsLimitedDocument,
    "query FacetInstructorsNone { workoutFacets { instructors(limit: 0) { count } } }": typeof types.FacetInstructorsNoneDocument,
    "query FiltersWorkouts($filter: WorkoutFilter) { workouts(filter: $filter, first: 100) { totalCount edges { node { pelotonId } } } }": typeof types.FiltersWorkoutsDocument,
    "query FiltersMatches($filter: WorkoutFilter, $first: Int) { workouts(filter: $filter, first: $first) {\n        edges { node { pelotonId } matches { position startOffsetSeconds song { pelotonId title } } } } }": typeof types.FiltersMatchesDocument,
    "query WorkoutPagesPlain($orderBy: WorkoutOrder, $filter: WorkoutFilter, $first: Int, $last: Int, $after: String, $before: String) {\n  workouts(orderBy: $orderBy, filter: $filter, first: $first, last: $last, after: $after, before: $before) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { cursor node { id: pelotonId title description discipline durationSeconds difficulty airedAt imageUrl explicit classTypes\n      instructor { id: pelotonId name imageUrl } } } } }": typeof types.WorkoutPagesPlainDocument,
    "query WorkoutPagesWithPlaylist($orderBy: WorkoutOrder, $filter: WorkoutFilter, $first: Int, $last: Int, $after: String, $before: String) {\n  workouts(orderBy: $orderBy, filter: $filter, first: $first, last: $last, after: $after, before: $before) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { cursor node { id: pelotonId title description discipline durationSeconds difficulty airedAt imageUrl explicit classTypes\n      instructor { id: pelotonId name imageUrl } playlist { position song { album { name } } } } } } }": typeof types.WorkoutPagesWithPlaylistDocument,
    "query WorkoutPagesPlaylists($orderBy: WorkoutOrder, $filter: WorkoutFilter, $first: Int, $last: Int, $after: String) {\n  workouts(orderBy: $orderBy, filter: $filter, first: $first, last: $last, after: $after) {\n    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id: pelotonId title\n      playlist { position startOffsetSeconds song { id: pelotonId title artistNames imageUrl explicit playCount } } } } } }": typeof types.WorkoutPagesPlaylistsDocument,
    "query WorkoutPagesPlaylistAlbums($orderBy: WorkoutOrder, $filter: WorkoutFilter, $first: Int, $last: Int, $after: String) {\n  workouts(orderBy: $orderBy, filter: $filter, first: $first, last: $last, after: $after) {\n    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id: pelotonId title\n      playlist { position startOffsetSeconds song { id: pelotonId title artistNames imageUrl explicit playCount album { name } } } } } } }": typeof types.WorkoutPagesPlaylistAlbumsDocument,
    "query WorkoutPagesOneClass($id: ID!) { workout(id: $id) { airedAt } }": typeof types.WorkoutPagesOneClassDocument,
    "query WorkoutPagesCountInFragment($withCount: Boolean!) {\n      workouts(first: 3) { ...WorkoutPagesTotal @include(if: $withCount) edges { node { id: pelotonId } } } }\n      fragment WorkoutPagesTotal on QueryWorkoutsConnection { ... on QueryWorkoutsConnection { totalCount } }": typeof types.WorkoutPagesCountInFragmentDocument,
    "query WorkoutPagesEndCursorOnly($orderBy: WorkoutOrder, $after: String) {\n          workouts(orderBy: $orderBy, first: 8, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id: pelotonId } } } }": typeof types.WorkoutPagesEndCursorOnlyDocument,
    "query WorkoutPagesEdgeCursorsOnly { workouts(first: 6) { edges { cursor } } }": typeof types.WorkoutPagesEdgeCursorsOnlyDocument,
    "query TrustedClasses($first: Int!) { workouts(first: $first) { totalCount edges { node { title } } } }": typeof types.TrustedClassesDocument,
    "query TrustedAvailability { workouts(first: 50) { edges { node { pelotonId available pelotonUrl } } } }": typeof types.TrustedAvailabilityDocument,
    "query TrustedRuns { ingestRuns(first: 5) { totalCount } }": typeof types.TrustedRunsDocument,
};
const documents: Documents = {
    "query SearchRanking { songs(search: \"QUOXL\", first: 10) { totalCount edges { node { id: pelotonId } } } }": types.SearchRankingDocument,
    "query RecreditedSong($song: ID!, $instructor: ID!) {\n        song(id: $song) { artistNames artists { id: pelotonId name playCount songs(first: 5) { edges { node { id: pelotonId } } } } }\n        instructor(id: $instructor) { topArtists(limit: 50) { artist { id: pelotonId } plays } } }": types.RecreditedSongDocument,
    "query PlayCountsTopArtists($id: ID!) {\n  instructor(id: $id) { topArtists(limit: 100) { plays artist { pelotonId playCount } } } }": types.PlayCountsTopArtistsDocument,
    "query PlayCountsSearch($search: String!, $first: Int!, $after: String) {\n    songs(search: $search, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { pelotonId } } } }": types.PlayCountsSearchDocument,
    "query BrowsePagesSongs($first: Int, $last: Int, $after: String, $before: String) {\n  songs(first: $first, last: $last, after: $after, before: $before) {\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id: pelotonId } } } }": types.BrowsePagesSongsDocument,
    "query BrowsePagesArtists($first: Int, $last: Int, $after: String, $before: String) {\n  artists(first: $first, last: $last, after: $after, before: $before) {\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id: pelotonId } } } }": types.BrowsePagesArtistsDocument,
    "query BrowsePagesRuns($first: Int, $last: Int, $after: String, $before: String) {\n  ingestRuns(first: $first, last: $last, after: $after, before: $before) {\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id } } } }": types.BrowsePagesRunsDocument,
    "query CatalogueWorkout($id: ID!) { workout(id: $id) { id: pelotonId title discipline durationSeconds airedAt\n          instructor { id: pelotonId name } playlist { position startOffsetSeconds song { id: pelotonId title artistNames artists { id: pelotonId name } explicit playCount } } } }": types.CatalogueWorkoutDocument,
    "query CatalogueUnknownIds { workout(id: \"nope\") { id: pelotonId } song(id: \"nope\") { id: pelotonId } instructor(id: \"nope\") { id: pelotonId } }": types.CatalogueUnknownIdsDocument,
    "query CatalogueWorkoutsPage($after: String) { workouts(first: 25, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id: pelotonId } } } }": types.CatalogueWorkoutsPageDocument,
    "query CatalogueInstructorWorkouts($id: ID!) { instructor(id: $id) { id: pelotonId name workouts(first: 100) { totalCount edges { node { id: pelotonId } } } } }": types.CatalogueInstructorWorkoutsDocument,
    "query CatalogueBadCursor { workouts(first: 10, after: \"not-a-cursor\") { edges { node { id: pelotonId } } } }": types.CatalogueBadCursorDocument,
    "query CatalogueMotorheadSongs($after: String) { songs(search: \"MOTORHEAD\", first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id: pelotonId artistNames artists { name } } } } }": types.CatalogueMotorheadSongsDocument,
    "query CatalogueSearchPage($first: Int, $last: Int, $after: String, $before: String) {\n          songs(search: \"ing\", first: $first, last: $last, after: $after, before: $before) { totalCount edges { cursor node { id: pelotonId } } } }": types.CatalogueSearchPageDocument,
    "query CatalogueSongSearch($q: String) { songs(search: $q, first: 5) { edges { node { id: pelotonId title } } } }": types.CatalogueSongSearchDocument,
    "query CatalogueArtistSongs($q: String) { songs(search: $q, first: 100) { totalCount edges { node { title artistNames playCount } } } }": types.CatalogueArtistSongsDocument,
    "query CatalogueArtistSearch { artists(search: \"motorhead\", first: 5) { totalCount edges { node { id: pelotonId name } } } }": types.CatalogueArtistSearchDocument,
    "query CatalogueShortSearch { songs(search: \" a \", first: 5) { totalCount } }": types.CatalogueShortSearchDocument,
    "query CatalogueFilteredWorkouts($filter: WorkoutFilter, $orderBy: WorkoutOrder) { workouts(filter: $filter, orderBy: $orderBy, first: 100) { totalCount edges { node { id: pelotonId } } } }": types.CatalogueFilteredWorkoutsDocument,
    "query CatalogueWorkoutsInOrder($orderBy: WorkoutOrder, $filter: WorkoutFilter, $after: String) {\n            workouts(orderBy: $orderBy, filter: $filter, first: 7, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id: pelotonId } } } }": types.CatalogueWorkoutsInOrderDocument,
    "query CatalogueWorkoutsBackwards($orderBy: WorkoutOrder, $before: String) {\n            workouts(orderBy: $orderBy, last: 6, before: $before) { pageInfo { hasPreviousPage startCursor } edges { node { id: pelotonId } } } }": types.CatalogueWorkoutsBackwardsDocument,
    "query CatalogueWorkoutsAfter($orderBy: WorkoutOrder, $after: String) { workouts(orderBy: $orderBy, first: 3, after: $after) { edges { cursor node { id: pelotonId } } } }": types.CatalogueWorkoutsAfterDocument,
    "query CatalogueWorkoutsCursors { workouts(first: 10) { edges { cursor node { id: pelotonId } } } }": types.CatalogueWorkoutsCursorsDocument,
    "query CatalogueWorkoutsBetween($after: String, $before: String) { workouts(first: 10, after: $after, before: $before) { edges { node { id: pelotonId } } } }": types.CatalogueWorkoutsBetweenDocument,
    "query CatalogueShortArtistFilter { workouts(filter: { artist: \"x\" }) { totalCount } }": types.CatalogueShortArtistFilterDocument,
    "query CatalogueSongPlays($id: ID!) { song(id: $id) { workouts(first: 100) { totalCount edges { node { id: pelotonId } } } artists { id: pelotonId name playCount songs(first: 100) { totalCount edges { node { id: pelotonId } } } } } }": types.CatalogueSongPlaysDocument,
    "query CatalogueTopArtists($id: ID!) { instructor(id: $id) { topArtists(limit: 3) { plays artist { id: pelotonId name } } } }": types.CatalogueTopArtistsDocument,
    "query CatalogueIngestion { ingestRuns(first: 10) { totalCount edges { node { id stage status processed failed total error startedAt finishedAt } } }\n         catalogueStatus { classesListed classesProcessed classesPending classesFailed songs artists } }": types.CatalogueIngestionDocument,
    "query CatalogueIngestRun($id: ID!) { ingestRun(id: $id) { id status } }": types.CatalogueIngestRunDocument,
    "query ClassFields($id: ID!) { workout(id: $id) { pelotonId discipline explicit classTypes available pelotonUrl } }": types.ClassFieldsDocument,
    "query ClassTypesOfAll { workouts(first: 20) { edges { node { pelotonId classTypes } } } }": types.ClassTypesOfAllDocument,
    "query ClassAvailability($first: Int!) { workouts(first: $first) { edges { node { available pelotonUrl } } } }": types.ClassAvailabilityDocument,
    "query InstructorBio($id: ID!) { instructor(id: $id) { name bio disciplines } }": types.InstructorBioDocument,
    "query InstructorSpotify($id: ID!) { instructor(id: $id) { name spotifyPlaylistUrl } }": types.InstructorSpotifyDocument,
    "query SongAlbum($id: ID!) { song(id: $id) { albumName album { id pelotonId name imageUrl\n          songs(first: 50) { totalCount edges { node { pelotonId album { pelotonId } } } } } } }": types.SongAlbumDocument,
    "query AlbumLookup($id: ID!) { album(id: $id) { pelotonId name } }": types.AlbumLookupDocument,
    "query CostNestedPages { songs(first: 40) { edges { node { id: pelotonId workouts(first: 2) { totalCount edges { node { id: pelotonId } } pageInfo { hasNextPage } } } } }\n        instructors(first: 10) { edges { node { id: pelotonId workouts(first: 4) { totalCount edges { node { id: pelotonId airedAt } } } } } } }": types.CostNestedPagesDocument,
    "query CostTopArtistsDetail($id: ID!) { instructor(id: $id) { id: pelotonId topArtists(limit: 5) { plays artist { id: pelotonId name } } } }": types.CostTopArtistsDetailDocument,
    "\n  mutation MutationsSync($input: SyncWorkoutsInput) { syncWorkouts(input: $input) { id stage status startedAt finishedAt processed failed total error } }\n": types.MutationsSyncDocument,
    "\n  mutation MutationsDetails($input: ProcessDetailsInput) { processDetails(input: $input) { id stage status processed failed total error } }\n": types.MutationsDetailsDocument,
    "\n  query MutationsRun($id: ID!) { ingestRun(id: $id) { id stage status startedAt finishedAt seen new processed failed total error } }\n": types.MutationsRunDocument,
    "query MutationsRuns { ingestRuns(first: 100) { totalCount edges { node { id stage status } } } }": types.MutationsRunsDocument,
    "query MutationsCatalogue { catalogueStatus { classesListed classesProcessed classesPending } workouts { totalCount } }": types.MutationsCatalogueDocument,
    "query NodeClassIds($id: ID!) { workout(id: $id) { id pelotonId instructor { id pelotonId }\n        playlist { song { id pelotonId artists { id pelotonId } album { id pelotonId } } } } }": types.NodeClassIdsDocument,
    "query NodeEach($workout: ID!, $instructor: ID!, $song: ID!, $artist: ID!, $album: ID!) {\n        workout: node(id: $workout) { __typename id ... on Workout { pelotonId } }\n        instructor: node(id: $instructor) { __typename id ... on Instructor { pelotonId } }\n        song: node(id: $song) { __typename id ... on Song { pelotonId } }\n        artist: node(id: $artist) { __typename id ... on Artist { pelotonId } }\n        album: node(id: $album) { __typename id ... on Album { pelotonId } } }": types.NodeEachDocument,
    "query NodeLookups($workout: ID!, $instructor: ID!, $song: ID!, $artist: ID!, $album: ID!) {\n        workout(id: $workout) { pelotonId } instructor(id: $instructor) { pelotonId } song(id: $song) { pelotonId }\n        artist(id: $artist) { pelotonId } album(id: $album) { pelotonId } }": types.NodeLookupsDocument,
    "query NodeWrongType($id: ID!) { song(id: $id) { pelotonId } }": types.NodeWrongTypeDocument,
    "query NodeNothing($id: ID!) { node(id: $id) { id } }": types.NodeNothingDocument,
    "query NodeNotGlobal($id: ID!) { node(id: $id) { id } }": types.NodeNotGlobalDocument,
    "query NodesMixed($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }": types.NodesMixedDocument,
    "query NodesSongs { songs(first: 20) { edges { node { id } } } }": types.NodesSongsDocument,
    "query NodesTitles($ids: [ID!]!) { nodes(ids: $ids) { ... on Song { title } } }": types.NodesTitlesDocument,
    "query NodesTooMany($ids: [ID!]!) { nodes(ids: $ids) { id } }": types.NodesTooManyDocument,
    "query QueryCountWorkouts($first: Int!) { workouts(first: $first) { totalCount\n        edges { node { id: pelotonId title instructor { id: pelotonId name } playlist { position song { id: pelotonId title artistNames albumName artists { id: pelotonId name } } } } } } }": types.QueryCountWorkoutsDocument,
    "query QueryCountSongs($search: String!, $first: Int!) { songs(search: $search, first: $first) { totalCount\n        edges { node { id: pelotonId title playCount artists { id: pelotonId name playCount } } } } }": types.QueryCountSongsDocument,
    "query QueryCountEverySong($first: Int!, $withCount: Boolean!) { songs(first: $first) { totalCount @include(if: $withCount) edges { node { id: pelotonId } } } }": types.QueryCountEverySongDocument,
    "query RunErrorsRun($id: ID!) { ingestRun(id: $id) { id status errorCode error } }": types.RunErrorsRunDocument,
    "query RunErrorsRuns { ingestRuns(first: 10) { edges { node { id status errorCode error } } } }": types.RunErrorsRunsDocument,
    "\n  subscription RunSubscriptionFollow($id: ID!) { ingestRun(id: $id) { id stage status seen new processed failed total errorCode error } }\n": types.RunSubscriptionFollowDocument,
    "query RunSubscriptionNow($id: ID!) { ingestRun(id: $id) { status errorCode error } }": types.RunSubscriptionNowDocument,
    "mutation RunSubscriptionSync($input: SyncWorkoutsInput) { syncWorkouts(input: $input) { id status } }": types.RunSubscriptionSyncDocument,
    "mutation RunSubscriptionDetails { processDetails { id status } }": types.RunSubscriptionDetailsDocument,
    "query SearchPagesSongs($search: String, $first: Int, $last: Int, $after: String, $before: String) {\n  songs(search: $search, first: $first, last: $last, after: $after, before: $before) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id: pelotonId playCount } } } }": types.SearchPagesSongsDocument,
    "query SearchPagesArtists { artists(search: \"echo\", first: 10) { totalCount edges { node { name playCount } } } }": types.SearchPagesArtistsDocument,
    "query SearchPagesPlainRows($first: Int, $last: Int, $after: String) { songs(search: \"echo\", first: $first, last: $last, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor startCursor } edges { cursor node { id: pelotonId title artistNames imageUrl explicit playCount } } } }": types.SearchPagesPlainRowsDocument,
    "query SearchPagesRowsWithAlbum($first: Int, $last: Int, $after: String) { songs(search: \"echo\", first: $first, last: $last, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor startCursor } edges { cursor node { id: pelotonId title artistNames imageUrl explicit playCount album { name } } } } }": types.SearchPagesRowsWithAlbumDocument,
    "query SearchPagesEmpty($past: String) {\n          artists(search: \"no such artist\", first: 5) { pageInfo { startCursor endCursor } }\n          allSongsPast: songs(first: 5, after: $past) { pageInfo { startCursor endCursor } }\n          noSongs: songs(first: 0) { pageInfo { startCursor endCursor } }\n          instructors(first: 5) { pageInfo { startCursor endCursor } }\n          ingestRuns(first: 5) { pageInfo { startCursor endCursor } }\n          song(id: \"song-quiet\") { workouts(first: 5) { pageInfo { startCursor endCursor } } }\n        }": types.SearchPagesEmptyDocument,
    "query SearchPagesNoWorkouts { workouts(first: 5, filter: { discipline: \"none\" }) { pageInfo { startCursor endCursor } } }": types.SearchPagesNoWorkoutsDocument,
    "query WorkoutFacetsOf($filter: WorkoutFilter) { workoutFacets(filter: $filter) {\n      total disciplines { discipline count } instructors { instructor { pelotonId name } count } durations { durationSeconds count }\n      explicit { explicit count } airYears { year count } } }": types.WorkoutFacetsOfDocument,
    "query WorkoutFacetsTotal($filter: WorkoutFilter) { workouts(filter: $filter, first: 1) { totalCount } }": types.WorkoutFacetsTotalDocument,
    "query WorkoutFacetsAlone($filter: WorkoutFilter) { total: workoutFacets(filter: $filter) { total }\n        years: workoutFacets(filter: $filter) { airYears { year count } } durations: workoutFacets(filter: $filter) { durations { durationSeconds count } } }": types.WorkoutFacetsAloneDocument,
    "query WorkoutFacetsRefused { workoutFacets(filter: { durations: [-1] }) { total } }": types.WorkoutFacetsRefusedDocument,
    "query FacetInstructorsLimited { workoutFacets { instructors(limit: 2) { instructor { pelotonId } count } } }": types.FacetInstructorsLimitedDocument,
    "query FacetInstructorsNone { workoutFacets { instructors(limit: 0) { count } } }": types.FacetInstructorsNoneDocument,
    "query FiltersWorkouts($filter: WorkoutFilter) { workouts(filter: $filter, first: 100) { totalCount edges { node { pelotonId } } } }": types.FiltersWorkoutsDocument,
    "query FiltersMatches($filter: WorkoutFilter, $first: Int) { workouts(filter: $filter, first: $first) {\n        edges { node { pelotonId } matches { position startOffsetSeconds song { pelotonId title } } } } }": types.FiltersMatchesDocument,
    "query WorkoutPagesPlain($orderBy: WorkoutOrder, $filter: WorkoutFilter, $first: Int, $last: Int, $after: String, $before: String) {\n  workouts(orderBy: $orderBy, filter: $filter, first: $first, last: $last, after: $after, before: $before) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { cursor node { id: pelotonId title description discipline durationSeconds difficulty airedAt imageUrl explicit classTypes\n      instructor { id: pelotonId name imageUrl } } } } }": types.WorkoutPagesPlainDocument,
    "query WorkoutPagesWithPlaylist($orderBy: WorkoutOrder, $filter: WorkoutFilter, $first: Int, $last: Int, $after: String, $before: String) {\n  workouts(orderBy: $orderBy, filter: $filter, first: $first, last: $last, after: $after, before: $before) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { cursor node { id: pelotonId title description discipline durationSeconds difficulty airedAt imageUrl explicit classTypes\n      instructor { id: pelotonId name imageUrl } playlist { position song { album { name } } } } } } }": types.WorkoutPagesWithPlaylistDocument,
    "query WorkoutPagesPlaylists($orderBy: WorkoutOrder, $filter: WorkoutFilter, $first: Int, $last: Int, $after: String) {\n  workouts(orderBy: $orderBy, filter: $filter, first: $first, last: $last, after: $after) {\n    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id: pelotonId title\n      playlist { position startOffsetSeconds song { id: pelotonId title artistNames imageUrl explicit playCount } } } } } }": types.WorkoutPagesPlaylistsDocument,
    "query WorkoutPagesPlaylistAlbums($orderBy: WorkoutOrder, $filter: WorkoutFilter, $first: Int, $last: Int, $after: String) {\n  workouts(orderBy: $orderBy, filter: $filter, first: $first, last: $last, after: $after) {\n    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id: pelotonId title\n      playlist { position startOffsetSeconds song { id: pelotonId title artistNames imageUrl explicit playCount album { name } } } } } } }": types.WorkoutPagesPlaylistAlbumsDocument,
    "query WorkoutPagesOneClass($id: ID!) { workout(id: $id) { airedAt } }": types.WorkoutPagesOneClassDocument,
    "query WorkoutPagesCountInFragment($withCount: Boolean!) {\n      workouts(first: 3) { ...WorkoutPagesTotal @include(if: $withCount) edges { node { id: pelotonId } } } }\n      fragment WorkoutPagesTotal on QueryWorkoutsConnection { ... on QueryWorkoutsConnection { totalCount } }": types.WorkoutPagesCountInFragmentDocument,
    "query WorkoutPagesEndCursorOnly($orderBy: WorkoutOrder, $after: String) {\n          workouts(orderBy: $orderBy, first: 8, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id: pelotonId } } } }": types.WorkoutPagesEndCursorOnlyDocument,
    "query WorkoutPagesEdgeCursorsOnly { workouts(first: 6) { edges { cursor } } }": types.WorkoutPagesEdgeCursorsOnlyDocument,
    "query TrustedClasses($first: Int!) { workouts(first: $first) { totalCount edges { node { title } } } }": types.TrustedClassesDocument,
    "query TrustedAvailability { workouts(first: 50) { edges { node { pelotonId available pelotonUrl } } } }": types.TrustedAvailabilityDocument,
    "query TrustedRuns { ingestRuns(first: 5) { totalCount } }": types.TrustedRunsDocument,
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
export function graphql(source: "query SearchRanking { songs(search: \"QUOXL\", first: 10) { totalCount edges { node { id: pelotonId } } } }"): (typeof documents)["query SearchRanking { songs(search: \"QUOXL\", first: 10) { totalCount edges { node { id: pelotonId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecreditedSong($song: ID!, $instructor: ID!) {\n        song(id: $song) { artistNames artists { id: pelotonId name playCount songs(first: 5) { edges { node { id: pelotonId } } } } }\n        instructor(id: $instructor) { topArtists(limit: 50) { artist { id: pelotonId } plays } } }"): (typeof documents)["query RecreditedSong($song: ID!, $instructor: ID!) {\n        song(id: $song) { artistNames artists { id: pelotonId name playCount songs(first: 5) { edges { node { id: pelotonId } } } } }\n        instructor(id: $instructor) { topArtists(limit: 50) { artist { id: pelotonId } plays } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PlayCountsTopArtists($id: ID!) {\n  instructor(id: $id) { topArtists(limit: 100) { plays artist { pelotonId playCount } } } }"): (typeof documents)["query PlayCountsTopArtists($id: ID!) {\n  instructor(id: $id) { topArtists(limit: 100) { plays artist { pelotonId playCount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PlayCountsSearch($search: String!, $first: Int!, $after: String) {\n    songs(search: $search, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { pelotonId } } } }"): (typeof documents)["query PlayCountsSearch($search: String!, $first: Int!, $after: String) {\n    songs(search: $search, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { pelotonId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BrowsePagesSongs($first: Int, $last: Int, $after: String, $before: String) {\n  songs(first: $first, last: $last, after: $after, before: $before) {\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id: pelotonId } } } }"): (typeof documents)["query BrowsePagesSongs($first: Int, $last: Int, $after: String, $before: String) {\n  songs(first: $first, last: $last, after: $after, before: $before) {\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id: pelotonId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BrowsePagesArtists($first: Int, $last: Int, $after: String, $before: String) {\n  artists(first: $first, last: $last, after: $after, before: $before) {\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id: pelotonId } } } }"): (typeof documents)["query BrowsePagesArtists($first: Int, $last: Int, $after: String, $before: String) {\n  artists(first: $first, last: $last, after: $after, before: $before) {\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id: pelotonId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BrowsePagesRuns($first: Int, $last: Int, $after: String, $before: String) {\n  ingestRuns(first: $first, last: $last, after: $after, before: $before) {\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id } } } }"): (typeof documents)["query BrowsePagesRuns($first: Int, $last: Int, $after: String, $before: String) {\n  ingestRuns(first: $first, last: $last, after: $after, before: $before) {\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueWorkout($id: ID!) { workout(id: $id) { id: pelotonId title discipline durationSeconds airedAt\n          instructor { id: pelotonId name } playlist { position startOffsetSeconds song { id: pelotonId title artistNames artists { id: pelotonId name } explicit playCount } } } }"): (typeof documents)["query CatalogueWorkout($id: ID!) { workout(id: $id) { id: pelotonId title discipline durationSeconds airedAt\n          instructor { id: pelotonId name } playlist { position startOffsetSeconds song { id: pelotonId title artistNames artists { id: pelotonId name } explicit playCount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueUnknownIds { workout(id: \"nope\") { id: pelotonId } song(id: \"nope\") { id: pelotonId } instructor(id: \"nope\") { id: pelotonId } }"): (typeof documents)["query CatalogueUnknownIds { workout(id: \"nope\") { id: pelotonId } song(id: \"nope\") { id: pelotonId } instructor(id: \"nope\") { id: pelotonId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueWorkoutsPage($after: String) { workouts(first: 25, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id: pelotonId } } } }"): (typeof documents)["query CatalogueWorkoutsPage($after: String) { workouts(first: 25, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id: pelotonId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueInstructorWorkouts($id: ID!) { instructor(id: $id) { id: pelotonId name workouts(first: 100) { totalCount edges { node { id: pelotonId } } } } }"): (typeof documents)["query CatalogueInstructorWorkouts($id: ID!) { instructor(id: $id) { id: pelotonId name workouts(first: 100) { totalCount edges { node { id: pelotonId } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueBadCursor { workouts(first: 10, after: \"not-a-cursor\") { edges { node { id: pelotonId } } } }"): (typeof documents)["query CatalogueBadCursor { workouts(first: 10, after: \"not-a-cursor\") { edges { node { id: pelotonId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueMotorheadSongs($after: String) { songs(search: \"MOTORHEAD\", first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id: pelotonId artistNames artists { name } } } } }"): (typeof documents)["query CatalogueMotorheadSongs($after: String) { songs(search: \"MOTORHEAD\", first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id: pelotonId artistNames artists { name } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueSearchPage($first: Int, $last: Int, $after: String, $before: String) {\n          songs(search: \"ing\", first: $first, last: $last, after: $after, before: $before) { totalCount edges { cursor node { id: pelotonId } } } }"): (typeof documents)["query CatalogueSearchPage($first: Int, $last: Int, $after: String, $before: String) {\n          songs(search: \"ing\", first: $first, last: $last, after: $after, before: $before) { totalCount edges { cursor node { id: pelotonId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueSongSearch($q: String) { songs(search: $q, first: 5) { edges { node { id: pelotonId title } } } }"): (typeof documents)["query CatalogueSongSearch($q: String) { songs(search: $q, first: 5) { edges { node { id: pelotonId title } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueArtistSongs($q: String) { songs(search: $q, first: 100) { totalCount edges { node { title artistNames playCount } } } }"): (typeof documents)["query CatalogueArtistSongs($q: String) { songs(search: $q, first: 100) { totalCount edges { node { title artistNames playCount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueArtistSearch { artists(search: \"motorhead\", first: 5) { totalCount edges { node { id: pelotonId name } } } }"): (typeof documents)["query CatalogueArtistSearch { artists(search: \"motorhead\", first: 5) { totalCount edges { node { id: pelotonId name } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueShortSearch { songs(search: \" a \", first: 5) { totalCount } }"): (typeof documents)["query CatalogueShortSearch { songs(search: \" a \", first: 5) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueFilteredWorkouts($filter: WorkoutFilter, $orderBy: WorkoutOrder) { workouts(filter: $filter, orderBy: $orderBy, first: 100) { totalCount edges { node { id: pelotonId } } } }"): (typeof documents)["query CatalogueFilteredWorkouts($filter: WorkoutFilter, $orderBy: WorkoutOrder) { workouts(filter: $filter, orderBy: $orderBy, first: 100) { totalCount edges { node { id: pelotonId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueWorkoutsInOrder($orderBy: WorkoutOrder, $filter: WorkoutFilter, $after: String) {\n            workouts(orderBy: $orderBy, filter: $filter, first: 7, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id: pelotonId } } } }"): (typeof documents)["query CatalogueWorkoutsInOrder($orderBy: WorkoutOrder, $filter: WorkoutFilter, $after: String) {\n            workouts(orderBy: $orderBy, filter: $filter, first: 7, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id: pelotonId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueWorkoutsBackwards($orderBy: WorkoutOrder, $before: String) {\n            workouts(orderBy: $orderBy, last: 6, before: $before) { pageInfo { hasPreviousPage startCursor } edges { node { id: pelotonId } } } }"): (typeof documents)["query CatalogueWorkoutsBackwards($orderBy: WorkoutOrder, $before: String) {\n            workouts(orderBy: $orderBy, last: 6, before: $before) { pageInfo { hasPreviousPage startCursor } edges { node { id: pelotonId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueWorkoutsAfter($orderBy: WorkoutOrder, $after: String) { workouts(orderBy: $orderBy, first: 3, after: $after) { edges { cursor node { id: pelotonId } } } }"): (typeof documents)["query CatalogueWorkoutsAfter($orderBy: WorkoutOrder, $after: String) { workouts(orderBy: $orderBy, first: 3, after: $after) { edges { cursor node { id: pelotonId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueWorkoutsCursors { workouts(first: 10) { edges { cursor node { id: pelotonId } } } }"): (typeof documents)["query CatalogueWorkoutsCursors { workouts(first: 10) { edges { cursor node { id: pelotonId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueWorkoutsBetween($after: String, $before: String) { workouts(first: 10, after: $after, before: $before) { edges { node { id: pelotonId } } } }"): (typeof documents)["query CatalogueWorkoutsBetween($after: String, $before: String) { workouts(first: 10, after: $after, before: $before) { edges { node { id: pelotonId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueShortArtistFilter { workouts(filter: { artist: \"x\" }) { totalCount } }"): (typeof documents)["query CatalogueShortArtistFilter { workouts(filter: { artist: \"x\" }) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueSongPlays($id: ID!) { song(id: $id) { workouts(first: 100) { totalCount edges { node { id: pelotonId } } } artists { id: pelotonId name playCount songs(first: 100) { totalCount edges { node { id: pelotonId } } } } } }"): (typeof documents)["query CatalogueSongPlays($id: ID!) { song(id: $id) { workouts(first: 100) { totalCount edges { node { id: pelotonId } } } artists { id: pelotonId name playCount songs(first: 100) { totalCount edges { node { id: pelotonId } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogueTopArtists($id: ID!) { instructor(id: $id) { topArtists(limit: 3) { plays artist { id: pelotonId name } } } }"): (typeof documents)["query CatalogueTopArtists($id: ID!) { instructor(id: $id) { topArtists(limit: 3) { plays artist { id: pelotonId name } } } }"];
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
export function graphql(source: "query ClassFields($id: ID!) { workout(id: $id) { pelotonId discipline explicit classTypes available pelotonUrl } }"): (typeof documents)["query ClassFields($id: ID!) { workout(id: $id) { pelotonId discipline explicit classTypes available pelotonUrl } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ClassTypesOfAll { workouts(first: 20) { edges { node { pelotonId classTypes } } } }"): (typeof documents)["query ClassTypesOfAll { workouts(first: 20) { edges { node { pelotonId classTypes } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ClassAvailability($first: Int!) { workouts(first: $first) { edges { node { available pelotonUrl } } } }"): (typeof documents)["query ClassAvailability($first: Int!) { workouts(first: $first) { edges { node { available pelotonUrl } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InstructorBio($id: ID!) { instructor(id: $id) { name bio disciplines } }"): (typeof documents)["query InstructorBio($id: ID!) { instructor(id: $id) { name bio disciplines } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InstructorSpotify($id: ID!) { instructor(id: $id) { name spotifyPlaylistUrl } }"): (typeof documents)["query InstructorSpotify($id: ID!) { instructor(id: $id) { name spotifyPlaylistUrl } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SongAlbum($id: ID!) { song(id: $id) { albumName album { id pelotonId name imageUrl\n          songs(first: 50) { totalCount edges { node { pelotonId album { pelotonId } } } } } } }"): (typeof documents)["query SongAlbum($id: ID!) { song(id: $id) { albumName album { id pelotonId name imageUrl\n          songs(first: 50) { totalCount edges { node { pelotonId album { pelotonId } } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AlbumLookup($id: ID!) { album(id: $id) { pelotonId name } }"): (typeof documents)["query AlbumLookup($id: ID!) { album(id: $id) { pelotonId name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CostNestedPages { songs(first: 40) { edges { node { id: pelotonId workouts(first: 2) { totalCount edges { node { id: pelotonId } } pageInfo { hasNextPage } } } } }\n        instructors(first: 10) { edges { node { id: pelotonId workouts(first: 4) { totalCount edges { node { id: pelotonId airedAt } } } } } } }"): (typeof documents)["query CostNestedPages { songs(first: 40) { edges { node { id: pelotonId workouts(first: 2) { totalCount edges { node { id: pelotonId } } pageInfo { hasNextPage } } } } }\n        instructors(first: 10) { edges { node { id: pelotonId workouts(first: 4) { totalCount edges { node { id: pelotonId airedAt } } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CostTopArtistsDetail($id: ID!) { instructor(id: $id) { id: pelotonId topArtists(limit: 5) { plays artist { id: pelotonId name } } } }"): (typeof documents)["query CostTopArtistsDetail($id: ID!) { instructor(id: $id) { id: pelotonId topArtists(limit: 5) { plays artist { id: pelotonId name } } } }"];
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
export function graphql(source: "query NodeClassIds($id: ID!) { workout(id: $id) { id pelotonId instructor { id pelotonId }\n        playlist { song { id pelotonId artists { id pelotonId } album { id pelotonId } } } } }"): (typeof documents)["query NodeClassIds($id: ID!) { workout(id: $id) { id pelotonId instructor { id pelotonId }\n        playlist { song { id pelotonId artists { id pelotonId } album { id pelotonId } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeEach($workout: ID!, $instructor: ID!, $song: ID!, $artist: ID!, $album: ID!) {\n        workout: node(id: $workout) { __typename id ... on Workout { pelotonId } }\n        instructor: node(id: $instructor) { __typename id ... on Instructor { pelotonId } }\n        song: node(id: $song) { __typename id ... on Song { pelotonId } }\n        artist: node(id: $artist) { __typename id ... on Artist { pelotonId } }\n        album: node(id: $album) { __typename id ... on Album { pelotonId } } }"): (typeof documents)["query NodeEach($workout: ID!, $instructor: ID!, $song: ID!, $artist: ID!, $album: ID!) {\n        workout: node(id: $workout) { __typename id ... on Workout { pelotonId } }\n        instructor: node(id: $instructor) { __typename id ... on Instructor { pelotonId } }\n        song: node(id: $song) { __typename id ... on Song { pelotonId } }\n        artist: node(id: $artist) { __typename id ... on Artist { pelotonId } }\n        album: node(id: $album) { __typename id ... on Album { pelotonId } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeLookups($workout: ID!, $instructor: ID!, $song: ID!, $artist: ID!, $album: ID!) {\n        workout(id: $workout) { pelotonId } instructor(id: $instructor) { pelotonId } song(id: $song) { pelotonId }\n        artist(id: $artist) { pelotonId } album(id: $album) { pelotonId } }"): (typeof documents)["query NodeLookups($workout: ID!, $instructor: ID!, $song: ID!, $artist: ID!, $album: ID!) {\n        workout(id: $workout) { pelotonId } instructor(id: $instructor) { pelotonId } song(id: $song) { pelotonId }\n        artist(id: $artist) { pelotonId } album(id: $album) { pelotonId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeWrongType($id: ID!) { song(id: $id) { pelotonId } }"): (typeof documents)["query NodeWrongType($id: ID!) { song(id: $id) { pelotonId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeNothing($id: ID!) { node(id: $id) { id } }"): (typeof documents)["query NodeNothing($id: ID!) { node(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeNotGlobal($id: ID!) { node(id: $id) { id } }"): (typeof documents)["query NodeNotGlobal($id: ID!) { node(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodesMixed($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"): (typeof documents)["query NodesMixed($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodesSongs { songs(first: 20) { edges { node { id } } } }"): (typeof documents)["query NodesSongs { songs(first: 20) { edges { node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodesTitles($ids: [ID!]!) { nodes(ids: $ids) { ... on Song { title } } }"): (typeof documents)["query NodesTitles($ids: [ID!]!) { nodes(ids: $ids) { ... on Song { title } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodesTooMany($ids: [ID!]!) { nodes(ids: $ids) { id } }"): (typeof documents)["query NodesTooMany($ids: [ID!]!) { nodes(ids: $ids) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QueryCountWorkouts($first: Int!) { workouts(first: $first) { totalCount\n        edges { node { id: pelotonId title instructor { id: pelotonId name } playlist { position song { id: pelotonId title artistNames albumName artists { id: pelotonId name } } } } } } }"): (typeof documents)["query QueryCountWorkouts($first: Int!) { workouts(first: $first) { totalCount\n        edges { node { id: pelotonId title instructor { id: pelotonId name } playlist { position song { id: pelotonId title artistNames albumName artists { id: pelotonId name } } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QueryCountSongs($search: String!, $first: Int!) { songs(search: $search, first: $first) { totalCount\n        edges { node { id: pelotonId title playCount artists { id: pelotonId name playCount } } } } }"): (typeof documents)["query QueryCountSongs($search: String!, $first: Int!) { songs(search: $search, first: $first) { totalCount\n        edges { node { id: pelotonId title playCount artists { id: pelotonId name playCount } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QueryCountEverySong($first: Int!, $withCount: Boolean!) { songs(first: $first) { totalCount @include(if: $withCount) edges { node { id: pelotonId } } } }"): (typeof documents)["query QueryCountEverySong($first: Int!, $withCount: Boolean!) { songs(first: $first) { totalCount @include(if: $withCount) edges { node { id: pelotonId } } } }"];
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
export function graphql(source: "query SearchPagesSongs($search: String, $first: Int, $last: Int, $after: String, $before: String) {\n  songs(search: $search, first: $first, last: $last, after: $after, before: $before) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id: pelotonId playCount } } } }"): (typeof documents)["query SearchPagesSongs($search: String, $first: Int, $last: Int, $after: String, $before: String) {\n  songs(search: $search, first: $first, last: $last, after: $after, before: $before) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id: pelotonId playCount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchPagesArtists { artists(search: \"echo\", first: 10) { totalCount edges { node { name playCount } } } }"): (typeof documents)["query SearchPagesArtists { artists(search: \"echo\", first: 10) { totalCount edges { node { name playCount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchPagesPlainRows($first: Int, $last: Int, $after: String) { songs(search: \"echo\", first: $first, last: $last, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor startCursor } edges { cursor node { id: pelotonId title artistNames imageUrl explicit playCount } } } }"): (typeof documents)["query SearchPagesPlainRows($first: Int, $last: Int, $after: String) { songs(search: \"echo\", first: $first, last: $last, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor startCursor } edges { cursor node { id: pelotonId title artistNames imageUrl explicit playCount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchPagesRowsWithAlbum($first: Int, $last: Int, $after: String) { songs(search: \"echo\", first: $first, last: $last, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor startCursor } edges { cursor node { id: pelotonId title artistNames imageUrl explicit playCount album { name } } } } }"): (typeof documents)["query SearchPagesRowsWithAlbum($first: Int, $last: Int, $after: String) { songs(search: \"echo\", first: $first, last: $last, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor startCursor } edges { cursor node { id: pelotonId title artistNames imageUrl explicit playCount album { name } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchPagesEmpty($past: String) {\n          artists(search: \"no such artist\", first: 5) { pageInfo { startCursor endCursor } }\n          allSongsPast: songs(first: 5, after: $past) { pageInfo { startCursor endCursor } }\n          noSongs: songs(first: 0) { pageInfo { startCursor endCursor } }\n          instructors(first: 5) { pageInfo { startCursor endCursor } }\n          ingestRuns(first: 5) { pageInfo { startCursor endCursor } }\n          song(id: \"song-quiet\") { workouts(first: 5) { pageInfo { startCursor endCursor } } }\n        }"): (typeof documents)["query SearchPagesEmpty($past: String) {\n          artists(search: \"no such artist\", first: 5) { pageInfo { startCursor endCursor } }\n          allSongsPast: songs(first: 5, after: $past) { pageInfo { startCursor endCursor } }\n          noSongs: songs(first: 0) { pageInfo { startCursor endCursor } }\n          instructors(first: 5) { pageInfo { startCursor endCursor } }\n          ingestRuns(first: 5) { pageInfo { startCursor endCursor } }\n          song(id: \"song-quiet\") { workouts(first: 5) { pageInfo { startCursor endCursor } } }\n        }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchPagesNoWorkouts { workouts(first: 5, filter: { discipline: \"none\" }) { pageInfo { startCursor endCursor } } }"): (typeof documents)["query SearchPagesNoWorkouts { workouts(first: 5, filter: { discipline: \"none\" }) { pageInfo { startCursor endCursor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorkoutFacetsOf($filter: WorkoutFilter) { workoutFacets(filter: $filter) {\n      total disciplines { discipline count } instructors { instructor { pelotonId name } count } durations { durationSeconds count }\n      explicit { explicit count } airYears { year count } } }"): (typeof documents)["query WorkoutFacetsOf($filter: WorkoutFilter) { workoutFacets(filter: $filter) {\n      total disciplines { discipline count } instructors { instructor { pelotonId name } count } durations { durationSeconds count }\n      explicit { explicit count } airYears { year count } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorkoutFacetsTotal($filter: WorkoutFilter) { workouts(filter: $filter, first: 1) { totalCount } }"): (typeof documents)["query WorkoutFacetsTotal($filter: WorkoutFilter) { workouts(filter: $filter, first: 1) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorkoutFacetsAlone($filter: WorkoutFilter) { total: workoutFacets(filter: $filter) { total }\n        years: workoutFacets(filter: $filter) { airYears { year count } } durations: workoutFacets(filter: $filter) { durations { durationSeconds count } } }"): (typeof documents)["query WorkoutFacetsAlone($filter: WorkoutFilter) { total: workoutFacets(filter: $filter) { total }\n        years: workoutFacets(filter: $filter) { airYears { year count } } durations: workoutFacets(filter: $filter) { durations { durationSeconds count } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorkoutFacetsRefused { workoutFacets(filter: { durations: [-1] }) { total } }"): (typeof documents)["query WorkoutFacetsRefused { workoutFacets(filter: { durations: [-1] }) { total } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FacetInstructorsLimited { workoutFacets { instructors(limit: 2) { instructor { pelotonId } count } } }"): (typeof documents)["query FacetInstructorsLimited { workoutFacets { instructors(limit: 2) { instructor { pelotonId } count } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FacetInstructorsNone { workoutFacets { instructors(limit: 0) { count } } }"): (typeof documents)["query FacetInstructorsNone { workoutFacets { instructors(limit: 0) { count } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FiltersWorkouts($filter: WorkoutFilter) { workouts(filter: $filter, first: 100) { totalCount edges { node { pelotonId } } } }"): (typeof documents)["query FiltersWorkouts($filter: WorkoutFilter) { workouts(filter: $filter, first: 100) { totalCount edges { node { pelotonId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FiltersMatches($filter: WorkoutFilter, $first: Int) { workouts(filter: $filter, first: $first) {\n        edges { node { pelotonId } matches { position startOffsetSeconds song { pelotonId title } } } } }"): (typeof documents)["query FiltersMatches($filter: WorkoutFilter, $first: Int) { workouts(filter: $filter, first: $first) {\n        edges { node { pelotonId } matches { position startOffsetSeconds song { pelotonId title } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorkoutPagesPlain($orderBy: WorkoutOrder, $filter: WorkoutFilter, $first: Int, $last: Int, $after: String, $before: String) {\n  workouts(orderBy: $orderBy, filter: $filter, first: $first, last: $last, after: $after, before: $before) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { cursor node { id: pelotonId title description discipline durationSeconds difficulty airedAt imageUrl explicit classTypes\n      instructor { id: pelotonId name imageUrl } } } } }"): (typeof documents)["query WorkoutPagesPlain($orderBy: WorkoutOrder, $filter: WorkoutFilter, $first: Int, $last: Int, $after: String, $before: String) {\n  workouts(orderBy: $orderBy, filter: $filter, first: $first, last: $last, after: $after, before: $before) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { cursor node { id: pelotonId title description discipline durationSeconds difficulty airedAt imageUrl explicit classTypes\n      instructor { id: pelotonId name imageUrl } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorkoutPagesWithPlaylist($orderBy: WorkoutOrder, $filter: WorkoutFilter, $first: Int, $last: Int, $after: String, $before: String) {\n  workouts(orderBy: $orderBy, filter: $filter, first: $first, last: $last, after: $after, before: $before) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { cursor node { id: pelotonId title description discipline durationSeconds difficulty airedAt imageUrl explicit classTypes\n      instructor { id: pelotonId name imageUrl } playlist { position song { album { name } } } } } } }"): (typeof documents)["query WorkoutPagesWithPlaylist($orderBy: WorkoutOrder, $filter: WorkoutFilter, $first: Int, $last: Int, $after: String, $before: String) {\n  workouts(orderBy: $orderBy, filter: $filter, first: $first, last: $last, after: $after, before: $before) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { cursor node { id: pelotonId title description discipline durationSeconds difficulty airedAt imageUrl explicit classTypes\n      instructor { id: pelotonId name imageUrl } playlist { position song { album { name } } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorkoutPagesPlaylists($orderBy: WorkoutOrder, $filter: WorkoutFilter, $first: Int, $last: Int, $after: String) {\n  workouts(orderBy: $orderBy, filter: $filter, first: $first, last: $last, after: $after) {\n    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id: pelotonId title\n      playlist { position startOffsetSeconds song { id: pelotonId title artistNames imageUrl explicit playCount } } } } } }"): (typeof documents)["query WorkoutPagesPlaylists($orderBy: WorkoutOrder, $filter: WorkoutFilter, $first: Int, $last: Int, $after: String) {\n  workouts(orderBy: $orderBy, filter: $filter, first: $first, last: $last, after: $after) {\n    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id: pelotonId title\n      playlist { position startOffsetSeconds song { id: pelotonId title artistNames imageUrl explicit playCount } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorkoutPagesPlaylistAlbums($orderBy: WorkoutOrder, $filter: WorkoutFilter, $first: Int, $last: Int, $after: String) {\n  workouts(orderBy: $orderBy, filter: $filter, first: $first, last: $last, after: $after) {\n    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id: pelotonId title\n      playlist { position startOffsetSeconds song { id: pelotonId title artistNames imageUrl explicit playCount album { name } } } } } } }"): (typeof documents)["query WorkoutPagesPlaylistAlbums($orderBy: WorkoutOrder, $filter: WorkoutFilter, $first: Int, $last: Int, $after: String) {\n  workouts(orderBy: $orderBy, filter: $filter, first: $first, last: $last, after: $after) {\n    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id: pelotonId title\n      playlist { position startOffsetSeconds song { id: pelotonId title artistNames imageUrl explicit playCount album { name } } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorkoutPagesOneClass($id: ID!) { workout(id: $id) { airedAt } }"): (typeof documents)["query WorkoutPagesOneClass($id: ID!) { workout(id: $id) { airedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorkoutPagesCountInFragment($withCount: Boolean!) {\n      workouts(first: 3) { ...WorkoutPagesTotal @include(if: $withCount) edges { node { id: pelotonId } } } }\n      fragment WorkoutPagesTotal on QueryWorkoutsConnection { ... on QueryWorkoutsConnection { totalCount } }"): (typeof documents)["query WorkoutPagesCountInFragment($withCount: Boolean!) {\n      workouts(first: 3) { ...WorkoutPagesTotal @include(if: $withCount) edges { node { id: pelotonId } } } }\n      fragment WorkoutPagesTotal on QueryWorkoutsConnection { ... on QueryWorkoutsConnection { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorkoutPagesEndCursorOnly($orderBy: WorkoutOrder, $after: String) {\n          workouts(orderBy: $orderBy, first: 8, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id: pelotonId } } } }"): (typeof documents)["query WorkoutPagesEndCursorOnly($orderBy: WorkoutOrder, $after: String) {\n          workouts(orderBy: $orderBy, first: 8, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id: pelotonId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorkoutPagesEdgeCursorsOnly { workouts(first: 6) { edges { cursor } } }"): (typeof documents)["query WorkoutPagesEdgeCursorsOnly { workouts(first: 6) { edges { cursor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TrustedClasses($first: Int!) { workouts(first: $first) { totalCount edges { node { title } } } }"): (typeof documents)["query TrustedClasses($first: Int!) { workouts(first: $first) { totalCount edges { node { title } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TrustedAvailability { workouts(first: 50) { edges { node { pelotonId available pelotonUrl } } } }"): (typeof documents)["query TrustedAvailability { workouts(first: 50) { edges { node { pelotonId available pelotonUrl } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TrustedRuns { ingestRuns(first: 5) { totalCount } }"): (typeof documents)["query TrustedRuns { ingestRuns(first: 5) { totalCount } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;