-- Play counts kept by ingestion rather than counted over every playlist entry per request: a song's
-- and an artist's, and each instructor's per artist (their top artists, read from an index). Each
-- class's transaction keeps them (src/ingest/play-counts.ts), and this fills them from the rows there are.

-- AlterTable
ALTER TABLE "artists" ADD COLUMN     "play_count" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "songs" ADD COLUMN     "play_count" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "instructor_artist_plays" (
    "instructor_id" TEXT NOT NULL,
    "artist_id" TEXT NOT NULL,
    "plays" INTEGER NOT NULL,

    CONSTRAINT "instructor_artist_plays_pkey" PRIMARY KEY ("instructor_id","artist_id")
);

-- Backfill (src/db/play-counts.ts recounts the same way)
UPDATE "songs" s SET "play_count" = c.plays
  FROM (SELECT song_id, count(*)::int AS plays FROM playlist_entries GROUP BY song_id) c
 WHERE c.song_id = s.id;

UPDATE "artists" a SET "play_count" = c.plays
  FROM (SELECT sa.artist_id, count(*)::int AS plays
          FROM song_artists sa JOIN playlist_entries pe ON pe.song_id = sa.song_id GROUP BY sa.artist_id) c
 WHERE c.artist_id = a.id;

INSERT INTO "instructor_artist_plays" ("instructor_id", "artist_id", "plays")
SELECT w.instructor_id, sa.artist_id, count(*)::int
  FROM detailed_workouts w
  JOIN playlist_entries pe ON pe.workout_id = w.id
  JOIN song_artists sa ON sa.song_id = pe.song_id
 WHERE w.instructor_id IS NOT NULL
 GROUP BY w.instructor_id, sa.artist_id;

-- CreateIndex
CREATE INDEX "instructor_artist_plays_instructor_id_plays_artist_id_idx" ON "instructor_artist_plays"("instructor_id", "plays" DESC, "artist_id");

-- CreateIndex
CREATE INDEX "instructor_artist_plays_artist_id_idx" ON "instructor_artist_plays"("artist_id");

-- AddForeignKey
ALTER TABLE "instructor_artist_plays" ADD CONSTRAINT "instructor_artist_plays_instructor_id_fkey" FOREIGN KEY ("instructor_id") REFERENCES "instructors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instructor_artist_plays" ADD CONSTRAINT "instructor_artist_plays_artist_id_fkey" FOREIGN KEY ("artist_id") REFERENCES "artists"("id") ON DELETE CASCADE ON UPDATE CASCADE;
