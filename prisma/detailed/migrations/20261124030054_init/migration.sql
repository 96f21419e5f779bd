-- Trigram indexes below need pg_trgm (Prisma does not write CREATE EXTENSION itself)
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateTable
CREATE TABLE "instructors" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "first_name" TEXT,
    "last_name" TEXT,
    "username" TEXT,
    "image_url" TEXT,
    "bio" TEXT,
    "fitness_disciplines" TEXT[],
    "spotify_playlist_uri" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "instructors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "detailed_workouts" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "duration" INTEGER NOT NULL,
    "length" INTEGER,
    "image_url" TEXT,
    "instructor_id" TEXT,
    "fitness_discipline" TEXT NOT NULL,
    "scheduled_time" TIMESTAMPTZ(3),
    "original_air_time" TIMESTAMPTZ(3),
    "difficulty_rating_avg" DOUBLE PRECISION,
    "is_explicit" BOOLEAN NOT NULL DEFAULT false,
    "full_details" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "detailed_workouts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "albums" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "image_url" TEXT,

    CONSTRAINT "albums_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "songs" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "artist_names" TEXT NOT NULL,
    "title_search" TEXT NOT NULL,
    "artist_names_search" TEXT NOT NULL,
    "album_id" TEXT,
    "image_url" TEXT,
    "explicit" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "songs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "artists" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_search" TEXT NOT NULL,
    "image_url" TEXT,
    "peloton_artist_ids" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "artists_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "song_artists" (
    "song_id" TEXT NOT NULL,
    "artist_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "song_artists_pkey" PRIMARY KEY ("song_id","artist_id")
);

-- CreateTable
CREATE TABLE "playlist_entries" (
    "workout_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "song_id" TEXT NOT NULL,
    "start_offset_seconds" INTEGER,
    "cue_time_offset" INTEGER,

    CONSTRAINT "playlist_entries_pkey" PRIMARY KEY ("workout_id","position")
);

-- CreateIndex
CREATE INDEX "detailed_workouts_scheduled_time_idx" ON "detailed_workouts"("scheduled_time");

-- CreateIndex
CREATE INDEX "detailed_workouts_instructor_id_idx" ON "detailed_workouts"("instructor_id");

-- CreateIndex
CREATE INDEX "detailed_workouts_fitness_discipline_duration_idx" ON "detailed_workouts"("fitness_discipline", "duration");

-- CreateIndex
CREATE INDEX "detailed_workouts_original_air_time_idx" ON "detailed_workouts"("original_air_time" DESC);

-- CreateIndex
CREATE INDEX "songs_title_trgm_idx" ON "songs" USING GIN ("title_search" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "songs_artist_names_trgm_idx" ON "songs" USING GIN ("artist_names_search" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "songs_album_id_idx" ON "songs"("album_id");

-- CreateIndex
CREATE INDEX "artists_name_trgm_idx" ON "artists" USING GIN ("name_search" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "song_artists_artist_id_idx" ON "song_artists"("artist_id");

-- CreateIndex
CREATE UNIQUE INDEX "song_artists_song_id_position_key" ON "song_artists"("song_id", "position");

-- CreateIndex
CREATE INDEX "playlist_entries_song_id_idx" ON "playlist_entries"("song_id");

-- AddForeignKey
ALTER TABLE "detailed_workouts" ADD CONSTRAINT "detailed_workouts_instructor_id_fkey" FOREIGN KEY ("instructor_id") REFERENCES "instructors"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "songs" ADD CONSTRAINT "songs_album_id_fkey" FOREIGN KEY ("album_id") REFERENCES "albums"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "song_artists" ADD CONSTRAINT "song_artists_song_id_fkey" FOREIGN KEY ("song_id") REFERENCES "songs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "song_artists" ADD CONSTRAINT "song_artists_artist_id_fkey" FOREIGN KEY ("artist_id") REFERENCES "artists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "playlist_entries" ADD CONSTRAINT "playlist_entries_workout_id_fkey" FOREIGN KEY ("workout_id") REFERENCES "detailed_workouts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "playlist_entries" ADD CONSTRAINT "playlist_entries_song_id_fkey" FOREIGN KEY ("song_id") REFERENCES "songs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
