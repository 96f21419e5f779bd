-- CreateTable
CREATE TABLE "artist_peloton_ids" (
    "peloton_id" TEXT NOT NULL,
    "artist_id" TEXT NOT NULL,

    CONSTRAINT "artist_peloton_ids_pkey" PRIMARY KEY ("peloton_id")
);

-- CreateIndex
CREATE INDEX "artist_peloton_ids_artist_id_idx" ON "artist_peloton_ids"("artist_id");

-- AddForeignKey
ALTER TABLE "artist_peloton_ids" ADD CONSTRAINT "artist_peloton_ids_artist_id_fkey" FOREIGN KEY ("artist_id") REFERENCES "artists"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill from the answers already stored: each artist_id credited with an alias that is an artist
INSERT INTO "artist_peloton_ids" ("peloton_id", "artist_id")
SELECT DISTINCT ON (credit->>'artist_id') credit->>'artist_id', credit->>'artist_alias_id'
FROM "detailed_workouts" AS workout
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(workout."full_details"->'playlist'->'songs') = 'array' THEN workout."full_details"->'playlist'->'songs' ELSE '[]'::jsonb END) AS song
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(song->'artists') = 'array' THEN song->'artists' ELSE '[]'::jsonb END) AS credit
WHERE jsonb_typeof(credit) = 'object'
  AND coalesce(credit->>'artist_id', '') <> ''
  AND coalesce(credit->>'artist_alias_id', '') <> ''
  AND credit->>'artist_id' <> credit->>'artist_alias_id'
  AND EXISTS (SELECT 1 FROM "artists" WHERE "id" = credit->>'artist_alias_id')
ORDER BY credit->>'artist_id'
ON CONFLICT DO NOTHING;
