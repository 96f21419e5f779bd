// Rows read with hand-written SQL from what a GraphQL query selects of them (Prisma's `select`, as the
// Pothos plugin builds it), when it selects plain columns and the few relations written here: a
// class's instructor and its playlist with the songs. Prisma's client cost more CPU than PostgreSQL
// spends on such rows (building the query, then mapping each row and each nested one: 14 % of a
// class-with-its-playlist request). A selection asking for anything else answers null, and the caller
// reads through Prisma.
import { type DetailedClient, sqlReaderOf } from ".";
import { Prisma } from "./generated/detailed/client";

/**
 * `column` is one of `ids`: `= $1` for one id, `= ANY($1)` for several. PostgreSQL plans a prepared
 * statement with an array parameter again at every execution (its generic plan, which cannot know the
 * array's length, always looks costlier than a plan for the values given), which doubled the database's
 * CPU for a class with its playlist; a lookup of one id keeps its plan.
 */
export const matchesIds = (column: string, ids: readonly string[]): Prisma.Sql =>
  ids.length === 1 ? Prisma.sql`${Prisma.raw(column)} = ${ids[0]}` : Prisma.sql`${Prisma.raw(column)} = ANY(${[...ids]}::text[])`;

/** `ids` as a table `alias(column)`, one row an id: as matchesIds, a single row keeps its plan where `unnest($1)` would not. */
export const idsTable = (alias: string, column: string, ids: readonly string[]): Prisma.Sql =>
  ids.length === 1
    ? Prisma.sql`(SELECT ${ids[0]}::text) AS ${Prisma.raw(`${alias}(${column})`)}`
    : Prisma.sql`unnest(${[...ids]}::text[]) AS ${Prisma.raw(`${alias}(${column})`)}`;

/** A timestamp as the text the DateTime scalar writes (toISOString's), so that no Date is made for it. */
export const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export type PlainModel = "workout" | "instructor" | "song" | "artist" | "album";

/** Each model's table and alias (unique in a statement), and the SQL of each field it can read, by Prisma's field names. */
const models: Record<PlainModel, { table: string; alias: string; columns: Record<string, string> }> = {
  workout: {
    table: "detailed_workouts",
    alias: "w",
    columns: {
      id: "w.id",
      title: "w.title",
      description: "w.description",
      fitnessDiscipline: "w.fitness_discipline",
      durationSeconds: "w.duration",
      length: "w.length",
      difficultyRatingAvg: "w.difficulty_rating_avg",
      originalAirTime: isoText("w.original_air_time"),
      imageUrl: "w.image_url",
      explicit: "w.is_explicit",
      classTypes: "w.class_types",
      instructorId: "w.instructor_id",
    },
  },
  instructor: {
    table: "instructors",
    alias: "i",
    columns: {
      id: "i.id",
      name: "i.name",
      firstName: "i.first_name",
      lastName: "i.last_name",
      username: "i.username",
      imageUrl: "i.image_url",
      bio: "i.bio",
      fitnessDisciplines: "i.fitness_disciplines",
      spotifyPlaylistUri: "i.spotify_playlist_uri",
    },
  },
  song: {
    table: "songs",
    alias: "s",
    columns: {
      id: "s.id",
      title: "s.title",
      artistNames: "s.artist_names",
      albumId: "s.album_id",
      imageUrl: "s.image_url",
      explicit: "s.explicit",
      playCount: "s.play_count",
    },
  },
  artist: { table: "artists", alias: "a", columns: { id: "a.id", name: "a.name", imageUrl: "a.image_url", playCount: "a.play_count" } },
  album: { table: "albums", alias: "al", columns: { id: "al.id", name: "al.name", imageUrl: "al.image_url" } },
};

/** The fields of `model` read here as columns (its relations aside). */
export const plainFieldsOf = (model: PlainModel) => Object.keys(models[model].columns);

/** The relations read here: each field's SQL from the selection of its rows (null when that selection is not plain). */
const relations: Partial<Record<PlainModel, Record<string, (selection: unknown) => string | null>>> = {
  workout: {
    instructor: (selection) => {
      const object = jsonObject("instructor", selectOf(selection));
      return object && `(SELECT ${object} FROM instructors i WHERE i.id = w.instructor_id)`;
    },
    playlist: (selection) => {
      const { select, orderBy, ...rest } = (selection ?? {}) as { select?: Record<string, unknown>; orderBy?: unknown };
      // the playlist's field asks for it in class order, as `{ position: "asc" }`
      if (Object.keys(rest).length > 0 || !select || JSON.stringify(orderBy) !== '{"position":"asc"}') return null;
      const entry: string[] = [];
      for (const [field, selected] of Object.entries(select)) {
        if (!selected) continue;
        if (field === "song") {
          const song = jsonObject("song", selectOf(selected));
          if (!song) return null;
          entry.push(`'song', ${song}`);
        } else if (selected === true && Object.hasOwn(entryColumns, field)) entry.push(`'${field}', ${entryColumns[field]}`);
        else return null;
      }
      if (entry.length === 0) return null;
      return `coalesce((SELECT json_agg(json_build_object(${entry.join(", ")}) ORDER BY pe.position)
                          FROM playlist_entries pe JOIN songs s ON s.id = pe.song_id WHERE pe.workout_id = w.id), '[]'::json)`;
    },
  },
};
const entryColumns: Record<string, string> = { position: "pe.position", startOffsetSeconds: "pe.start_offset_seconds", songId: "pe.song_id" };

/** The `select` of `{ select: {…} }`, with nothing else beside it; undefined for anything else. */
function selectOf(selection: unknown): Record<string, unknown> | undefined {
  if (typeof selection !== "object" || selection === null) return undefined;
  const { select, ...rest } = selection as { select?: Record<string, unknown> };
  return Object.keys(rest).length === 0 && typeof select === "object" && select !== null ? select : undefined;
}

/** Each selected field's SQL, by field name; null when a field is not one read here. */
function fieldsSql(model: PlainModel, select: Record<string, unknown> | undefined): [string, string][] | null {
  if (!select) return null;
  const { columns } = models[model];
  const fields: [string, string][] = [];
  for (const [field, selected] of Object.entries(select)) {
    if (!selected) continue;
    const relation = Object.hasOwn(relations[model] ?? {}, field) ? relations[model]![field] : undefined;
    const sql = relation ? relation(selected) : selected === true && Object.hasOwn(columns, field) ? columns[field] : undefined;
    if (!sql) return null;
    fields.push([field, sql]);
  }
  return fields.length > 0 ? fields : null;
}

/** A row of `model` with the selected fields as one JSON object (a relation's row, nested in another's); null when not plain. */
function jsonObject(model: PlainModel, select: Record<string, unknown> | undefined): string | null {
  const fields = fieldsSql(model, select);
  return fields && `json_build_object(${fields.map(([field, sql]) => `'${field}', ${sql}`).join(", ")})`;
}

/** Prisma's `select` of `model` as the columns of a statement over its table (under its alias); null when it selects more than is read here. */
export function plainColumns(model: PlainModel, select: Record<string, unknown> | undefined): Prisma.Sql | null {
  const fields = fieldsSql(model, select);
  return fields && Prisma.raw(fields.map(([field, sql]) => `${sql} AS "${field}"`).join(", "));
}

/**
 * The row of `model` whose id is `id` (SQL) with the selected fields, as one JSON value (null when
 * there is none): a column of another statement; null when the selection is not plain.
 */
export function plainRowSql(model: PlainModel, selection: object, id: Prisma.Sql): Prisma.Sql | null {
  const object = jsonObject(model, selectOf(selection));
  if (!object) return null;
  const { table, alias } = models[model];
  return Prisma.sql`(SELECT ${Prisma.raw(object)} FROM ${Prisma.raw(`${table} ${alias} WHERE ${alias}.id`)} = ${id})`;
}

/** The columns holding each row's parent and the length of the parent's whole list in plainRanked's statement. */
export const parentColumn = "__parent";
export const totalColumn = "__total";

/**
 * The rows a statement of { parent_id, id, rank, total } names, with the selected fields, each one's
 * parent (parentColumn) and its parent's total (totalColumn), by parent then rank: a page of several
 * parents' lists in one statement; null when the selection is not plain.
 */
export function plainRanked(model: PlainModel, selection: object, ranked: Prisma.Sql): Prisma.Sql | null {
  const columns = plainColumns(model, selectOf(selection));
  if (!columns) return null;
  const { table, alias } = models[model];
  return Prisma.sql`SELECT r.parent_id AS ${Prisma.raw(`"${parentColumn}"`)}, r.total AS ${Prisma.raw(`"${totalColumn}"`)}, ${columns}
    FROM (${ranked}) r JOIN ${Prisma.raw(`${table} ${alias} ON ${alias}.id`)} = r.id ORDER BY r.parent_id, r.rank`;
}

/**
 * A reader of rows of `model` by id with the selected fields (in no order, none for an id naming
 * nothing); null when the selection is not plain: read them through Prisma.
 */
export function plainReader<Row>(detailed: DetailedClient, model: PlainModel, selection: object): ((ids: readonly string[]) => Promise<Row[]>) | null {
  const columns = plainColumns(model, selectOf(selection));
  if (!columns) return null;
  const { table, alias } = models[model];
  const from = Prisma.raw(`${table} ${alias}`);
  return (ids) => sqlReaderOf(detailed)<Row>(Prisma.sql`SELECT ${columns} FROM ${from} WHERE ${matchesIds(`${alias}.id`, ids)}`);
}
