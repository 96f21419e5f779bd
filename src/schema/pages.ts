// Pages of lists. A page of each parent's list (an instructor's classes, a song's classes, an artist's
// songs) for every parent of a request at once: the pages' ids ranked and their rows with what the query
// selects in one statement (or the rows in a second, through Prisma, for a selection the hand-written
// reads do not cover). Never one statement per parent, and never Prisma's nested
// relation, which builds the selection of every row of the list before it cuts the page. And a cursor
// connection whose cursors are made only when read.
import { parseCursorConnectionArgs } from "@pothos/core";
import type { DefaultConnectionArguments } from "@pothos/plugin-relay";
import { GraphQLIncludeDirective, type GraphQLResolveInfo, GraphQLSkipDirective, getDirectiveValues, Kind, type SelectionSetNode } from "graphql";
import { sqlReaderOf } from "../db";
import type { Prisma } from "../db/generated/detailed/client";
import { type PlainModel, parentColumn, plainRanked, totalColumn } from "../db/plain-reads";
import { pageSize } from "./builder";
import type { Context } from "./context";
import { rowsByIds } from "./rows";

/** What Pothos' prismaConnection asks of a page: its size (first + 1, negative for last), an offset, a cursor, and the selection. */
export interface PageQuery {
  take: number;
  skip?: number;
  cursor?: object;
}

export interface ChildList<Row, Query extends PageQuery> {
  /** what the rows are */
  model: PlainModel;
  /** the statement of the ids of each parent's rows ranked `from` (exclusive) `to` (inclusive), as { parent_id, id, rank, total }: total, the parent's whole list's length */
  ranked(parentIds: string[], from: number, to: number): Prisma.Sql;
  /** one parent's page after a cursor, or its last rows: Prisma's own paging (rare: a client paging one list) */
  onePage(page: Pick<Query, "take" | "skip" | "cursor">): Promise<{ id: string }[]>;
  /** the rows of these ids, with the selection, through Prisma (when plainReader does not read that selection) */
  rows(ids: string[], selection: Omit<Query, "take" | "skip" | "cursor">): Promise<Row[]>;
}

/**
 * `parentId`'s page of the list named `field`, batched with every other parent asking the same page and
 * selection: one statement with the rows when plainRanked reads the selection, else the ranked ids
 * then the rows through Prisma.
 */
export async function childPage<Row extends { id: string }, Query extends PageQuery>(
  context: Context,
  field: string,
  parentId: string,
  query: Query,
  list: ChildList<Row, Query>,
): Promise<Row[]> {
  const { take, skip = 0, cursor, ...selection } = query;
  const inOrder = (ids: string[], rows: Row[]) => {
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  };
  const rowsOf = (ids: string[]) => rowsByIds(context, list.model, selection, ids, () => list.rows(ids, selection));
  if (cursor || take < 0) {
    const ids = (await list.onePage({ take, skip, cursor } as Pick<Query, "take" | "skip" | "cursor">)).map((row) => row.id);
    return ids.length === 0 ? [] : inOrder(ids, await rowsOf(ids));
  }
  const loader = context.loaderFor(`${field} ${take} ${skip} ${JSON.stringify(selection)}`, async (parentIds: readonly string[]) => {
    const ranked = list.ranked([...parentIds], skip, skip + take);
    // each list's length, read with its page: its totalCount needs no statement of its own (childCount)
    const totals = new Map<string, number>(skip === 0 ? parentIds.map((id) => [id, 0]) : []);
    const fused = plainRanked(list.model, selection, ranked);
    if (fused) {
      const byParent = new Map<string, Row[]>();
      for (const { [parentColumn]: parent, [totalColumn]: total, ...row } of await sqlReaderOf(context.detailed)<
        Row & { [parentColumn]: string; [totalColumn]: number | string }
      >(fused)) {
        byParent.set(parent, [...(byParent.get(parent) ?? []), row as unknown as Row]);
        totals.set(parent, Number(total));
      }
      knownTotals(context, field, totals);
      return parentIds.map((id) => byParent.get(id) ?? []);
    }
    const positions = await sqlReaderOf(context.detailed)<{ parent_id: string; id: string; total: number | string }>(ranked);
    const rows = positions.length === 0 ? [] : await rowsOf([...new Set(positions.map((row) => row.id))]);
    const ids = new Map<string, string[]>();
    for (const { parent_id, id, total } of positions) {
      ids.set(parent_id, [...(ids.get(parent_id) ?? []), id]);
      totals.set(parent_id, Number(total));
    }
    knownTotals(context, field, totals);
    return parentIds.map((id) => inOrder(ids.get(id) ?? [], rows));
  });
  return loader.load(parentId);
}

/** The length of each parent's list a page read (none for a parent whose page came out empty past its start). */
function knownTotals(context: Context, field: string, totals: Map<string, number>) {
  for (const [parentId, total] of totals) context.totals.set(`${field} ${parentId}`, total);
}

/**
 * How many rows each parent's list holds: as its first pages read it (childPage; a page resolves before
 * its connection's totalCount), else batched, `counts` answering { parent_id, count } for the parents
 * that have any: for a page after a cursor or from the end, or a totalCount asked without the page.
 * Known by field and parent alone: no list of these takes an argument that filters it.
 */
export function childCount(
  context: Context,
  field: string,
  parentId: string,
  counts: (parentIds: string[]) => Promise<{ parent_id: string; count: number | string }[]>,
) {
  const known = context.totals.get(`${field} ${parentId}`);
  if (known !== undefined) return known;
  return context
    .loaderFor(`${field} totalCount`, async (parentIds: readonly string[]) => {
      const byParent = new Map((await counts([...parentIds])).map((row) => [row.parent_id, Number(row.count)]));
      return parentIds.map((id) => byParent.get(id) ?? 0);
    })
    .load(parentId);
}

/** An edge whose cursor is made when read: a page asked for its endCursor alone makes one cursor, not 21. */
class Edge<T> {
  constructor(
    readonly node: T,
    private readonly toCursor: (node: T) => string,
  ) {}

  get cursor(): string {
    return this.toCursor(this.node);
  }
}

/** What a page is asked for, as Pothos reads a connection's arguments: `limit` rows past `after` (or before `before`, read backwards when `inverted`). */
export interface PageRequest {
  after?: string;
  before?: string;
  /** the page size plus one, to tell whether more follow */
  limit: number;
  inverted: boolean;
}

/**
 * Pothos' resolveCursorConnection, with cursors made only when a client reads them (an edge's
 * `cursor`, pageInfo's `startCursor` or `endCursor`), and null start and end cursors on a page without
 * edges, as Relay gives (Pothos gives "" or the cursor it was sent): a cursor names an edge.
 */
export async function lazyCursorConnection<T>(args: DefaultConnectionArguments, toCursor: (node: T) => string, page: (request: PageRequest) => Promise<T[]>) {
  const { before, after, limit, inverted, expectedSize, hasPreviousPage, hasNextPage } = parseCursorConnectionArgs({
    args,
    defaultSize: pageSize.default,
    maxSize: pageSize.max,
  });
  const rows = await page({ before, after, limit, inverted });
  const nodes = rows.slice(0, expectedSize);
  if (inverted) nodes.reverse();
  const edges = nodes.map((node) => new Edge(node, toCursor));
  const [first, last] = [edges[0], edges.at(-1)];
  return {
    edges,
    pageInfo: {
      hasPreviousPage: hasPreviousPage(rows.length),
      hasNextPage: hasNextPage(rows.length),
      get startCursor() {
        return first ? first.cursor : null;
      },
      get endCursor() {
        return last ? last.cursor : null;
      },
    },
  };
}

/** Whether the field being resolved asks for its subfield `name` (under any alias, in any fragment, unless skipped). */
export function asksFor(info: GraphQLResolveInfo, name: string): boolean {
  const included = (node: Parameters<typeof getDirectiveValues>[1]) =>
    getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
  const within = (selectionSet: SelectionSetNode | undefined): boolean =>
    (selectionSet?.selections ?? []).some((selection) => {
      if (!included(selection)) return false;
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return within(selection.selectionSet);
      return within(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => within(node.selectionSet));
}
