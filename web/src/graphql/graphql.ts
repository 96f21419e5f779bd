/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type WebSearchQueryVariables = Exact<{
  search: string;
}>;


export type WebSearchQuery = { artists: { totalCount: number, edges: Array<{ node: { id: string, name: string, playCount: number } }> }, songs: { totalCount: number, edges: Array<{ node: { id: string, title: string, artistNames: string, playCount: number } }> } };

export type WebClassesByArtistQueryVariables = Exact<{
  artist: string;
  after?: string | null | undefined;
}>;


export type WebClassesByArtistQuery = { workouts: { totalCount: number, edges: Array<{ node: { id: string, title: string, discipline: string | null, durationSeconds: number | null, airedAt: string | null, pelotonUrl: string | null, instructor: { name: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };


export const WebSearchDocument = {"__meta__":{"hash":"sha256:708478590ea95ceff1ac5dd4a79cdeaa85bea647040e6bb98abe2b21d7a5b6c4"}} as unknown as DocumentNode<WebSearchQuery, WebSearchQueryVariables>;
export const WebClassesByArtistDocument = {"__meta__":{"hash":"sha256:f84490980ac1c3094b418804ec2fdce53e65acac77378fa534dc0ee7a09423cc"}} as unknown as DocumentNode<WebClassesByArtistQuery, WebClassesByArtistQueryVariables>;