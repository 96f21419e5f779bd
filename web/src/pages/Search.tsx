import { useId } from "react";
import { Link, useSearchParams } from "react-router";
import { useAnswer } from "../api";
import { ClassList } from "../components/ClassList";
import { Failure } from "../components/states";
import { hasWords, plays, searchable } from "../format";
import { graphql } from "../graphql";
import { pathTo } from "../paths";
import { usePageTitle } from "../title";
import { useTextInUrl } from "../typed";

const searchDocument = graphql(`
  query WebSearch($search: String!) {
    artists(search: $search, first: 5) { totalCount edges { node { id: pelotonId name playCount } } }
    songs(search: $search, first: 10) { totalCount edges { node { id: pelotonId title artistNames playCount } } }
  }
`);

/**
 * One box for songs, artists and classes, answered as you type (best matches first): the artists and
 * songs that match, the classes whose titles hold the words, and the classes that play an artist
 * named by them. The URL holds the words (`?q=...`), so a search can be shared.
 */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  // the box's words go to the URL once they settle (replacing the entry), and a changed URL to the box
  const [text, setText] = useTextInUrl(q, (words) => setParams(words ? { q: words } : {}, { replace: true }));
  const boxId = useId();
  usePageTitle(q ? `“${q}”` : null);

  const found = useAnswer(searchDocument, searchable(q) ? { search: q } : null);

  return (
    <>
      <h1>Find a class by its music</h1>
      <search>
        <label htmlFor={boxId}>Search songs, artists and classes</label>
        <input id={boxId} type="search" value={text} autoComplete="off" placeholder="e.g. Beyoncé" onChange={(event) => setText(event.target.value)} />
      </search>
      {found.state === "failed" && <Failure message={found.error} retry={found.retry} />}
      {found.state === "loading" && <p aria-live="polite">Searching…</p>}
      {found.state === "done" && (
        <div className="columns">
          <section aria-labelledby="artists-heading">
            <h2 id="artists-heading">Artists ({found.data.artists.totalCount})</h2>
            <ul className="plain">
              {found.data.artists.edges.map(({ node }) => (
                <li key={node.id}>
                  <Link to={pathTo.artist(node.id)}>{node.name}</Link> <span className="muted">· {plays(node.playCount)}</span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="songs-heading">
            <h2 id="songs-heading">Songs ({found.data.songs.totalCount})</h2>
            <ul className="plain">
              {found.data.songs.edges.map(({ node }) => (
                <li key={node.id}>
                  <Link to={pathTo.song(node.id)}>{node.title}</Link>{" "}
                  <span className="muted">
                    · {node.artistNames} · {plays(node.playCount)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
      {/* keyed: other words start from their first page */}
      {found.state === "done" && hasWords(q) && (
        <>
          <ClassList key={`title:${q}`} filter={{ title: q }} heading={`Classes titled “${q}”`} />
          <ClassList key={`artist:${q}`} filter={{ artist: q }} heading={`Classes playing an artist named “${q}”`} />
        </>
      )}
    </>
  );
}
