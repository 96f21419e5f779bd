import { type Discipline, disciplineFor } from "./disciplines";
import { type Instructor, makeInstructors } from "./instructors";
import { type Random, seededRandom } from "./random";
import { makeSongPool, type Song } from "./song-pool";
import type { Catalogue } from "./types";

export interface ClassType {
  id: string;
  name: string;
  discipline: string;
  listOrder: number;
}

export interface ClassRecord {
  id: string;
  title: string;
  discipline: Discipline;
  classType: ClassType;
  instructor: Instructor;
  duration: number;
  length: number;
  originalAirTime: number;
  scheduledStartTime: number;
  /** "none": playlist null; "empty": a playlist with no songs */
  music: "playlist" | "none" | "empty";
  songs: Song[];
  /** seconds into the video at which each song starts */
  songOffsets: number[];
  difficulty: number;
  difficultyCount: number;
  overall: number;
  overallCount: number;
  totalRatings: number;
  totalWorkouts: number;
  /** seeds the ids that only the details need (segments, stream, images) */
  salt: number;
}

/** A browse category: the disciplines whose classes it lists (several categories may list the same class). */
export interface BrowseCategory {
  slug: string;
  displayName: string;
  listOrder: number;
  disciplines: string[];
}

/** What a test has changed in the answers about one class (Simulator.alterClass); applied last, in call order. */
export interface ClassAlteration {
  listEntry: ((ride: any) => any)[];
  details: ((body: any) => any)[];
}

export interface LibrarySize {
  seed: number;
  classes: number;
  instructors: number;
  disciplines: string[];
  songs: number;
  /** browse category slug -> disciplines it lists; default: each discipline is its own category */
  categories?: Record<string, string[]>;
}

// newest class of every catalogue: 2026-01-04 16:00 UTC (fixed, so that catalogues are reproducible)
const NEWEST_AIR_TIME = 1767542400;
const durations = [600, 1200, 1800, 2700, 3600];
const durationWeights = [3, 4, 4, 2, 1];
// where the class proper starts in the video: the first song, and the pedaling start of cycling classes
export const CLASS_START_OFFSET = 60;

/** The whole simulated library: instructors, a shared song pool and the classes currently listed, newest first. */
export class Library {
  readonly disciplines: Discipline[];
  readonly categories: BrowseCategory[];
  readonly classTypes = new Map<string, ClassType[]>();
  readonly instructors: Instructor[];
  readonly songs: Song[];
  readonly userId: string;
  private listed: ClassRecord[] = [];
  private readonly byId = new Map<string, ClassRecord>();
  private readonly alterations = new Map<string, ClassAlteration>();
  private readonly instructorsById: Map<string, Instructor>;
  private readonly teaching = new Map<string, Instructor[]>();
  private readonly publishing: Random;
  private cachedSummary: Catalogue | undefined;
  private cachedLists = new Map<string, ClassRecord[]>();

  constructor(size: LibrarySize) {
    validate(size);
    const { seed } = size;
    this.userId = seededRandom(seed, "user").hex();
    this.disciplines = size.disciplines.map((slug, position) => disciplineFor(slug, position));
    this.categories = size.categories
      ? Object.entries(size.categories).map(([slug, disciplines], position) => {
          const { displayName, listOrder } = disciplineFor(slug, position);
          return { slug, displayName, listOrder, disciplines: [...new Set(disciplines)] };
        })
      : this.disciplines.map(({ slug, displayName, listOrder }) => ({ slug, displayName, listOrder, disciplines: [slug] }));
    for (const discipline of this.disciplines) {
      this.classTypes.set(
        discipline.slug,
        discipline.classTypes.map(({ name }, index) => ({
          id: seededRandom("class-type", discipline.slug, name).hex(),
          name,
          discipline: discipline.slug,
          listOrder: index + 1,
        })),
      );
    }
    this.instructors = makeInstructors(seededRandom(seed, "instructors", size.instructors), size.instructors, size.disciplines);
    this.instructorsById = new Map(this.instructors.map((instructor) => [instructor.id, instructor]));
    for (const slug of size.disciplines)
      this.teaching.set(
        slug,
        this.instructors.filter((i) => i.disciplines.includes(slug)),
      );
    this.songs = makeSongPool(seededRandom(seed, "songs", size.songs), size.songs);

    const random = seededRandom(seed, "classes", size.classes, size.songs, size.instructors, size.disciplines.join(","));
    let airTime = NEWEST_AIR_TIME;
    for (let i = 0; i < size.classes; i++) {
      const record = this.makeClass(random, airTime, random.pick(this.disciplines));
      this.listed.push(record);
      this.byId.set(record.id, record);
      airTime -= 300 * random.int(6, 96);
    }
    this.publishing = seededRandom(seed, "published", size.classes, size.songs, size.instructors, size.disciplines.join(","));
  }

  classById(id: string): ClassRecord | undefined {
    return this.byId.get(id);
  }

  instructorById(id: string): Instructor | undefined {
    return this.instructorsById.get(id);
  }

  classTypesOf(slugs: readonly string[]): ClassType[] {
    return slugs.flatMap((slug) => this.classTypes.get(slug) ?? []);
  }

  categoryBySlug(slug: string): BrowseCategory | undefined {
    return this.categories.find((category) => category.slug === slug);
  }

  /** The listed classes, newest first; only those a browse category lists when given ([] for an unknown one). */
  list(categorySlug?: string): ClassRecord[] {
    if (categorySlug === undefined) return this.listed;
    let list = this.cachedLists.get(categorySlug);
    if (!list) {
      const disciplines = new Set(this.categoryBySlug(categorySlug)?.disciplines ?? []);
      list = this.listed.filter((record) => disciplines.has(record.discipline.slug));
      this.cachedLists.set(categorySlug, list);
    }
    return list;
  }

  /** From now on the class's list entry and/or details answer pass through these functions. */
  alter(id: string, change: { listEntry?: (ride: any) => any; details?: (body: any) => any }): void {
    if (!this.byId.has(id)) throw new Error(`alterClass: no listed class has id ${id}`);
    const alteration = this.alterations.get(id) ?? { listEntry: [], details: [] };
    if (change.listEntry) alteration.listEntry.push(change.listEntry);
    if (change.details) alteration.details.push(change.details);
    this.alterations.set(id, alteration);
  }

  alterationOf(id: string): ClassAlteration | undefined {
    return this.alterations.get(id);
  }

  /** n new classes, each newer than any listed; returns their ids, newest first. */
  publish(n: number, slug?: string): string[] {
    if (!Number.isInteger(n) || n < 0) throw new Error(`publishClasses: n must be a whole number, got ${n}`);
    const discipline = slug === undefined ? undefined : this.disciplines.find((d) => d.slug === slug);
    if (slug !== undefined && !discipline)
      throw new Error(`publishClasses: "${slug}" is not one of the disciplines (${this.disciplines.map((d) => d.slug).join(", ")})`);
    const ids: string[] = [];
    let airTime = this.listed[0]?.originalAirTime ?? NEWEST_AIR_TIME;
    for (let i = 0; i < n; i++) {
      airTime += 300 * this.publishing.int(6, 96);
      const record = this.makeClass(this.publishing, airTime, discipline ?? this.publishing.pick(this.disciplines));
      this.listed.unshift(record);
      this.byId.set(record.id, record);
      ids.unshift(record.id);
    }
    this.changed();
    return ids;
  }

  remove(id: string): void {
    const record = this.byId.get(id);
    if (!record) throw new Error(`removeClass: no listed class has id ${id}`);
    this.byId.delete(id);
    this.listed = this.listed.filter((listed) => listed !== record);
    this.changed();
  }

  /** What the API serves right now, summarised (cached until the list changes). */
  summary(): Catalogue {
    if (this.cachedSummary) return this.cachedSummary;
    const songIds = new Set<string>();
    const aliasIds = new Set<string>();
    const teachers = new Set<Instructor>();
    const classes = this.listed.map((record) => {
      teachers.add(record.instructor);
      for (const song of record.songs) {
        songIds.add(song.id);
        for (const artist of song.artists) aliasIds.add(artist.aliasId);
      }
      return {
        id: record.id,
        title: record.title,
        discipline: record.discipline.slug,
        originalAirTime: record.originalAirTime,
        instructorId: record.instructor.id,
        songIds: record.songs.map((song) => song.id),
      };
    });
    this.cachedSummary = {
      classes,
      instructors: this.instructors.filter((i) => teachers.has(i)).map(({ id, name }) => ({ id, name })),
      disciplines: this.disciplines.map((d) => d.slug),
      categories: Object.fromEntries(this.categories.map((category) => [category.slug, this.list(category.slug).map((record) => record.id)])),
      songCount: songIds.size,
      artistCount: aliasIds.size,
    };
    return this.cachedSummary;
  }

  private changed(): void {
    this.cachedSummary = undefined;
    this.cachedLists.clear();
  }

  private makeClass(random: Random, originalAirTime: number, discipline: Discipline): ClassRecord {
    const types = this.classTypes.get(discipline.slug)!;
    const typeIndex = random.int(0, types.length - 1);
    const duration = random.weighted(durations, durationWeights);
    const roll = random.next();
    const music = roll < 0.05 ? "none" : roll < 0.07 ? "empty" : "playlist";
    const songs = music === "playlist" ? this.pickSongs(random, playlistLength(random, duration)) : [];
    const difficultyCount = random.int(40, 2500);
    return {
      id: random.hex(),
      title: `${duration / 60} min ${random.pick(discipline.classTypes[typeIndex]!.titles)}`,
      discipline,
      classType: types[typeIndex]!,
      instructor: random.pick(this.teaching.get(discipline.slug)!),
      duration,
      length: duration + random.int(40, 200),
      originalAirTime,
      scheduledStartTime: originalAirTime + (random.chance(0.2) ? 300 : 0),
      music,
      songs,
      songOffsets: songOffsets(random, songs.length, duration),
      difficulty: round(random.int(300, 900) / 100 + random.next() / 100, 4),
      difficultyCount,
      overall: round(0.97 + random.next() * 0.0299, 4),
      overallCount: difficultyCount - random.int(0, 39),
      totalRatings: difficultyCount + random.int(0, 60),
      totalWorkouts: random.int(800, 60000),
      salt: random.int(0, 2 ** 31 - 1),
    };
  }

  // popular songs (low indices) recur in many classes, as hits do
  private pickSongs(random: Random, count: number): Song[] {
    const chosen: Song[] = [];
    const wanted = Math.min(count, this.songs.length);
    while (chosen.length < wanted) {
      const song = this.songs[Math.floor(this.songs.length * random.next() ** 1.7)]!;
      if (!chosen.includes(song)) chosen.push(song);
    }
    return chosen;
  }
}

function validate(size: LibrarySize): void {
  const whole = (name: string, value: number, min: number) => {
    if (!Number.isInteger(value) || value < min) throw new Error(`simulator option ${name} must be a whole number >= ${min}, got ${value}`);
  };
  whole("seed", size.seed, Number.MIN_SAFE_INTEGER);
  whole("classes", size.classes, 0);
  whole("instructors", size.instructors, 1);
  whole("songs", size.songs, 1);
  if (size.disciplines.length === 0) throw new Error("simulator option disciplines must name at least one browse category");
  for (const slug of size.disciplines) {
    if (!/^[a-z0-9_-]+$/.test(slug)) throw new Error(`simulator option disciplines: "${slug}" is not a browse category slug (a-z, 0-9, _ and -)`);
  }
  if (new Set(size.disciplines).size !== size.disciplines.length) throw new Error("simulator option disciplines lists a category twice");
  for (const [slug, disciplines] of Object.entries(size.categories ?? {})) {
    // Peloton's slugs are a-z, 0-9, _ and -; others (such as "../x") test what the catalogue does with a slug it must not trust
    if (!/^[^\s\p{Cc}]{1,100}$/u.test(slug))
      throw new Error(`simulator option categories: "${slug}" is not a browse category slug (1 to 100 characters, no spaces)`);
    if (!Array.isArray(disciplines) || disciplines.length === 0) throw new Error(`simulator option categories: "${slug}" must list at least one discipline`);
    const unknown = disciplines.filter((discipline) => !size.disciplines.includes(discipline));
    if (unknown.length > 0)
      throw new Error(`simulator option categories: "${slug}" lists ${unknown.join(", ")}, not among the disciplines (${size.disciplines.join(", ")})`);
  }
  if (size.categories && Object.keys(size.categories).length === 0) throw new Error("simulator option categories must name at least one browse category");
}

// about a song every four minutes, 5 to 15 per class
function playlistLength(random: Random, duration: number): number {
  return Math.max(5, Math.min(15, Math.round(duration / 240) + random.int(-1, 1)));
}

function songOffsets(random: Random, count: number, duration: number): number[] {
  const weights = Array.from({ length: count }, () => 0.8 + random.next() * 0.4);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let elapsed = 0;
  return weights.map((weight) => {
    const offset = CLASS_START_OFFSET + Math.floor((duration * elapsed) / total);
    elapsed += weight;
    return offset;
  });
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
