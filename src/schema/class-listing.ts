import type { Context } from "./context";

/** What the class list (the workouts database) says of a class that its details do not. */
export interface Listing {
  /** false once Peloton no longer lists the class or has its details */
  available: boolean;
  /** the browse category it was first listed under, e.g. "bootcamp" for a class of discipline "circuit" */
  category: string | null;
}

/** A class's listing, batched: one statement for every class of the request that asks. */
export function listingOf(context: Context, classId: string): Promise<Listing> {
  return context
    .loaderFor("Workout listing", async (ids: readonly string[]) => {
      const rows = await context.workouts.workout.findMany({ where: { id: { in: [...ids] } }, select: { id: true, available: true, category: true } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      // a class known only by its details (imported from elsewhere) is taken as available: nothing says it is gone
      return ids.map((id) => byId.get(id) ?? { available: true, category: null });
    })
    .load(classId);
}

/**
 * The class on Peloton's site, where its details open over the class list of `section` (the browse
 * category it is listed under, or else its discipline); null when there is neither.
 */
export function pelotonUrlOf(classId: string, section: string | null): string | null {
  if (!section) return null;
  const url = new URL(`https://members.onepeloton.com/classes/${encodeURIComponent(section)}`);
  url.search = new URLSearchParams({ modal: "classDetailsModal", classId }).toString();
  return url.toString();
}
