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
    "\n  query WebSearch($search: String!) {\n    artists(search: $search, first: 5) { totalCount edges { node { id name playCount } } }\n    songs(search: $search, first: 10) { totalCount edges { node { id title artistNames playCount } } }\n  }\n": typeof types.WebSearchDocument,
    "\n  query WebClassesByArtist($artist: String!, $after: String) {\n    workouts(filter: { artist: $artist }, first: 20, after: $after) {\n      totalCount\n      edges { node { id title discipline durationSeconds airedAt instructor { name } pelotonUrl } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.WebClassesByArtistDocument,
};
const documents: Documents = {
    "\n  query WebSearch($search: String!) {\n    artists(search: $search, first: 5) { totalCount edges { node { id name playCount } } }\n    songs(search: $search, first: 10) { totalCount edges { node { id title artistNames playCount } } }\n  }\n": types.WebSearchDocument,
    "\n  query WebClassesByArtist($artist: String!, $after: String) {\n    workouts(filter: { artist: $artist }, first: 20, after: $after) {\n      totalCount\n      edges { node { id title discipline durationSeconds airedAt instructor { name } pelotonUrl } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.WebClassesByArtistDocument,
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
export function graphql(source: "\n  query WebSearch($search: String!) {\n    artists(search: $search, first: 5) { totalCount edges { node { id name playCount } } }\n    songs(search: $search, first: 10) { totalCount edges { node { id title artistNames playCount } } }\n  }\n"): (typeof documents)["\n  query WebSearch($search: String!) {\n    artists(search: $search, first: 5) { totalCount edges { node { id name playCount } } }\n    songs(search: $search, first: 10) { totalCount edges { node { id title artistNames playCount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebClassesByArtist($artist: String!, $after: String) {\n    workouts(filter: { artist: $artist }, first: 20, after: $after) {\n      totalCount\n      edges { node { id title discipline durationSeconds airedAt instructor { name } pelotonUrl } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query WebClassesByArtist($artist: String!, $after: String) {\n    workouts(filter: { artist: $artist }, first: 20, after: $after) {\n      totalCount\n      edges { node { id title discipline durationSeconds airedAt instructor { name } pelotonUrl } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;