/** What a browse category (= fitness discipline here) looks like: its class types and how its classes are titled. */
export interface Discipline {
  slug: string;
  displayName: string;
  listOrder: number;
  hasPedalingMetrics: boolean;
  /** what the single segment of a non-cycling class is about */
  bodyFocus: string;
  intensityInMets: number;
  classTypes: { name: string; titles: readonly string[] }[];
}

type Known = Omit<Discipline, "slug" | "hasPedalingMetrics">;

const known: Record<string, Known> = {
  cycling: {
    displayName: "Cycling",
    listOrder: 1,
    bodyFocus: "cardio",
    intensityInMets: 7,
    classTypes: [
      {
        name: "Music",
        titles: [
          "80s Ride",
          "90s Ride",
          "2000s Pop Ride",
          "Hip Hop Ride",
          "Rock Ride",
          "Latin Ride",
          "Country Ride",
          "Disco Ride",
          "Pop Ride",
          "K-Pop Ride",
          "Classic Rock Ride",
          "Beyoncé Ride",
          "Reggaetón Ride",
          "Día de los Muertos Ride",
          "EDM Ride",
          "Motown Ride",
          "Yacht Rock Ride",
          "Après-Ski Ride",
        ],
      },
      { name: "Intervals", titles: ["HIIT & Hills Ride", "Tabata Ride", "Intervals & Arms Ride", "HIIT Ride"] },
      { name: "Climb", titles: ["Climb Ride"] },
      { name: "Low Impact", titles: ["Low Impact Ride"] },
      { name: "Power Zone", titles: ["Power Zone Ride", "Power Zone Endurance Ride", "Power Zone Max Ride"] },
      { name: "Beginner", titles: ["Beginner Ride"] },
    ],
  },
  strength: {
    displayName: "Strength",
    listOrder: 2,
    bodyFocus: "full_body",
    intensityInMets: 5,
    classTypes: [
      { name: "Full Body", titles: ["Full Body Strength", "Total Strength"] },
      { name: "Upper Body", titles: ["Upper Body Strength", "Arms & Shoulders Strength"] },
      { name: "Lower Body", titles: ["Lower Body Strength", "Glutes & Legs Strength"] },
      { name: "Core", titles: ["Core Strength", "Core Con Música"] },
    ],
  },
  yoga: {
    displayName: "Yoga",
    listOrder: 3,
    bodyFocus: "full_body",
    intensityInMets: 2.5,
    classTypes: [
      { name: "Flow", titles: ["Slow Flow", "Yoga Flow", "90s Yoga Flow", "Sunrise Flow"] },
      { name: "Power", titles: ["Power Yoga"] },
      { name: "Restorative", titles: ["Restorative Yoga", "Yin Yoga"] },
    ],
  },
  meditation: {
    displayName: "Meditation",
    listOrder: 4,
    bodyFocus: "mind",
    intensityInMets: 1,
    classTypes: [
      { name: "Sleep", titles: ["Sleep Meditation"] },
      { name: "Mindfulness", titles: ["Mindfulness Meditation", "Calm Meditation"] },
    ],
  },
  cardio: {
    displayName: "Cardio",
    listOrder: 5,
    bodyFocus: "cardio",
    intensityInMets: 6,
    classTypes: [
      { name: "Dance Cardio", titles: ["Dance Cardio", "Pop Dance Cardio"] },
      { name: "Shadowboxing", titles: ["Shadowboxing"] },
    ],
  },
  stretching: {
    displayName: "Stretching",
    listOrder: 6,
    bodyFocus: "lower_body",
    intensityInMets: 2.3,
    classTypes: [
      { name: "Full Body Stretch", titles: ["Full Body Stretch"] },
      { name: "Post-Ride Stretch", titles: ["Post-Ride Stretch"] },
    ],
  },
  running: {
    displayName: "Running",
    listOrder: 7,
    bodyFocus: "cardio",
    intensityInMets: 9.8,
    classTypes: [
      { name: "Intervals", titles: ["Intervals Run", "HIIT Run"] },
      { name: "Endurance", titles: ["Endurance Run", "Long Run"] },
      { name: "Music", titles: ["80s Run", "Pop Fun Run", "Latin Run"] },
    ],
  },
  walking: {
    displayName: "Walking",
    listOrder: 8,
    bodyFocus: "cardio",
    intensityInMets: 4.3,
    classTypes: [{ name: "Power Walk", titles: ["Power Walk", "Hike", "Pop Walk"] }],
  },
  bootcamp: {
    displayName: "Bootcamp",
    listOrder: 9,
    bodyFocus: "full_body",
    intensityInMets: 8,
    classTypes: [{ name: "Bootcamp", titles: ["Full Body Bootcamp", "Bike Bootcamp"] }],
  },
  outdoor: {
    displayName: "Outdoor",
    listOrder: 10,
    bodyFocus: "cardio",
    intensityInMets: 8,
    classTypes: [{ name: "Outdoor", titles: ["Outdoor Run", "Outdoor Walk"] }],
  },
};

/** The discipline behind a browse category slug; slugs we know nothing about get a plain title-cased one. */
export function disciplineFor(slug: string, position: number): Discipline {
  const entry = known[slug];
  if (entry) return { slug, hasPedalingMetrics: slug === "cycling", ...entry };
  const displayName = slug
    .split(/[_\-\s]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(" ");
  return {
    slug,
    displayName,
    listOrder: 20 + position,
    hasPedalingMetrics: false,
    bodyFocus: "full_body",
    intensityInMets: 4,
    classTypes: [
      { name: displayName, titles: [displayName] },
      { name: "Beginner", titles: [`Beginner ${displayName}`] },
    ],
  };
}
