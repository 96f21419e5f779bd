import { builder } from "./builder";

export const Song = builder.prismaObject("Song", {
  fields: (t) => ({
    id: t.exposeID("id", { description: "Peloton's song id" }),
    title: t.exposeString("title"),
    artistNames: t.exposeString("artistNames", { description: 'The credits as one string: "Artist A, Artist B"' }),
    artists: t.field({
      type: [Artist],
      select: { artists: { orderBy: { position: "asc" }, select: { artist: true } } },
      resolve: (song) => song.artists.map((credit) => credit.artist),
    }),
    albumName: t.string({ nullable: true, select: { album: { select: { name: true } } }, resolve: (song) => song.album?.name ?? null }),
    imageUrl: t.exposeString("imageUrl", { nullable: true }),
    explicit: t.exposeBoolean("explicit"),
    playCount: t.relationCount("playlistEntries", { description: "How many classes play it" }),
  }),
});

export const Artist = builder.prismaObject("Artist", {
  fields: (t) => ({
    id: t.exposeID("id", { description: "Peloton's artist_alias_id" }),
    name: t.exposeString("name"),
  }),
});

builder.queryFields((t) => ({
  song: t.prismaField({
    type: "Song",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, { detailed }) => detailed.song.findUnique({ ...query, where: { id: String(id) } }),
  }),
}));
