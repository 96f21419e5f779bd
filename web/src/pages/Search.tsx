import { useEffect, useId, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useAnswer, useDebounced } from "../api";
import { ClassList } from "../components/ClassList";
import { plays } from "../format";
import { graphql } from "../graphql";
import { usePageTitle } from "../title";

const searchDocument = graphql(`
  query WebSearch($search: String!) {
    artists(search: $search, first: 5) { totalCount edges { node { id: pelotonId name playCount } } }
    songs(search: $search, first: 10) { totalCount edges { node { id: pelotonId title artistNames playCount } } }
  }
`);

/** What search compares: at least 2 characters (the API refuses fewer). */
const searchable = (text: string) => text.trim().length >= 2;

/**
 * One box for songs, artists and classes, answered as you type (best matches first): the artists and
 * songs that match, and the classes that play an artist named by the words. The URL holds the words
 * (`?q=...`), so a search can be shared.
 */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const [text, setText] = useState(q);
  const typed = useDebounced(text, 250);
  const boxId = useId();
  usePageTitle(q ? `“${q}”` : null);

  // the debounced words go to the URL (replacing the entry: a history step per keystroke is noise)
  useEffect(() => {
    if (typed.trim() !== q) setParams(typed.trim() ? { q: typed.trim() } : {}, { replace: true });
  }, [typed, q, setParams]);
  // back and forward move the URL: the box follows it
  useEffect(() => setText((current) => (current.trim() === q ? current : q)), [q]);

  const found = useAnswer(searchDocument, searchable(q) ? { search: q } : null);

  return (
    <main>
      <h1>Find a class by its music</h1>
      <search>
        <label htmlFor={boxId}>Search songs, artists and classes</label>
        <input id={boxId} type="search" value={text} autoComplete="off" placeholder="e.g. Beyoncé" onChange={(event) => setText(event.target.value)} />
      </search>
      {found.state === "failed" && <p role="alert">{found.error}</p>}
      {found.state === "loading" && <p aria-live="polite">Searching…</p>}
      {found.state === "done" && (
        <div className="columns">
          <section aria-labelledby="artists-heading">
            <h2 id="artists-heading">Artists ({found.data.artists.totalCount})</h2>
            <ul className="plain">
              {found.data.artists.edges.map(({ node }) => (
                <li key={node.id}>
                  <Link to={`/artists/${encodeURIComponent(node.id)}`}>{node.name}</Link> <span className="muted">· {plays(node.playCount)}</span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="songs-heading">
            <h2 id="songs-heading">Songs ({found.data.songs.totalCount})</h2>
            <ul className="plain">
              {found.data.songs.edges.map(({ node }) => (
                <li key={node.id}>
                  <Link to={`/songs/${encodeURIComponent(node.id)}`}>{node.title}</Link>{" "}
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
      {found.state === "done" && <ClassList key={q} filter={{ artist: q }} heading={`Classes playing an artist named “${q}”`} />}
    </main>
  );
}
