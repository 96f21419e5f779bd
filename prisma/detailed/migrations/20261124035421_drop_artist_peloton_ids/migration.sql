/*
  Warnings:

  - You are about to drop the column `peloton_artist_ids` on the `artists` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "artists" DROP COLUMN "peloton_artist_ids";
