-- A search page after a cursor counts plays as of the first page, over the classes added since
CREATE INDEX "detailed_workouts_created_at_idx" ON "detailed_workouts"("created_at");
