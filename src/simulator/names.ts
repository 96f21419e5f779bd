import type { Random } from "./random";

// Word lists for invented instructors, artists, songs and albums; accents and non-Latin scripts on purpose.

export const firstNames = [
  "Jordan",
  "Priya",
  "Mateo",
  "Zoë",
  "Aoife",
  "Søren",
  "Renée",
  "José",
  "Ana Lucía",
  "Kenji",
  "Amara",
  "Élodie",
  "Tomás",
  "Ingrid",
  "Rafael",
  "Nadia",
  "Björn",
  "Camille",
  "Dev",
  "Imani",
  "Luca",
  "Mei",
  "Oluwaseun",
  "Sinéad",
  "Yusuf",
  "Freya",
  "Andrés",
  "Hana",
  "Malik",
  "Chloé",
  "Rhys",
  "Leilani",
  "Noémie",
  "Jörg",
  "Marisol",
  "Kiro",
];

export const lastNames = [
  "Vale",
  "Okafor",
  "Álvarez",
  "Lindqvist",
  "Moreau",
  "Nakamura",
  "Brennan",
  "Castillo",
  "Dubois",
  "Ferreira",
  "Hoffmann",
  "Kowalski",
  "Mensah",
  "Novak",
  "O'Connell",
  "Petrov",
  "Quintero",
  "Rossi",
  "Sato",
  "Whitfield",
  "Xu",
  "Yılmaz",
  "Zapata",
  "Ní Bhriain",
  "Müller",
  "Šimić",
  "Østergaard",
  "Reyes",
  "Vance",
  "Harbor",
];

/** Real artists whose names carry accents or other scripts: the cases a search index has to fold. */
export const namedArtists = [
  "Beyoncé",
  "Sigur Rós",
  "Mötley Crüe",
  "Björk",
  "Motörhead",
  "Céline Dion",
  "Röyksopp",
  "Maná",
  "Zoé",
  "Café Tacvba",
  "Hüsker Dü",
  "Blue Öyster Cult",
  "Rosalía",
  "Jóhann Jóhannsson",
  "BTS (방탄소년단)",
  "宇多田ヒカル",
  "Мумий Тролль",
  "Earth, Wind & Fire",
  "Florence + The Machine",
  "Guns N' Roses",
];

/** One artist filed under two spellings: two artist_ids sharing an artist_alias_id. */
export const aliasedArtists: readonly [string, string][] = [
  ["A-Ha", "a-ha"],
  ["AC/DC", "ACDC"],
  ["P!nk", "Pink"],
  ["Ke$ha", "Kesha"],
];

export const adjectives = [
  "Neon",
  "Golden",
  "Electric",
  "Midnight",
  "Paper",
  "Silver",
  "Wild",
  "Velvet",
  "Broken",
  "Endless",
  "Crystal",
  "Burning",
  "Hidden",
  "Lonely",
  "Brave",
  "Dancing",
  "Frozen",
  "Sacred",
  "Restless",
  "Fading",
  "Static",
  "Low",
];

export const nouns = [
  "Skyline",
  "Hearts",
  "Lanterns",
  "Tide",
  "Fire",
  "River",
  "Summer",
  "Echo",
  "Horizon",
  "Dreams",
  "Lights",
  "Thunder",
  "Garden",
  "Highway",
  "Mirror",
  "Shadow",
  "Ocean",
  "Satellite",
  "Paradise",
  "Season",
  "Relay",
  "Anthem",
];

const bandNouns = ["Lanterns", "Comets", "Wolves", "Strangers", "Satellites", "Tigers", "Saints", "Echoes", "Rivals", "Ghosts"];

export const foreignTitles = [
  "Corazón Salvaje",
  "Déjà Vu",
  "Mañana",
  "Niña Bonita",
  "Canción del Mar",
  "Sueños de Cristal",
  "Volver a Empezar",
  "Lumière",
  "Été Indien",
  "Ärger im Paradies",
  "Søndag",
  "Hjarta",
  "東京の夜",
  "Сердце",
  "사랑해",
  "Saudade",
  "Olá Verão",
  "Noche de Estrellas",
  "Café com Leite",
  "Fiesta en la Playa",
];

export const versions = [" (Radio Edit)", " (Remix)", " - Live", " (Acoustic)", " (Extended Mix)"];

export function personName(random: Random): { first: string; last: string } {
  return { first: random.pick(firstNames), last: random.pick(lastNames) };
}

/** An invented artist name: a person, a band, a DJ or a two-word act. */
export function artistName(random: Random): string {
  const kind = random.int(0, 3);
  if (kind === 0) return `${random.pick(firstNames)} ${random.pick(lastNames)}`;
  if (kind === 1) return `The ${random.pick(adjectives)} ${random.pick(bandNouns)}`;
  if (kind === 2) return `DJ ${random.pick(nouns)}`;
  return `${random.pick(adjectives)} ${random.pick(nouns)}`;
}

export function songTitle(random: Random): string {
  const base = random.chance(0.15) ? random.pick(foreignTitles) : random.chance(0.3) ? random.pick(nouns) : `${random.pick(adjectives)} ${random.pick(nouns)}`;
  return random.chance(0.1) ? base + random.pick(versions) : base;
}

export function albumName(random: Random): string {
  const base = random.chance(0.1) ? random.pick(foreignTitles) : `${random.pick(adjectives)} ${random.pick(nouns)}`;
  return random.chance(0.15) ? `${base} (Deluxe Edition)` : base;
}

/** A name not yet in `taken` (which it joins): retries a few draws, then numbers the last one. */
export function uniqueName(random: Random, taken: Set<string>, draw: (random: Random) => string): string {
  let name = draw(random);
  for (let attempt = 0; taken.has(name) && attempt < 20; attempt++) name = draw(random);
  for (let n = 2; taken.has(name); n++) if (!taken.has(`${name} ${n}`)) name = `${name} ${n}`;
  taken.add(name);
  return name;
}
