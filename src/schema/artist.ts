import { queryFromInfo } from "@pothos/plugin-prisma";
import { sqlReaderOf } from "../db";
import { Prisma } from "../db/generated/detailed/client";
import { matchesIds, plainRowSql } from "../db/plain-reads";
import { builder } from "./builder";
import { pelotonIdOf } from "./node-ids";
import { childCount, childPage } from "./pages";
import { rowById } from "./rows";
import { searchConnection, totalCountOf } from "./search";

export const Artist = builder.prismaNode("Artist", {
  description: "An artist, however Peloton spells them from class to class",
  id: { field: "id", description: "The artist's global id (Relay): opaque, for node(id), nodes(ids) and the lookups" },
  // a global id naming no artist answers null, not an error
  nullable: true,
  // its play count too: a column, kept by ingestion (src/ingest/play-counts.ts), which topArtists reads with the name
  select: { id: true, name: true, playCount: true },
  fields: (t) => ({
    pelotonId: t.id({ description: "Peloton's artist_alias_id (its artist_id for an artist Peloton gave no alias)", resolve: (artist) => artist.id }),
    name: t.string({ description: "The first spelling of the name a class credited", resolve: (artist) => artist.name }),
    playCount: t.int({ description: "How many times a class plays one of its songs", resolve: (artist) => artist.playCount }),
    songs: t.prismaConnection({
      type: "Song",
      cursor: "id",
      description: "The songs credited to this artist, by title",
      // batched across artists (pages.ts)
      resolve: (query, artist, _args, context) => {
        const { detailed } = context;
        const orderBy = [{ title: "asc" as const }, { id: "asc" as const }];
        return childPage(context, "Artist.songs", artist.id, query, {
          model: "song",
          ranked: (ids, from, to) => Prisma.sql`
            SELECT artist_id AS parent_id, id, rank, total FROM (
              SELECT sa.artist_id, s.id, row_number() OVER (PARTITION BY sa.artist_id ORDER BY s.title, s.id) AS rank, count(*) OVER (PARTITION BY sa.artist_id) AS total
                FROM song_artists sa JOIN songs s ON s.id = sa.song_id WHERE ${matchesIds("sa.artist_id", ids)}) ranked
             WHERE rank > ${from} AND rank <= ${to} ORDER BY parent_id, rank`,
          onePage: (page) => detailed.song.findMany({ ...page, where: { artists: { some: { artistId: artist.id } } }, orderBy, select: { id: true } }),
          rows: (ids, selection) => detailed.song.findMany({ ...selection, where: { id: { in: ids } } }),
        });
      },
      totalCount: (artist, _args, context) =>
        childCount(context, "Artist.songs", artist.id, (ids) =>
          sqlReaderOf(context.detailed)(
            Prisma.sql`SELECT artist_id AS parent_id, count(*) AS count FROM song_artists WHERE ${matchesIds("artist_id", ids)} GROUP BY 1`,
          ),
        ),
    }),
  }),
});

builder.queryFields((t) => ({
  artists: t.connection(
    {
      type: Artist,
      description: "Artists whose name matches `search`, best matches first (then the most played, then by name); every artist, by name, without it",
      args: { search: t.arg.string({ description: "case- and accent-insensitive, 2 to 200 characters" }) },
      resolve: (_root, args, context, info) => {
        const query = queryFromInfo({ context, info, typeName: "Artist", path: ["edges", "node"] });
        const artists = context.detailed.artist;
        return searchConnection(context.detailed, args, {
          table: "artists",
          all: (page) => artists.findMany({ ...query, ...page }),
          nameColumn: "name",
          nameOf: (artist) => artist.name,
          rowSql: (id) => plainRowSql("artist", query, id),
          byIds: (ids) => artists.findMany({ ...query, where: { id: { in: ids } } }),
          count: () => artists.count(),
        });
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: totalCountOf }) }) },
  ),
  artist: t.prismaField({
    type: "Artist",
    nullable: true,
    description: "The artist of this id: its global id or Peloton's",
    args: { id: t.arg.id({ required: true, description: "the artist's `id` or its `pelotonId`" }) },
    resolve: (query, _root, { id }, context) => {
      const artistId = pelotonIdOf(id, "Artist", "id");
      return rowById(context, "artist", query, artistId, () => context.detailed.artist.findUnique({ ...query, where: { id: artistId } }));
    },
  }),
}));
