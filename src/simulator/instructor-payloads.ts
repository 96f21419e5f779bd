import type { Instructor } from "./instructors";

// Instructors as Peloton sends them: full (/api/instructor/{id} and inside details' ride), and sideloaded in the list.

/** The fields every instructor shape starts with. */
const identityJson = (instructor: Instructor) => ({
  id: instructor.id,
  name: instructor.name,
  first_name: instructor.firstName,
  last_name: instructor.lastName,
  username: instructor.username,
  user_id: instructor.userId,
});

const workoutImage = (hash: string) => `https://s3.amazonaws.com/workout-metric-images-prod/${hash}`;

/** The instructor inside details' `ride`: the full instructor, as in details-15cb7793-2025.json. */
export const nestedInstructorJson = (instructor: Instructor) => instructorJson(instructor);

/** The instructors sideloaded in the archived list: archived-page-2020.json's, without the fields added since. */
export function sideloadedInstructorJson(instructor: Instructor) {
  const {
    default_cross_fade: _crossFade,
    default_cue_delay: _cueDelay,
    individual_instructor_ids: _individuals,
    is_active: _active,
    is_announced: _announced,
    workout_share_images: _shareImages,
    ...sideloaded
  } = instructorJson(instructor);
  return sideloaded;
}

/** GET /api/instructor/{id} */
export function instructorJson(instructor: Instructor) {
  const { images } = instructor;
  return {
    ...identityJson(instructor),
    bio: bio(instructor),
    short_bio: instructor.quote,
    quote: instructor.quote,
    background: `${instructor.firstName} taught ${instructor.disciplines.join(" and ")} long before joining the simulator.`,
    music_bio: "",
    ordered_q_and_as: [
      ["How Do You Motivate?", `"${instructor.quote}"`],
      ["Outside of Peloton", "Coffee, records and long walks."],
      ["", ""],
    ],
    coach_type: "peloton_coach",
    fitness_disciplines: instructor.disciplines,
    is_visible: true,
    is_filterable: true,
    is_active: true,
    is_announced: true,
    is_instructor_group: false,
    individual_instructor_ids: [],
    featured_profile: instructor.listOrder <= 10,
    list_order: instructor.listOrder,
    default_cue_delay: 5,
    default_cross_fade: 5,
    spotify_playlist_uri: spotifyUri(instructor),
    film_link: "",
    facebook_fan_page: "",
    instagram_profile: "",
    strava_profile: "",
    twitter_profile: "",
    image_url: workoutImage(images.portrait),
    about_image_url: workoutImage(images.about),
    life_style_image_url: workoutImage(images.lifestyle),
    instructor_hero_image_url: workoutImage(images.hero),
    jumbotron_url: null,
    jumbotron_url_dark: workoutImage(images.jumbotronDark),
    jumbotron_url_ios: workoutImage(images.jumbotronIos),
    web_instructor_list_display_image_url: workoutImage(images.webList),
    ios_instructor_list_display_image_url: workoutImage(images.iosList),
    bike_instructor_list_display_image_url: null,
    web_instructor_list_gif_image_url: null,
    workout_share_images: instructor.disciplines.map((discipline) => ({
      fitness_discipline: discipline,
      image_url: "https://strava-default-images.s3-us-west-2.amazonaws.com/workout_share_image/default.png",
    })),
  };
}

const bio = (instructor: Instructor) => `${instructor.name} is an invented instructor who teaches ${instructor.disciplines.join(", ")}.`;
/** The four forms instructors-list-2020.json shows, most often the user one: "", spotify:user:…:playlist:ID (perhaps with ?si=), spotify:playlist:ID, an open.spotify.com link. */
function spotifyUri({ listOrder, images }: Instructor): string {
  const [id, share] = [images.portrait.slice(0, 22), images.about.slice(0, 22)];
  switch (listOrder % 8) {
    case 0:
      return "";
    case 1:
      return `spotify:playlist:${id}`;
    case 2:
      return `https://open.spotify.com/playlist/${id}?si=${share}`;
    case 3:
      return `spotify:user:onepeloton:playlist:${id}?si=${share}`;
    default:
      return `spotify:user:onepeloton:playlist:${id}`;
  }
}
