import type { DetailedClient } from "./db";

type Transaction = Parameters<Parameters<DetailedClient["$transaction"]>[0]>[0];

/**
 * Bumps the catalogue's version: what the API shows has changed. Within a transaction of the detailed
 * database that changes the catalogue, as its last statement: the row stays locked until the commit,
 * so concurrent saves wait for each other only that long, and readers see the new version exactly when
 * they see the change. After a commit to the workouts database that changes what the API shows of it
 * (a class's availability or category), on the detailed client itself: a reader who sees the new
 * version then sees the change too. The first bump makes the row (an empty catalogue holds none, as a
 * restore requires).
 */
export async function bumpCatalogueVersion(db: Transaction | DetailedClient): Promise<void> {
  await db.$executeRaw`
    INSERT INTO catalogue_version (id, version, changed_at) VALUES (1, 1, clock_timestamp())
    ON CONFLICT (id) DO UPDATE SET version = catalogue_version.version + 1, changed_at = clock_timestamp()`;
}

/**
 * The catalogue's version as one opaque word, which changes whenever an ingestion commits: the
 * counter, and when it last moved (a restored backup may count from a lower number again). One read
 * of a one-row table by its key, made into text by the database (as cheap as `SELECT 1`; the
 * bigint and the timestamp read as columns cost more than the round trip). Null while there is no
 * row (nothing ingested yet, or a backup restored from before the version was kept): such a catalogue
 * has no version to name an answer by.
 */
export async function catalogueVersion(detailed: DetailedClient): Promise<string | null> {
  const [row] = await detailed.$queryRaw<{ tag: string }[]>`
    SELECT version || '.' || (extract(epoch FROM changed_at) * 1000000)::bigint AS tag FROM catalogue_version WHERE id = 1`;
  return row?.tag ?? null;
}

/**
 * Reads the catalogue's version for many requests at once: a request arriving while a read is on its
 * way shares it (the version it gets is at most that read's age older, which is safe for an answer
 * read after it: it may be newer than its version says, never older).
 */
export function sharedCatalogueVersion(detailed: DetailedClient): () => Promise<string | null> {
  let reading: Promise<string | null> | undefined;
  return () =>
    (reading ??= catalogueVersion(detailed).finally(() => {
      reading = undefined;
    }));
}
