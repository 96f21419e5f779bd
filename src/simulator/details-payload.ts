import { CLASS_START_OFFSET, type ClassRecord } from "./catalogue";
import { detailsRideJson } from "./payloads";
import { seededRandom } from "./random";
import type { Album, Artist, Song } from "./song-pool";

// GET /api/ride/{id}/details, key for key as test/fixtures/peloton-real/ride_details/details-15cb7793-2025.json (peloton-api.md §3).

const uuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
const musicImage = (ownerId: string, size: "orig" | "big") => {
  const random = seededRandom("music-image", ownerId);
  return `https://images.music.onepeloton.com/rr/albumimages/catalog/${uuid(random.hex())}/product/${uuid(random.hex())}/${size}_${random.hex()}.jpg`;
};
const segmentIcon = (slug: string) => `https://s3.amazonaws.com/static-cdn.pelotoncycle.com/segment-icons/${slug}.png`;

/** GET /api/ride/{id}/details */
export function rideDetailsJson(record: ClassRecord) {
  const random = seededRandom("details", record.id, record.salt);
  const cycling = record.discipline.hasPedalingMetrics;
  const expectedOutput = cycling ? expectedOutputJson(record) : null;
  return {
    ride: detailsRideJson(record),
    playlist: record.music === "none" ? null : playlistJson(record, random.hex(), random.hex()),
    averages: averagesJson(record),
    segments: segmentsJson(record, () => random.hex()),
    class_types: [{ id: record.classType.id, name: record.classType.name }],
    events: { data: [] },
    instructor_cues: cycling ? instructorCuesJson(record) : [],
    target_metrics_data: { target_metrics: [], total_expected_output: expectedOutput },
    target_class_metrics: expectedOutput ? { target_graph_metrics: [], total_expected_output: expectedOutput } : {},
    default_album_images: {
      default_in_class_image_url: "https://s3.amazonaws.com/peloton-ride-images/DEFAULT_ALBUM_ART_IN_CLASS.svg",
      default_class_detail_image_url: "https://s3.amazonaws.com/peloton-ride-images/DEFAULT_ALBUM_ART_CLASS_DETAIL.svg",
    },
    excluded_platforms: [],
    is_ftp_test: false,
    is_power_zone_class: record.classType.name === "Power Zone",
    sampled_top_tags: null,
    related_rides: {},
    lanebreak_info: null,
    last_time_metrics: null,
    disabled_leaderboard_filters: { just_me: false, following: false, age_and_gender: false },
  };
}

function playlistJson(record: ClassRecord, id: string, streamId: string) {
  const songs = record.songs.map((song, index) => songJson(song, index, record.songOffsets[index]!));
  const artists = new Map<string, Artist>();
  for (const artist of record.songs.flatMap((song) => song.artists)) artists.set(artist.id, artist);
  const byPlays = (a: Artist, b: Artist) => b.ridesWithSongPlayed - a.ridesWithSongPlayed;
  const albums = new Map<string, { album: Album; plays: number }>();
  for (const song of record.songs) {
    if (song.album.hasImage && !albums.has(song.album.id)) albums.set(song.album.id, { album: song.album, plays: song.artists[0]!.ridesWithSongPlayed });
  }
  const hasMusic = songs.length > 0;
  return {
    id,
    ride_id: record.id,
    stream_id: streamId,
    stream_url: null,
    songs,
    top_artists: [...artists.values()].sort(byPlays).slice(0, 4).map(artistJson),
    top_albums: [...albums.values()]
      .sort((a, b) => b.plays - a.plays)
      .slice(0, 4)
      .map(({ album }) => albumJson(album)),
    is_playlist_shown: hasMusic,
    is_top_artists_shown: hasMusic,
    is_in_class_music_shown: hasMusic,
  };
}

function songJson(song: Song, index: number, offset: number) {
  return {
    id: song.id,
    title: song.title,
    index,
    liked: false,
    popularity: song.popularity,
    explicit_rating: song.explicit ? 1 : 0,
    cue_time_offset: offset,
    start_time_offset: offset,
    album: albumJson(song.album),
    artists: song.artists.map(artistJson),
  };
}

const albumJson = (album: Album) => ({ id: album.id, name: album.name, image_url: album.hasImage ? musicImage(album.id, "big") : null });

const artistJson = (artist: Artist) => ({
  artist_id: artist.id,
  artist_name: artist.name,
  image_url: musicImage(artist.id, "orig"),
  artist_alias_id: artist.aliasId,
  num_rides_with_song_played: artist.ridesWithSongPlayed,
});

function averagesJson(record: ClassRecord) {
  const minutes = record.duration / 60;
  const calories = Math.round(minutes * (4 + (record.salt % 60) / 10));
  if (!record.discipline.hasPedalingMetrics) {
    return {
      average_total_work: null,
      average_distance: null,
      average_calories: calories,
      average_avg_power: null,
      average_avg_speed: null,
      average_avg_cadence: null,
      average_avg_resistance: null,
      average_effort_score: null,
      total_heart_rate_zone_durations: null,
    };
  }
  const power = 120 + (record.salt % 80);
  return {
    average_total_work: power * record.duration,
    average_distance: Math.round(minutes * 27) / 100,
    average_calories: calories,
    average_avg_power: power,
    average_avg_speed: 14 + (record.salt % 50) / 10,
    average_avg_cadence: 75 + (record.salt % 20),
    average_avg_resistance: 35 + (record.salt % 20),
    average_effort_score: null,
    total_heart_rate_zone_durations: null,
  };
}

function segmentsJson(record: ClassRecord, nextId: () => string) {
  const { discipline, duration } = record;
  const segment = (name: string, icon: string, mets: number, start: number, length: number) => ({
    id: nextId(),
    name,
    icon_name: icon,
    icon_slug: icon,
    icon_url: segmentIcon(icon),
    metrics_type: discipline.slug,
    intensity_in_mets: mets,
    start_time_offset: start,
    length,
    is_drill: false,
    is_transition: false,
    subsegments_v2: [],
  });
  if (!discipline.hasPedalingMetrics) {
    return {
      segment_list: [segment(discipline.displayName, discipline.slug, discipline.intensityInMets, 0, duration)],
      segment_category_distribution: { [discipline.slug]: "1.0" },
      segment_body_focus_distribution: { [discipline.bodyFocus]: "1.0" },
      movements_by_weight_category: {},
    };
  }
  const warmUp = duration / 5;
  const coolDown = duration / 10;
  return {
    segment_list: [
      segment("Warm Up", "warmup", 3.5, 0, warmUp),
      segment(discipline.displayName, discipline.slug, discipline.intensityInMets, warmUp, duration - warmUp - coolDown),
      segment("Cool Down", "cooldown", 3.5, duration - coolDown, coolDown),
    ],
    segment_category_distribution: { [`${discipline.displayName} Warmup`]: "0.2", [discipline.slug]: "0.7", [`${discipline.displayName} Cool Down`]: "0.1" },
    segment_body_focus_distribution: { [discipline.bodyFocus]: "1.0" },
    movements_by_weight_category: {},
  };
}

function instructorCuesJson(record: ClassRecord) {
  const cues = [];
  for (let start = CLASS_START_OFFSET + record.duration / 5; start + 60 <= CLASS_START_OFFSET + record.duration * 0.9; start += 120) {
    const effort = (start + record.salt) % 4;
    cues.push({
      offsets: { start, end: start + 60 },
      cadence_range: { lower: 70 + effort * 5, upper: 80 + effort * 5 },
      resistance_range: { lower: 30 + effort * 5, upper: 40 + effort * 5 },
    });
  }
  return cues;
}

function expectedOutputJson(record: ClassRecord) {
  const perMinute = 7 + (record.salt % 5);
  return { expected_lower_output: Math.round((record.duration / 60) * perMinute), expected_upper_output: Math.round((record.duration / 60) * (perMinute + 5)) };
}
