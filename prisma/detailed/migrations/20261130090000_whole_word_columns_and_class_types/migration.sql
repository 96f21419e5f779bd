-- The whole-word columns (src/db/search.ts wordsForSearch) of song titles and artist names: the folded columns without punctuation,
-- whitespace runs made one space, between spaces. Existing rows are filled from their folded columns,
-- with the same characters removed as wordsForSearch removes.
ALTER TABLE "artists" ADD COLUMN "name_words" TEXT;
UPDATE "artists" SET "name_words" = ' ' || btrim(regexp_replace(translate("name_search", '!"#$%&''()*+,-./:' || chr(59) || '<=>?@[\]^_`{|}~‘’‚‛“”„‟‐‑‒–—―…·•′″¡¿«»', ''), '[ \t\n\r\f\v]+', ' ', 'g'), ' ') || ' ';
ALTER TABLE "artists" ALTER COLUMN "name_words" SET NOT NULL;

ALTER TABLE "songs" ADD COLUMN "title_words" TEXT;
UPDATE "songs" SET "title_words" = ' ' || btrim(regexp_replace(translate("title_search", '!"#$%&''()*+,-./:' || chr(59) || '<=>?@[\]^_`{|}~‘’‚‛“”„‟‐‑‒–—―…·•′″¡¿«»', ''), '[ \t\n\r\f\v]+', ' ', 'g'), ' ') || ' ';
ALTER TABLE "songs" ALTER COLUMN "title_words" SET NOT NULL;

-- A class's types by name, in Peloton's order: filled from the kept details answer (class_types: [{ name }]),
-- skipping entries without a string name.
ALTER TABLE "detailed_workouts" ADD COLUMN "class_types" TEXT[] DEFAULT ARRAY[]::TEXT[];
UPDATE "detailed_workouts" w SET "class_types" = coalesce((
  SELECT array_agg(t.value->>'name' ORDER BY t.ordinality)
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(w."full_details"->'class_types') = 'array' THEN w."full_details"->'class_types' ELSE '[]'::jsonb END) WITH ORDINALITY t
   WHERE jsonb_typeof(t.value->'name') = 'string'
), ARRAY[]::TEXT[]);

CREATE INDEX "artists_name_words_trgm_idx" ON "artists" USING GIN ("name_words" gin_trgm_ops);
CREATE INDEX "songs_title_words_trgm_idx" ON "songs" USING GIN ("title_words" gin_trgm_ops);
