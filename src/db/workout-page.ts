// A page of the workouts list as one hand-written statement: the classes matching a filter (workoutSql),
// past a cursor in the list's order, with what the query asks for when plainColumns reads it (plain
// columns, the instructor's, the playlist with its songs). Prisma's query builder cost more CPU than
// PostgreSQL spends on such a page (an index range scan of 21 rows): building the query and mapping its
// rows took 0.5 ms a page, this statement 0.3 ms.
import { type DetailedClient, sqlReaderOf } from ".";
import { Prisma } from "./generated/detailed/client";
import { type WorkoutCriteria, workoutSql } from "./workout-filters";

/** The columns a list of classes can be sorted by (then by id). */
export type WorkoutSortField = "originalAirTime" | "difficultyRatingAvg";

export interface WorkoutOrder {
  field: WorkoutSortField;
  sort: "asc" | "desc";
  /** PostgreSQL's default where not said: last ascending, first descending */
  nulls: "first" | "last";
  /** the tie-break */
  id: "asc" | "desc";
}

/** Where a class stands in a list: its value in the sort column, and its id. */
export interface Keyset {
  value: Date | number | null;
  id: string;
}

const sortColumns: Record<WorkoutSortField, string> = { originalAirTime: "w.original_air_time", difficultyRatingAvg: "w.difficulty_rating_avg" };

/** The classes past `position` in `order`, as SQL (the same bounds rowsPast gives Prisma). */
function pastSql({ value, id }: Keyset, { field, sort, nulls, id: idSort }: WorkoutOrder): Prisma.Sql {
  const column = Prisma.raw(sortColumns[field]);
  const idPast = idSort === "asc" ? Prisma.sql`w.id > ${id}` : Prisma.sql`w.id < ${id}`;
  if (value === null) {
    const tied = Prisma.sql`(${column} IS NULL AND ${idPast})`;
    return nulls === "first" ? Prisma.sql`(${tied} OR ${column} IS NOT NULL)` : tied;
  }
  // the bound (<= or >=) lets the index on the sort column start at the cursor's class
  const [from, beyond] = sort === "desc" ? [Prisma.raw("<="), Prisma.raw("<")] : [Prisma.raw(">="), Prisma.raw(">")];
  const rated = Prisma.sql`(${column} ${from} ${value} AND (${column} = ${value} AND ${idPast} OR ${column} ${beyond} ${value}))`;
  return nulls === "last" ? Prisma.sql`(${rated} OR ${column} IS NULL)` : rated;
}

const orderSql = ({ field, sort, nulls, id }: WorkoutOrder) => Prisma.raw(`${sortColumns[field]} ${sort} NULLS ${nulls}, w.id ${id}`);

export interface PageBounds {
  order: WorkoutOrder;
  /** the page starts past this class (in `order`) */
  after?: Keyset;
  /** and ends before this one: past it in the reverse order */
  before?: Keyset;
  limit: number;
  /** read the page from its end: the rows in the reverse order */
  backward: boolean;
}

export const reverseOrder = (order: WorkoutOrder): WorkoutOrder => {
  const flip = { asc: "desc", desc: "asc", first: "last", last: "first" } as const;
  return { field: order.field, sort: flip[order.sort], nulls: flip[order.nulls], id: flip[order.id] };
};

const countSql = (criteria: WorkoutCriteria) => Prisma.sql`SELECT count(*)::int FROM detailed_workouts w WHERE ${workoutSql(criteria)}`;

/**
 * The page's rows, with `columns` (plainColumns), in the order read (reversed when backward); and when
 * `counted`, how many classes match `criteria`, in the same statement (a subquery PostgreSQL runs once).
 * A page without rows has no count: workoutCount then.
 */
export async function workoutPage<Row>(
  detailed: DetailedClient,
  criteria: WorkoutCriteria,
  columns: Prisma.Sql,
  { order, after, before, limit, backward }: PageBounds,
  counted: boolean,
): Promise<{ rows: Row[]; total?: number }> {
  const conditions = [workoutSql(criteria), ...(after ? [pastSql(after, order)] : []), ...(before ? [pastSql(before, reverseOrder(order))] : [])];
  const total = counted ? Prisma.sql`, (${countSql(criteria)}) AS "totalCount"` : Prisma.empty;
  const rows = await sqlReaderOf(detailed)<Row & { totalCount?: number }>(Prisma.sql`
    SELECT ${columns}${total} FROM detailed_workouts w
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY ${orderSql(backward ? reverseOrder(order) : order)} LIMIT ${limit}`);
  if (!counted || rows.length === 0) return { rows };
  const count = rows[0]!.totalCount;
  for (const row of rows) delete row.totalCount;
  return { rows, total: count };
}

/** How many classes match `criteria`. */
export async function workoutCount(detailed: DetailedClient, criteria: WorkoutCriteria): Promise<number> {
  const [row] = await sqlReaderOf(detailed)<{ count: number }>(Prisma.sql`SELECT (${countSql(criteria)}) AS count`);
  return row!.count;
}
