import { type BrowseCategory, CLASS_START_OFFSET, type ClassRecord, type ClassType } from "./catalogue";
import type { Discipline } from "./disciplines";
import { nestedInstructorJson, sideloadedInstructorJson } from "./instructor-payloads";
import { seededRandom } from "./random";

// Peloton's JSON, key for key as the real captures in test/fixtures/peloton-real (peloton-api.md §2–§4); details and instructors have their own modules.

const captionNames = { "de-DE": "Englisch", "en-US": "English", "es-ES": "Inglés", "fr-FR": "Anglais" };

/** A class as the archived list shows it: the key set of list-data-only-2025.json. */
export function listEntryJson(record: ClassRecord) {
  return {
    ...rideJson(record),
    extra_images: null,
    user_caption_locales: [{ locale: "en-US", slugs: [{ type: "en", display_names: captionNames }] }],
    is_sessions_eligible: false,
  };
}

/** The fields of a class that its list entry and details' `ride` share (the 2025 captures). */
export function rideJson(record: ClassRecord) {
  const random = seededRandom("ride", record.id, record.salt);
  const { discipline, classType, instructor } = record;
  const explicit = record.songs.some((song) => song.explicit);
  const pedaling = discipline.hasPedalingMetrics;
  const airMonth = new Date(record.originalAirTime * 1000);
  return {
    id: record.id,
    title: record.title,
    description: `${instructor.firstName} leads this ${record.duration / 60}-minute ${classType.name.toLowerCase()} class.`,
    instructor_id: instructor.id,
    individual_instructor_ids: [],
    fitness_discipline: discipline.slug,
    fitness_discipline_display_name: discipline.displayName,
    duration: record.duration,
    length: record.length,
    original_air_time: record.originalAirTime,
    scheduled_start_time: record.scheduledStartTime,
    image_url: `https://s3.amazonaws.com/peloton-ride-images/${random.hex(40)}/img_${record.originalAirTime - 3000}_${random.hex()}.png`,
    class_type_ids: [classType.id],
    ride_type_id: classType.id,
    ride_type_ids: [classType.id],
    series_id: seededRandom("series", discipline.slug, record.title).hex(),
    difficulty_estimate: record.difficulty,
    difficulty_rating_avg: record.difficulty,
    difficulty_rating_count: record.difficultyCount,
    difficulty_level: null,
    overall_estimate: record.overall,
    overall_rating_avg: record.overall,
    overall_rating_count: record.overallCount,
    rating: 0,
    total_ratings: record.totalRatings,
    total_workouts: record.totalWorkouts,
    total_in_progress_workouts: record.salt % 7,
    total_user_workouts: 0,
    total_following_workouts: 0,
    is_explicit: explicit,
    explicit_rating: explicit ? 1 : 0,
    is_favorite: false,
    is_archived: true,
    is_live_in_studio_only: false,
    is_limited_ride: false,
    free_for_limited_time: false,
    has_free_mode: false,
    sold_out: false,
    language: "english",
    origin_locale: "en-US",
    captions: ["en-US"],
    has_closed_captions: true,
    is_closed_caption_shown: true,
    content_format: "video",
    content_provider: "peloton",
    content_availability: "available",
    content_availability_level: "digital_and_above",
    availability: { is_available: true, reason: null },
    join_tokens: { on_demand: random.hex(48) },
    location: `psny-studio-${1 + (record.salt % 3)}`,
    metrics: pedaling ? ["heart_rate", "cadence", "calories"] : ["heart_rate", "calories"],
    muscle_group_score: [],
    has_pedaling_metrics: pedaling,
    pedaling_start_offset: pedaling ? CLASS_START_OFFSET : 0,
    pedaling_end_offset: pedaling ? CLASS_START_OFFSET + record.duration : 0,
    pedaling_duration: pedaling ? record.duration : 0,
    equipment_ids: [],
    equipment_tags: [],
    flags: [],
    home_peloton_id: random.hex(),
    studio_peloton_id: random.hex(),
    live_stream_id: `${record.id}-live`,
    vod_stream_id: `${record.id}-vod`,
    live_stream_url: null,
    vod_stream_url: `https://amd-vod.akamaized.net/classes/${discipline.slug}/${airMonth.getUTCMonth() + 1}-${airMonth.getUTCFullYear()}/${record.id}/1/master.m3u8`,
    sample_vod_stream_url: null,
    sample_preview_stream_url: null,
    thumbnail_title: null,
    thumbnail_location: null,
    is_dynamic_video_eligible: false,
    dynamic_video_recorded_speed_in_mph: 0,
    is_fixed_distance: false,
    has_tread_pace_target: false,
    is_outdoor: false,
    distance: null,
    distance_unit: null,
    distance_display_value: null,
  };
}

/** Details' `ride`: the shared fields plus those only details-15cb7793-2025.json has. */
export function detailsRideJson(record: ClassRecord) {
  return {
    ...rideJson(record),
    instructor: nestedInstructorJson(record.instructor),
    extra_images: [],
    user_caption_locales: [{ locale: "en-US", slugs: [{ type: "English", display_name: "English", display_names: captionNames }] }],
    leaderboard_filter_type: null,
    membership_tiering_info: { tier_type: "all_access", limited_classes_taken: null, limited_classes_total: null, limited_classes_reset_date: null },
  };
}

export function classTypeJson(classType: ClassType) {
  return {
    id: classType.id,
    name: classType.name,
    display_name: classType.name,
    fitness_discipline: classType.discipline,
    is_active: true,
    list_order: classType.listOrder,
  };
}

export function browseCategoryJson(category: BrowseCategory) {
  const random = seededRandom("browse-category", category.slug);
  const image = () => `https://browse-categories-images-prod.s3.amazonaws.com/${random.hex()}`;
  return { id: random.hex(), name: category.displayName, slug: category.slug, list_order: category.listOrder, icon_url: image(), portal_image_url: image() };
}

export interface ArchivedPage {
  records: ClassRecord[];
  page: number;
  limit: number;
  total: number;
  sortBy: string;
  classTypes: ClassType[];
  disciplines: Discipline[];
  categories: BrowseCategory[];
}

/** GET /api/v2/ride/archived */
export function archivedPageJson({ records, page, limit, total, sortBy, classTypes, disciplines, categories }: ArchivedPage) {
  const pageCount = Math.ceil(total / limit);
  const instructors = [...new Set(records.map((record) => record.instructor))];
  return {
    data: records.map(listEntryJson),
    page,
    page_count: pageCount,
    total,
    count: records.length,
    show_next: page + 1 < pageCount,
    show_previous: page > 0,
    sort_by: [sortBy],
    hide_explicit_rides: false,
    instructors: instructors.map(sideloadedInstructorJson),
    class_types: classTypes.map(classTypeJson),
    ride_types: classTypes.map(classTypeJson),
    fitness_disciplines: disciplines.map((discipline) => ({ id: discipline.slug, name: discipline.displayName })),
    browse_categories: categories.map(browseCategoryJson),
  };
}

/** GET /api/me: a plausible subset of Peloton's user object (there is no fixture for it). */
export function userJson(userId: string, username: string) {
  return {
    id: userId,
    username,
    email: username.includes("@") ? username : `${username}@example.com`,
    first_name: "Demo",
    last_name: "Rider",
    name: "Demo Rider",
    image_url: null,
    location: "Brooklyn, NY",
    is_private: false,
    is_profile_private: false,
    created_at: 1577836800,
    total_workouts: 0,
    total_followers: 0,
    total_following: 0,
    has_active_digital_subscription: true,
    has_active_device_subscription: false,
  };
}

/** Peloton's error body on api.onepeloton.com. */
export function pelotonError(status: number, errorCode: number, message: string) {
  return { status, error_code: errorCode, subcode: null, message, details: null };
}
