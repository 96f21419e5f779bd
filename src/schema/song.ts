import { queryFromInfo } from "@pothos/plugin-prisma";
import { sqlReaderOf } from "../db";
import { Prisma } from "../db/generated/detailed/client";
import { matchesIds, plainRowSql } from "../db/plain-reads";
import { Artist } from "./artist";
import { builder } from "./builder";
import { pelotonIdOf } from "./node-ids";
import { childCount, childPage } from "./pages";
import { rowById } from "./rows";
import { searchConnection, totalCountOf } from "./search";

// As Workout: the small columns the fields show, selected once for the type, read by plain fields.
export const Song = builder.prismaNode("Song", {
  description: "A song, kept once however many classes play it",
  id: { field: "id", description: "The song's global id (Relay): opaque, for node(id), nodes(ids) and the lookups" },
  // a global id naming no song answers null, not an error
  nullable: true,
  select: { id: true, title: true, artistNames: true, imageUrl: true, explicit: true, playCount: true },
  fields: (t) => ({
    pelotonId: t.id({ description: "Peloton's song id", resolve: (song) => song.id }),
    title: t.string({ description: "Its title, as Peloton sent it", resolve: (song) => song.title }),
    artistNames: t.string({ description: 'The credits as one string: "Artist A, Artist B"', resolve: (song) => song.artistNames }),
    artists: t.field({
      type: [Artist],
      description: "Its credited artists, in the credits' order",
      // the artists' columns the query selects, in the song's own statement
      select: (_args, _ctx, nestedSelection) => ({ artists: { orderBy: { position: "asc" }, select: { artist: nestedSelection(true) } } }),
      resolve: (song) => song.artists.map((credit) => credit.artist),
    }),
    albumName: t.string({
      nullable: true,
      description: "Its album's title (also `album { name }`)",
      select: { album: { select: { name: true } } },
      resolve: (song) => song.album?.name ?? null,
    }),
    album: t.relation("album", { nullable: true, description: "null when Peloton sent none we could key" }),
    imageUrl: t.string({ nullable: true, description: "Its album art, as Peloton sent it", resolve: (song) => song.imageUrl }),
    explicit: t.boolean({ description: "Whether Peloton marks its lyrics explicit", resolve: (song) => song.explicit }),
    // kept by ingestion (src/ingest/play-counts.ts); a column of the type's selection, not the field's
    // own: a field with a selection of its own is wrapped, row by row, in the Prisma plugin's check of
    // what was loaded (3 % of a song search's CPU)
    playCount: t.int({ description: "How many times a class plays it", resolve: (song) => song.playCount }),
    workouts: t.prismaConnection({
      type: "DetailedWorkout",
      cursor: "id",
      description: "The classes that play it, newest first",
      // batched across songs (pages.ts)
      resolve: (query, song, _args, context) => {
        const { detailed } = context;
        const orderBy = [{ originalAirTime: "desc" as const }, { id: "asc" as const }];
        return childPage(context, "Song.workouts", song.id, query, {
          model: "workout",
          ranked: (ids, from, to) => Prisma.sql`
              SELECT song_id AS parent_id, id, rank, total FROM (
                SELECT pe.song_id, w.id, row_number() OVER (PARTITION BY pe.song_id ORDER BY w.original_air_time DESC NULLS FIRST, w.id) AS rank, count(*) OVER (PARTITION BY pe.song_id) AS total
                  FROM (SELECT DISTINCT song_id, workout_id FROM playlist_entries WHERE ${matchesIds("song_id", ids)}) pe
                  JOIN detailed_workouts w ON w.id = pe.workout_id) ranked
               WHERE rank > ${from} AND rank <= ${to} ORDER BY parent_id, rank`,
          onePage: (page) => detailed.detailedWorkout.findMany({ ...page, where: { playlist: { some: { songId: song.id } } }, orderBy, select: { id: true } }),
          rows: (ids, selection) => detailed.detailedWorkout.findMany({ ...selection, where: { id: { in: ids } } }),
        });
      },
      totalCount: (song, _args, context) =>
        childCount(context, "Song.workouts", song.id, (ids) =>
          sqlReaderOf(context.detailed)(
            Prisma.sql`SELECT song_id AS parent_id, count(DISTINCT workout_id) AS count FROM playlist_entries WHERE ${matchesIds("song_id", ids)} GROUP BY 1`,
          ),
        ),
    }),
  }),
});

builder.queryFields((t) => ({
  songs: t.connection(
    {
      type: Song,
      description:
        "Songs matching `search` in their title or artists, best matches first (then the most played, then by title); every song, by title, without it",
      args: { search: t.arg.string({ description: "case- and accent-insensitive, 2 to 200 characters" }) },
      resolve: (_root, args, context, info) => {
        const query = queryFromInfo({ context, info, typeName: "Song", path: ["edges", "node"] });
        const songs = context.detailed.song;
        return searchConnection(context.detailed, args, {
          table: "songs",
          all: (page) => songs.findMany({ ...query, ...page }),
          nameColumn: "title",
          nameOf: (song) => song.title,
          rowSql: (id) => plainRowSql("song", query, id),
          byIds: (ids) => songs.findMany({ ...query, where: { id: { in: ids } } }),
          count: () => songs.count(),
        });
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: totalCountOf }) }) },
  ),
  song: t.prismaField({
    type: "Song",
    nullable: true,
    description: "The song of this id: its global id or Peloton's",
    args: { id: t.arg.id({ required: true, description: "the song's `id` or its `pelotonId`" }) },
    resolve: (query, _root, { id }, context) => {
      const songId = pelotonIdOf(id, "Song", "id");
      return rowById(context, "song", query, songId, () => context.detailed.song.findUnique({ ...query, where: { id: songId } }));
    },
  }),
}));
