import { useEffect, useId, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useAnswer, useDebounced } from "../api";
import { ClassList } from "../components/ClassList";
import { Failure } from "../components/states";
import { plays, searchable } from "../format";
import { graphql } from "../graphql";
import { pathTo } from "../paths";
import { usePageTitle } from "../title";

const searchDocument = graphql(`
  query WebSearch($search: String!) {
    artists(search: $search, first: 5) { totalCount edges { node { id: pelotonId name playCount } } }
    songs(search: $search, first: 10) { totalCount edges { node { id: pelotonId title artistNames playCount } } }
  }
`);

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

  // The URL holds the words. What was typed goes there once it settles (replacing the entry: a
  // history step per keystroke is noise); a URL changed from outside (back, forward, a link) goes to
  // the box. `written` tells the two apart: the words the URL and the box last agreed on.
  const written = useRef(q);
  useEffect(() => {
    const words = typed.trim();
    if (words === written.current) return;
    written.current = words;
    setParams(words ? { q: words } : {}, { replace: true });
  }, [typed, setParams]);
  useEffect(() => {
    if (q === written.current) return;
    written.current = q;
    setText(q);
  }, [q]);

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
      {found.state === "done" && <ClassList key={q} filter={{ artist: q }} heading={`Classes playing an artist named “${q}”`} />}
    </>
  );
}
