// Rows of a model by id with what a query selects of them: one hand-written statement when the selection
// is plain (db/plain-reads), else through Prisma.
import { type PlainModel, plainReader } from "../db/plain-reads";
import type { Context } from "./context";

/** Prisma's selection of a model's rows, as the Pothos plugin builds it ({ select }; typed as an include where the type lists none). */
type Selection = object;

/** The rows of `ids` with what the query selects: one hand-written statement when plainReader reads that selection, else through Prisma (`prisma`). */
export function rowsByIds<Row>(
  context: Pick<Context, "detailed">,
  model: PlainModel,
  selection: Selection,
  ids: readonly string[],
  prisma: () => Promise<Row[]>,
) {
  const read = plainReader<Row>(context.detailed, model, selection);
  return read ? read(ids) : prisma();
}

/**
 * The row of `id` with what the query selects, null when there is none: read by plainReader, in one
 * statement with the request's other lookups of the same selection; else through Prisma (`prisma`, a
 * findUnique, which Prisma batches).
 */
export function rowById<Row extends { id: string }>(context: Context, model: PlainModel, query: Selection, id: string, prisma: () => Promise<Row | null>) {
  const read = plainReader<Row>(context.detailed, model, query);
  if (!read) return prisma();
  const loader = context.loaderFor(`${model} by id ${JSON.stringify(query)}`, async (ids: readonly string[]) => {
    const rows = new Map((await read(ids)).map((row) => [row.id, row]));
    return ids.map((key) => rows.get(key) ?? null);
  });
  return loader.load(id);
}
