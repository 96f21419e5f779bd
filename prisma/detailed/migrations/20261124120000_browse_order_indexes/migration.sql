-- CreateIndex
CREATE INDEX "songs_title_id_idx" ON "songs"("title", "id");

-- CreateIndex
CREATE INDEX "artists_name_id_idx" ON "artists"("name", "id");
