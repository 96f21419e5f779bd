-- The catalogue's version: one row, bumped by each class's transaction (src/catalogue-version.ts), so
-- that the API's answers can say which catalogue they describe (ETag) and a cache can be keyed by it.
-- The first bump makes the row: an empty catalogue holds no row at all (a restore requires that).
CREATE TABLE "catalogue_version" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT '0',
    "changed_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalogue_version_pkey" PRIMARY KEY ("id")
);
