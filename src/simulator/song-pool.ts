import { albumName, aliasedArtists, artistName, namedArtists, songTitle, uniqueName } from "./names";
import type { Random } from "./random";

// image URLs are derived from the ids when served (details-payload.ts): building them here would dominate generation time
export interface Artist {
  id: string;
  name: string;
  aliasId: string;
  ridesWithSongPlayed: number;
}
export interface Album {
  id: string;
  name: string;
  hasImage: boolean;
}
export interface Song {
  id: string;
  title: string;
  album: Album;
  artists: Artist[];
  explicit: boolean;
  popularity: number;
}

/** The songs classes draw their playlists from; low indices are the hits that recur most. */
export function makeSongPool(random: Random, count: number): Song[] {
  const artists = makeArtists(random, Math.min(5000, Math.max(30, Math.ceil(count / 3))));
  const albumsByArtist = new Map<Artist, Album[]>();
  const aliasEntries = aliasedArtists.length * 2;
  return Array.from({ length: count }, (_, index) => {
    // the first songs go to each spelling of the aliased artists, so that both spellings get played
    const primary = index < aliasEntries ? artists[index]! : artists[Math.floor(artists.length * random.next() ** 1.5)]!;
    const credits = [primary];
    if (random.chance(0.2)) {
      const featured = random.int(1, 2);
      while (credits.length < 1 + featured) {
        const other = random.pick(artists);
        if (!credits.some((artist) => artist.aliasId === other.aliasId)) credits.push(other);
      }
    }
    let title = songTitle(random);
    if (credits.length > 1 && random.chance(0.75))
      title += ` (feat. ${credits
        .slice(1)
        .map((a) => a.name)
        .join(" & ")})`;
    return {
      id: random.hex(),
      title,
      album: albumFor(random, primary, title, albumsByArtist),
      artists: credits,
      explicit: random.chance(0.06),
      popularity: random.chance(0.3) ? random.int(1, 100) : 0,
    };
  });
}

function makeArtists(random: Random, count: number): Artist[] {
  const artist = (name: string, aliasId = random.hex()): Artist => ({
    id: random.hex(),
    name,
    aliasId,
    ridesWithSongPlayed: random.int(1, 1500),
  });
  const taken = new Set<string>([...aliasedArtists.flat(), ...namedArtists]);
  const artists = aliasedArtists.flatMap(([spelling, other]) => {
    const aliasId = random.hex();
    return [artist(spelling, aliasId), artist(other, aliasId)];
  });
  artists.push(...namedArtists.map((name) => artist(name)));
  while (artists.length < count) artists.push(artist(uniqueName(random, taken, artistName)));
  return artists;
}

function albumFor(random: Random, artist: Artist, title: string, albumsByArtist: Map<Artist, Album[]>): Album {
  const album = (name: string): Album => ({ id: random.hex(), name, hasImage: !random.chance(0.08) });
  if (random.chance(0.35)) return album(`${title} - Single`);
  const albums = albumsByArtist.get(artist) ?? [];
  albumsByArtist.set(artist, albums);
  if (albums.length > 0 && (albums.length >= 3 || random.chance(0.6))) return random.pick(albums);
  const created = album(albumName(random));
  albums.push(created);
  return created;
}
