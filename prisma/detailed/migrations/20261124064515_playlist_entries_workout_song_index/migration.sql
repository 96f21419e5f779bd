-- CreateIndex
CREATE INDEX "playlist_entries_workout_id_song_id_idx" ON "playlist_entries"("workout_id", "song_id");
