import { Link } from "react-router";
import { ClassList } from "../components/ClassList";
import { useItemPage } from "../components/states";
import { plays } from "../format";
import { graphql } from "../graphql";
import { pathTo } from "../paths";

const artistDocument = graphql(`
  query WebArtist($id: ID!) {
    artist(id: $id) {
      id: pelotonId name playCount
      songs(first: 100) { totalCount edges { node { id: pelotonId title albumName playCount } } }
    }
  }
`);

/** An artist: their songs with their play counts, and every class that plays them. */
export function ArtistPage() {
  const shown = useItemPage(
    artistDocument,
    (data) => data.artist,
    "artist",
    (artist) => artist.name,
  );
  if (!("item" in shown)) return shown.page;
  const artist = shown.item;
  const { songs } = artist;
  return (
    <>
      <h1>{artist.name}</h1>
      <p className="muted">{plays(artist.playCount)} in the catalogue's classes</p>
      <section aria-labelledby="songs-heading">
        <h2 id="songs-heading">Songs ({songs.totalCount})</h2>
        <ul className="plain">
          {songs.edges.map(({ node }) => (
            <li key={node.id}>
              <Link to={pathTo.song(node.id)}>{node.title}</Link>
              <span className="muted">
                {node.albumName ? ` · ${node.albumName}` : ""} · {plays(node.playCount)}
              </span>
            </li>
          ))}
        </ul>
        {songs.totalCount > songs.edges.length && <p className="muted">The first {songs.edges.length} of them.</p>}
      </section>
      <ClassList key={artist.id} filter={{ artistIds: [artist.id] }} heading={`Classes playing ${artist.name}`} />
    </>
  );
}
