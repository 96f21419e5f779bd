import { queryFromInfo } from "@pothos/plugin-prisma";
import { GraphQLError } from "graphql";
import type { Artist } from "../db/generated/detailed/client";
import { builder } from "./builder";
import { Artist as ArtistType } from "./song";

const ArtistPlays = builder.objectRef<{ artist: Artist; plays: number }>("ArtistPlays").implement({
  fields: (t) => ({
    artist: t.field({ type: ArtistType, resolve: ({ artist }) => artist }),
    plays: t.exposeInt("plays", { description: "How many times the instructor's classes play this artist" }),
  }),
});

// As Workout: the small columns the fields show, selected once for the type, read by plain fields.
export const Instructor = builder.prismaObject("Instructor", {
  select: { id: true, name: true, imageUrl: true },
  fields: (t) => ({
    id: t.id({ description: "Peloton's instructor id", resolve: (instructor) => instructor.id }),
    name: t.string({ resolve: (instructor) => instructor.name }),
    imageUrl: t.string({ nullable: true, resolve: (instructor) => instructor.imageUrl }),
    workouts: t.relatedConnection("workouts", {
      cursor: "id",
      totalCount: true,
      query: () => ({ orderBy: [{ originalAirTime: "desc" }, { id: "asc" }] }),
    }),
    topArtists: t.field({
      type: [ArtistPlays],
      description: "The artists this instructor plays most, most played first",
      args: { limit: t.arg.int({ defaultValue: 10 }) },
      resolve: async (instructor, { limit }, context, info) => {
        const { detailed } = context;
        const take = limit ?? 10;
        if (take < 1 || take > 100) throw new GraphQLError("limit must be between 1 and 100", { extensions: { code: "BAD_USER_INPUT" } });
        const rows = await detailed.$queryRaw<{ artist_id: string; plays: bigint }[]>`
          SELECT sa.artist_id, count(*) AS plays
            FROM detailed_workouts w
            JOIN playlist_entries pe ON pe.workout_id = w.id
            JOIN song_artists sa ON sa.song_id = pe.song_id
           WHERE w.instructor_id = ${instructor.id}
           GROUP BY sa.artist_id ORDER BY plays DESC, sa.artist_id LIMIT ${take}`;
        // the artists, with what the query selects of them, in one statement
        const query = queryFromInfo({ context, info, typeName: "Artist", path: ["artist"] });
        const artists = new Map((await detailed.artist.findMany({ ...query, where: { id: { in: rows.map((row) => row.artist_id) } } })).map((a) => [a.id, a]));
        return rows.map((row) => ({ artist: artists.get(row.artist_id)!, plays: Number(row.plays) }));
      },
    }),
  }),
});

builder.queryFields((t) => ({
  instructor: t.prismaField({
    type: "Instructor",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, { detailed }) => detailed.instructor.findUnique({ ...query, where: { id: String(id) } }),
  }),
  instructors: t.prismaConnection(
    {
      type: "Instructor",
      cursor: "id",
      resolve: (query, _root, _args, { detailed }) => detailed.instructor.findMany({ ...query, orderBy: { id: "asc" } }),
      totalCount: (_connection, _args, { detailed }) => detailed.instructor.count(),
    },
  ),
}));
