import { GraphQLError } from "graphql";
import { sqlReaderOf } from "../db";
import { Prisma } from "../db/generated/detailed/client";
import { matchesIds } from "../db/plain-reads";
import { Artist as ArtistType } from "./artist";
import { builder } from "./builder";
import type { ArtistPlaysRow } from "./context";
import { pelotonIdOf } from "./node-ids";
import { childCount, childPage } from "./pages";
import { rowById } from "./rows";

const ArtistPlays = builder.objectRef<ArtistPlaysRow>("ArtistPlays").implement({
  description: "An artist and how many times an instructor's classes play them",
  fields: (t) => ({
    // the artist's row as topArtists read it (the columns Artist selects): its other fields load what they need
    artist: t.field({ type: ArtistType, description: "The artist", resolve: ({ artist }) => artist }),
    plays: t.exposeInt("plays", { description: "How many times the instructor's classes play this artist" }),
  }),
});

// As Workout: the small columns the fields show, selected once for the type, read by plain fields.
export const Instructor = builder.prismaNode("Instructor", {
  description: "A Peloton instructor",
  id: { field: "id", description: "The instructor's global id (Relay): opaque, for node(id), nodes(ids) and the lookups" },
  // a global id naming no instructor answers null, not an error
  nullable: true,
  select: { id: true, name: true, imageUrl: true },
  fields: (t) => ({
    pelotonId: t.id({ description: "Peloton's instructor id", resolve: (instructor) => instructor.id }),
    name: t.string({ description: "Their full name, as Peloton shows it", resolve: (instructor) => instructor.name }),
    imageUrl: t.string({ nullable: true, description: "Their portrait, as Peloton sent it", resolve: (instructor) => instructor.imageUrl }),
    bio: t.string({
      nullable: true,
      description: "As Peloton wrote it; null when it sent none",
      select: { bio: true },
      resolve: (instructor) => instructor.bio,
    }),
    disciplines: t.stringList({
      description: 'The disciplines they teach, as Peloton names them (e.g. "cycling", "strength")',
      select: { fitnessDisciplines: true },
      resolve: (instructor) => instructor.fitnessDisciplines,
    }),
    spotifyPlaylistUrl: t.string({
      nullable: true,
      description: "Their Spotify playlist, as an https link (open.spotify.com) whichever form Peloton sent it in; null when it sent none we can read",
      select: { spotifyPlaylistUri: true },
      resolve: (instructor) => spotifyPlaylistUrl(instructor.spotifyPlaylistUri),
    }),
    // batched across instructors (pages.ts): not a relatedConnection, whose nested selection Prisma
    // builds for every class of the instructor (900 for the busiest) before cutting the page
    workouts: t.prismaConnection({
      type: "DetailedWorkout",
      cursor: "id",
      description: "The instructor's classes, newest first",
      resolve: (query, instructor, _args, context) => {
        const { detailed } = context;
        const orderBy = [{ originalAirTime: "desc" as const }, { id: "asc" as const }];
        return childPage(context, "Instructor.workouts", instructor.id, query, {
          model: "workout",
          ranked: (ids, from, to) => Prisma.sql`
            SELECT instructor_id AS parent_id, id, rank, total FROM (
              SELECT instructor_id, id, row_number() OVER (PARTITION BY instructor_id ORDER BY original_air_time DESC NULLS FIRST, id) AS rank, count(*) OVER (PARTITION BY instructor_id) AS total
                FROM detailed_workouts WHERE ${matchesIds("instructor_id", ids)}) ranked
             WHERE rank > ${from} AND rank <= ${to} ORDER BY parent_id, rank`,
          onePage: (page) => detailed.detailedWorkout.findMany({ ...page, where: { instructorId: instructor.id }, orderBy, select: { id: true } }),
          rows: (ids, selection) => detailed.detailedWorkout.findMany({ ...selection, where: { id: { in: ids } } }),
        });
      },
      totalCount: (instructor, _args, context) =>
        childCount(context, "Instructor.workouts", instructor.id, (ids) =>
          sqlReaderOf(context.detailed)(
            Prisma.sql`SELECT instructor_id AS parent_id, count(*) AS count FROM detailed_workouts WHERE ${matchesIds("instructor_id", ids)} GROUP BY 1`,
          ),
        ),
    }),
    topArtists: t.field({
      type: [ArtistPlays],
      description: "The artists this instructor plays most, most played first",
      args: { limit: t.arg.int({ defaultValue: 10, description: "how many artists, 1 to 100" }) },
      resolve: (instructor, { limit }, { topArtists }) => {
        const take = limit ?? 10;
        if (take < 1 || take > 100) throw new GraphQLError("limit must be between 1 and 100", { extensions: { code: "BAD_USER_INPUT" } });
        return topArtists.load({ instructorId: instructor.id, limit: take });
      },
    }),
  }),
});

/**
 * A Spotify playlist's https link from any of the forms Peloton sends: "spotify:playlist:ID",
 * "spotify:user:NAME:playlist:ID" (either perhaps with "?si=…"), or an open.spotify.com link (with or
 * without a query); null for "", null or anything else.
 */
export function spotifyPlaylistUrl(sent: string | null): string | null {
  const text = sent?.trim() ?? "";
  const id = text.startsWith("spotify:") ? /^spotify:(?:user:[^:]+:)?playlist:([^?#]+)/i.exec(text)?.[1] : playlistIdOfLink(text);
  // Spotify's ids are base 62 (22 characters)
  return id && /^[A-Za-z0-9]{1,64}$/.test(id) ? `https://open.spotify.com/playlist/${id}` : null;
}

function playlistIdOfLink(text: string): string | undefined {
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  if (!/^https?:$/.test(url.protocol) || url.hostname !== "open.spotify.com") return undefined;
  return /^\/(?:intl-[a-z-]+\/)?(?:embed\/)?(?:user\/[^/]+\/)?playlist\/([^/]+)\/?$/i.exec(url.pathname)?.[1];
}

builder.queryFields((t) => ({
  instructor: t.prismaField({
    type: "Instructor",
    nullable: true,
    description: "The instructor of this id: their global id or Peloton's",
    args: { id: t.arg.id({ required: true, description: "the instructor's `id` or their `pelotonId`" }) },
    resolve: (query, _root, { id }, context) => {
      const instructorId = pelotonIdOf(id, "Instructor", "id");
      return rowById(context, "instructor", query, instructorId, () => context.detailed.instructor.findUnique({ ...query, where: { id: instructorId } }));
    },
  }),
  instructors: t.prismaConnection({
    description: "Every instructor whose classes are in the catalogue, by id",
    type: "Instructor",
    cursor: "id",
    resolve: (query, _root, _args, { detailed }) => detailed.instructor.findMany({ ...query, orderBy: { id: "asc" } }),
    totalCount: (_connection, _args, { detailed }) => detailed.instructor.count(),
  }),
}));
