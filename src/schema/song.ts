import { queryFromInfo } from "@pothos/plugin-prisma";
import { builder } from "./builder";
import { childCount, childPage } from "./pages";
import { searchConnection, totalCountOf } from "./search";

// As Workout: the small columns the fields show, selected once for the type, read by plain fields.
export const Song = builder.prismaObject("Song", {
  select: { id: true, title: true, artistNames: true, imageUrl: true, explicit: true },
  fields: (t) => ({
    id: t.id({ description: "Peloton's song id", resolve: (song) => song.id }),
    title: t.string({ resolve: (song) => song.title }),
    artistNames: t.string({ description: 'The credits as one string: "Artist A, Artist B"', resolve: (song) => song.artistNames }),
    artists: t.field({
      type: [Artist],
      // the artists' columns the query selects, in the song's own statement
      select: (_args, _ctx, nestedSelection) => ({ artists: { orderBy: { position: "asc" }, select: { artist: nestedSelection(true) } } }),
      resolve: (song) => song.artists.map((credit) => credit.artist),
    }),
    albumName: t.string({ nullable: true, select: { album: { select: { name: true } } }, resolve: (song) => song.album?.name ?? null }),
    imageUrl: t.string({ nullable: true, resolve: (song) => song.imageUrl }),
    explicit: t.boolean({ resolve: (song) => song.explicit }),
    // counted per song in the same statement as the song (a LATERAL join, with relationJoins)
    playCount: t.relationCount("playlistEntries", { description: "How many times a class plays it" }),
    workouts: t.prismaConnection(
      {
        type: "DetailedWorkout",
        cursor: "id",
        description: "The classes that play it, newest first",
        // batched across songs (pages.ts)
        resolve: (query, song, _args, context) => {
          const { detailed } = context;
          const orderBy = [{ originalAirTime: "desc" as const }, { id: "asc" as const }];
          return childPage(context, "Song.workouts", song.id, query, {
            ranked: (ids, from, to) => detailed.$queryRaw`
              SELECT song_id AS parent_id, id FROM (
                SELECT pe.song_id, w.id, row_number() OVER (PARTITION BY pe.song_id ORDER BY w.original_air_time DESC NULLS FIRST, w.id) AS rank
                  FROM (SELECT DISTINCT song_id, workout_id FROM playlist_entries WHERE song_id = ANY(${ids}::text[])) pe
                  JOIN detailed_workouts w ON w.id = pe.workout_id) ranked
               WHERE rank > ${from} AND rank <= ${to} ORDER BY parent_id, rank`,
            onePage: (page) => detailed.detailedWorkout.findMany({ ...page, where: { playlist: { some: { songId: song.id } } }, orderBy, select: { id: true } }),
            rows: (ids, selection) => detailed.detailedWorkout.findMany({ ...selection, where: { id: { in: ids } } }),
          });
        },
        totalCount: (song, _args, context) =>
          childCount(context, "Song.workouts", song.id, (ids) =>
            context.detailed.$queryRaw`SELECT song_id AS parent_id, count(DISTINCT workout_id) AS count FROM playlist_entries WHERE song_id = ANY(${ids}::text[]) GROUP BY 1`,
          ),
      },
    ),
  }),
});

export const Artist = builder.prismaObject("Artist", {
  select: { id: true, name: true },
  fields: (t) => ({
    id: t.id({ description: "Peloton's artist_alias_id", resolve: (artist) => artist.id }),
    name: t.string({ resolve: (artist) => artist.name }),
    playCount: t.int({ description: "How many times a class plays one of its songs", resolve: (artist, _args, { artistPlays }) => artistPlays.load(artist.id) }),
    songs: t.prismaConnection({
      type: "Song",
      cursor: "id",
      // batched across artists (pages.ts)
      resolve: (query, artist, _args, context) => {
        const { detailed } = context;
        const orderBy = [{ title: "asc" as const }, { id: "asc" as const }];
        return childPage(context, "Artist.songs", artist.id, query, {
          ranked: (ids, from, to) => detailed.$queryRaw`
            SELECT artist_id AS parent_id, id FROM (
              SELECT sa.artist_id, s.id, row_number() OVER (PARTITION BY sa.artist_id ORDER BY s.title, s.id) AS rank
                FROM song_artists sa JOIN songs s ON s.id = sa.song_id WHERE sa.artist_id = ANY(${ids}::text[])) ranked
             WHERE rank > ${from} AND rank <= ${to} ORDER BY parent_id, rank`,
          onePage: (page) => detailed.song.findMany({ ...page, where: { artists: { some: { artistId: artist.id } } }, orderBy, select: { id: true } }),
          rows: (ids, selection) => detailed.song.findMany({ ...selection, where: { id: { in: ids } } }),
        });
      },
      totalCount: (artist, _args, context) =>
        childCount(context, "Artist.songs", artist.id, (ids) =>
          context.detailed.$queryRaw`SELECT artist_id AS parent_id, count(*) AS count FROM song_artists WHERE artist_id = ANY(${ids}::text[]) GROUP BY 1`,
        ),
    }),
  }),
});

builder.queryFields((t) => ({
  songs: t.connection(
    {
      type: Song,
      description: "Songs matching `search` in their title or artists, best matches first; every song, by title, without it",
      args: { search: t.arg.string({ description: "case- and accent-insensitive, at least 2 characters" }) },
      resolve: (_root, args, context, info) => {
        const query = queryFromInfo({ context, info, typeName: "Song", path: ["edges", "node"] });
        const songs = context.detailed.song;
        return searchConnection(context.detailed, args, {
          table: "songs",
          all: (take, skip) => songs.findMany({ ...query, orderBy: [{ title: "asc" }, { id: "asc" }], take, skip }),
          byIds: (ids) => songs.findMany({ ...query, where: { id: { in: ids } } }),
          count: () => songs.count(),
        });
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: totalCountOf }) }) },
  ),
  artists: t.connection(
    {
      type: Artist,
      description: "Artists whose name matches `search`, best matches first; every artist, by name, without it",
      args: { search: t.arg.string({ description: "case- and accent-insensitive, at least 2 characters" }) },
      resolve: (_root, args, context, info) => {
        const query = queryFromInfo({ context, info, typeName: "Artist", path: ["edges", "node"] });
        const artists = context.detailed.artist;
        return searchConnection(context.detailed, args, {
          table: "artists",
          all: (take, skip) => artists.findMany({ ...query, orderBy: [{ name: "asc" }, { id: "asc" }], take, skip }),
          byIds: (ids) => artists.findMany({ ...query, where: { id: { in: ids } } }),
          count: () => artists.count(),
        });
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: totalCountOf }) }) },
  ),
  song: t.prismaField({
    type: "Song",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, { detailed }) => detailed.song.findUnique({ ...query, where: { id: String(id) } }),
  }),
}));
