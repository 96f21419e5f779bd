import { Link, useParams } from "react-router";
import { useAnswer } from "../api";
import { Art } from "../components/Art";
import { ClassList } from "../components/ClassList";
import { Failed, Loading, Missing } from "../components/states";
import { plays } from "../format";
import { graphql } from "../graphql";
import { searchLinks } from "../playlist-export";
import { usePageTitle } from "../title";

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
  const { id = "" } = useParams();
  const answer = useAnswer(songDocument, { id });
  const song = answer.state === "done" ? answer.data.song : null;
  usePageTitle(song?.title ?? null);
  if (answer.state === "failed") return <Failed message={answer.error} />;
  if (answer.state !== "done") return <Loading />;
  if (!song) return <Missing what="song" />;
  const links = searchLinks(song);
  return (
    <main>
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
                <Link to={`/artists/${encodeURIComponent(artist.id)}`}>{artist.name}</Link>
              </span>
            ))}
            {song.albumName && <span className="muted"> · {song.albumName}</span>}
          </p>
        </div>
      </div>
      <p className="muted">
        {plays(song.playCount)} in the catalogue's classes · <a href={links.spotify}>Find it on Spotify</a> ·{" "}
        <a href={links.appleMusic}>Find it on Apple Music</a>
      </p>
      <ClassList key={song.id} filter={{ songIds: [song.id] }} heading={`Classes playing ${song.title}`} />
    </main>
  );
}
