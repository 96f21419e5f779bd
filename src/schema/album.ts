import { sqlReaderOf } from "../db";
import { Prisma } from "../db/generated/detailed/client";
import { matchesIds } from "../db/plain-reads";
import { builder } from "./builder";
import { pelotonIdOf } from "./node-ids";
import { childCount, childPage } from "./pages";
import { rowById } from "./rows";

// As Song: the small columns the fields show, selected once for the type, read by plain fields.
export const Album = builder.prismaNode("Album", {
  description: "An album, as Peloton credits a song to it",
  id: { field: "id", description: "The album's global id (Relay): opaque, for node(id), nodes(ids) and the lookups" },
  // a global id naming no album answers null, not an error
  nullable: true,
  select: { id: true, name: true, imageUrl: true },
  fields: (t) => ({
    pelotonId: t.id({ description: "Peloton's album id", resolve: (album) => album.id }),
    name: t.string({ description: "Its title", resolve: (album) => album.name }),
    imageUrl: t.string({ nullable: true, description: "its cover, as Peloton sent it", resolve: (album) => album.imageUrl }),
    songs: t.prismaConnection({
      type: "Song",
      cursor: "id",
      description: "Its songs that classes play, by title",
      // batched across albums (pages.ts)
      resolve: (query, album, _args, context) => {
        const { detailed } = context;
        const orderBy = [{ title: "asc" as const }, { id: "asc" as const }];
        return childPage(context, "Album.songs", album.id, query, {
          model: "song",
          ranked: (ids, from, to) => Prisma.sql`
            SELECT album_id AS parent_id, id, rank, total FROM (
              SELECT album_id, id, row_number() OVER (PARTITION BY album_id ORDER BY title, id) AS rank, count(*) OVER (PARTITION BY album_id) AS total
                FROM songs WHERE ${matchesIds("album_id", ids)}) ranked
             WHERE rank > ${from} AND rank <= ${to} ORDER BY parent_id, rank`,
          onePage: (page) => detailed.song.findMany({ ...page, where: { albumId: album.id }, orderBy, select: { id: true } }),
          rows: (ids, selection) => detailed.song.findMany({ ...selection, where: { id: { in: ids } } }),
        });
      },
      totalCount: (album, _args, context) =>
        childCount(context, "Album.songs", album.id, (ids) =>
          sqlReaderOf(context.detailed)(Prisma.sql`SELECT album_id AS parent_id, count(*) AS count FROM songs WHERE ${matchesIds("album_id", ids)} GROUP BY 1`),
        ),
    }),
  }),
});

builder.queryFields((t) => ({
  album: t.prismaField({
    type: "Album",
    nullable: true,
    description: "The album of this id: its global id or Peloton's",
    args: { id: t.arg.id({ required: true, description: "the album's `id` or its `pelotonId`" }) },
    resolve: (query, _root, { id }, context) => {
      const albumId = pelotonIdOf(id, "Album", "id");
      return rowById(context, "album", query, albumId, () => context.detailed.album.findUnique({ ...query, where: { id: albumId } }));
    },
  }),
}));
