import { searchLinks } from "../playlist-export";

/** Links to the song on Spotify's and Apple Music's searches; `named` adds its title to their accessible names. */
export function SearchLinks({ song, named }: { song: { title: string; artistNames: string }; named?: boolean }) {
  const links = searchLinks(song);
  return (
    <span className="links">
      <a href={links.spotify} aria-label={named ? `${song.title} on Spotify` : undefined}>
        Spotify
      </a>{" "}
      <a href={links.appleMusic} aria-label={named ? `${song.title} on Apple Music` : undefined}>
        Apple Music
      </a>
    </span>
  );
}
