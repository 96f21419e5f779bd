import { Link } from "react-router";
import { Art } from "../components/Art";
import { ClassList } from "../components/ClassList";
import { SearchLinks } from "../components/SearchLinks";
import { useItemPage } from "../components/states";
import { plays } from "../format";
import { graphql } from "../graphql";
import { pathTo } from "../paths";

const songDocument = graphql(`
  query WebSong($id: ID!) {
    song(id: $id) {
      id: pelotonId title artistNames albumName imageUrl explicit playCount
      album { imageUrl }
      artists { id: pelotonId name }
    }
  }
`);

/** A song: its artists and album, its play count, and every class that plays it. */
export function SongPage() {
  const shown = useItemPage(
    songDocument,
    (data) => data.song,
    "song",
    (song) => song.title,
  );
  if (!("item" in shown)) return shown.page;
  const song = shown.item;
  return (
    <>
      <div className="title-with-art">
        <Art src={song.imageUrl ?? song.album?.imageUrl} size={96} />
        <div>
          <h1>
            {song.title} {song.explicit && <abbr title="explicit">E</abbr>}
          </h1>
          <p>
            {song.artists.map((artist, i) => (
              <span key={artist.id}>
                {i > 0 && ", "}
                <Link to={pathTo.artist(artist.id)}>{artist.name}</Link>
              </span>
            ))}
            {song.albumName && <span className="muted"> · {song.albumName}</span>}
          </p>
        </div>
      </div>
      <p className="muted">
        {plays(song.playCount)} in the catalogue's classes · find it on <SearchLinks song={song} />
      </p>
      <ClassList key={song.id} filter={{ songIds: [song.id] }} heading={`Classes playing ${song.title}`} />
    </>
  );
}
