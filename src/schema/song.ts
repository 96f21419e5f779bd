import { queryFromInfo } from "@pothos/plugin-prisma";
import { builder } from "./builder";
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
        resolve: (query, song, _args, { detailed }) =>
          detailed.detailedWorkout.findMany({ ...query, where: { playlist: { some: { songId: song.id } } }, orderBy: [{ originalAirTime: "desc" }, { id: "asc" }] }),
        totalCount: (song, _args, { detailed }) => detailed.detailedWorkout.count({ where: { playlist: { some: { songId: song.id } } } }),
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
      resolve: (query, artist, _args, { detailed }) =>
        detailed.song.findMany({ ...query, where: { artists: { some: { artistId: artist.id } } }, orderBy: [{ title: "asc" }, { id: "asc" }] }),
      totalCount: (artist, _args, { detailed }) => detailed.song.count({ where: { artists: { some: { artistId: artist.id } } } }),
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
