-- The whole-word column of class titles (src/db/search.ts wordsForSearch), which the class title
-- filter matches. Existing rows are filled from their titles, folded in SQL (foldSql) and with the
-- same characters removed as wordsForSearch removes; ingestion writes it from then on.
ALTER TABLE "detailed_workouts" ADD COLUMN "title_words" TEXT;
UPDATE "detailed_workouts" SET "title_words" = ' ' || btrim(regexp_replace(translate(lower(regexp_replace(normalize("title", NFKD), '[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f\u3099-\u309a]', '', 'g')), '!"#$%&''()*+,-./:' || chr(59) || '<=>?@[\]^_`{|}~‘’‚‛“”„‟‐‑‒–—―…·•′″¡¿«»', ''), '[ \t\n\r\f\v]+', ' ', 'g'), ' ') || ' ';
ALTER TABLE "detailed_workouts" ALTER COLUMN "title_words" SET NOT NULL;

CREATE INDEX "detailed_workouts_title_words_trgm_idx" ON "detailed_workouts" USING GIN ("title_words" gin_trgm_ops);
