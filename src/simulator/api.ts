import type { Library } from "./catalogue";
import { rideDetailsJson } from "./details-payload";
import type { Drift } from "./drift";
import { json, type Reply, type SimRequest } from "./http";
import { instructorJson } from "./instructor-payloads";
import { archivedPageJson, browseCategoryJson, pelotonError, userJson } from "./payloads";

// Peloton documents no default or maximum page size; the web app asks for 18, most clients for 10 to 100
export const DEFAULT_PAGE_LIMIT = 10;
export const MAX_PAGE_LIMIT = 100;
// the simulator's own error codes are the HTTP status times ten; Peloton's known ones (3010, 3020) are used as is
export const NOT_FOUND_CODE = 4040;

/** GET /api/v2/ride/archived: one page of the class list, newest first unless desc=false. */
export function archivedPage(request: SimRequest, library: Library, drift?: Drift): Reply {
  const { query } = request;
  const page = query.page === undefined ? 0 : wholeNumber(query.page);
  const askedLimit = query.limit === undefined ? DEFAULT_PAGE_LIMIT : wholeNumber(query.limit);
  if (page === undefined) return json(400, pelotonError(400, 4000, `Invalid value for page: ${query.page}`));
  if (askedLimit === undefined || askedLimit < 1) return json(400, pelotonError(400, 4000, `Invalid value for limit: ${query.limit}`));
  const limit = Math.min(askedLimit, MAX_PAGE_LIMIT);

  const slug = query.browse_category || undefined;
  const category = slug === undefined ? undefined : library.categoryBySlug(slug);
  const known = slug === undefined || category !== undefined;
  const list = library.list(slug);
  const newestFirst = !["false", "0"].includes((query.desc ?? "true").toLowerCase());
  const start = page * limit;
  const records = newestFirst
    ? list.slice(start, start + limit)
    : list.slice(Math.max(0, list.length - start - limit), Math.max(0, list.length - start)).reverse();

  const body = archivedPageJson({
    records,
    page,
    limit,
    total: list.length,
    sortBy: query.sort_by ?? "original_air_time",
    classTypes: !known ? [] : library.classTypesOf(category ? category.disciplines : library.disciplines.map((d) => d.slug)),
    disciplines: library.disciplines,
    categories: library.categories,
  });
  const served = drift ? drift.archived(body, limit) : body;
  served.data = (served.data as object[]).map((ride, i) => altered(library.alterationOf(records[i]!.id)?.listEntry, ride));
  return json(200, served);
}

// a test's alterClass changes come last, so that it gets exactly what it asked for
const altered = <T>(changes: ((value: any) => any)[] | undefined, value: T): T => (changes ?? []).reduce((current, change) => change(current), value);

/** GET /api/ride/{id}/details */
export function rideDetails(id: string, library: Library, drift?: Drift): Reply {
  const record = library.classById(id);
  if (!record) return json(404, pelotonError(404, NOT_FOUND_CODE, "Ride not found"));
  const body = rideDetailsJson(record);
  return json(200, altered(library.alterationOf(id)?.details, drift ? drift.details(body) : body));
}

/** GET /api/instructor/{id} */
export function instructor(id: string, library: Library): Reply {
  const found = library.instructorById(id);
  return found ? json(200, instructorJson(found)) : json(404, pelotonError(404, NOT_FOUND_CODE, "Instructor not found"));
}

/** GET /api/me */
export const me = (library: Library, username: string): Reply => json(200, userJson(library.userId, username));

/** GET /api/browse_categories?library_type=on_demand */
export const browseCategories = (library: Library): Reply => json(200, { browse_categories: library.categories.map(browseCategoryJson) });

function wholeNumber(text: string): number | undefined {
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}
