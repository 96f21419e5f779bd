import { useEffect, useId, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useAnswer, useDebounced } from "../api";
import { graphql } from "../graphql";

const searchDocument = graphql(`
  query WebSearch($search: String!) {
    artists(search: $search, first: 5) { totalCount edges { node { id name playCount } } }
    songs(search: $search, first: 10) { totalCount edges { node { id title artistNames playCount } } }
  }
`);

const classesDocument = graphql(`
  query WebClassesByArtist($artist: String!, $after: String) {
    workouts(filter: { artist: $artist }, first: 20, after: $after) {
      totalCount
      edges { node { id title discipline durationSeconds airedAt instructor { name } pelotonUrl } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** What search compares: at least 2 characters (the API refuses fewer). */
const searchable = (text: string) => text.trim().length >= 2;

/**
 * One box for songs and artists, answered as you type (best matches first), and the classes that
 * play the chosen artist (or the words typed, as an artist's name). The URL holds the words and the
 * artist (`?q=...&artist=...`), so a search can be shared.
 */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const artist = params.get("artist");
  const [text, setText] = useState(q);
  const typed = useDebounced(text, 250);
  const boxId = useId();

  // the debounced words go to the URL (replacing the entry: a history step per keystroke is noise)
  useEffect(() => {
    if (typed.trim() !== q) setParams(typed.trim() ? { q: typed.trim() } : {}, { replace: true });
  }, [typed, q, setParams]);
  // back and forward move the URL: the box follows it
  useEffect(() => setText((current) => (current.trim() === q ? current : q)), [q]);

  const found = useAnswer(searchDocument, searchable(q) ? { search: q } : null);
  const classesOf = artist ?? (searchable(q) ? q : null);

  return (
    <main>
      <h1>Find a class by its music</h1>
      <search>
        <label htmlFor={boxId}>Search songs and artists</label>
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
                  <Link to={`/?${new URLSearchParams({ q, artist: node.name })}`} aria-current={node.name === artist ? "true" : undefined}>
                    {node.name}
                  </Link>{" "}
                  <span className="muted">{plays(node.playCount)}</span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="songs-heading">
            <h2 id="songs-heading">Songs ({found.data.songs.totalCount})</h2>
            <ul className="plain">
              {found.data.songs.edges.map(({ node }) => (
                <li key={node.id}>
                  {node.title} <span className="muted">· {node.artistNames}</span> <span className="muted">{plays(node.playCount)}</span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
      {/* keyed: another artist starts from its first page */}
      {classesOf && <Classes key={classesOf} artist={classesOf} />}
    </main>
  );
}

const plays = (count: number) => `${count} ${count === 1 ? "play" : "plays"}`;

/** The classes that play `artist`, a page at a time, with no cap: each page asks for the next. */
function Classes({ artist }: { artist: string }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <section aria-labelledby="classes-heading">
      <h2 id="classes-heading">Classes playing “{artist}”</h2>
      {cursors.map((after, i) => (
        <ClassPage key={after ?? ""} artist={artist} after={after} last={i === cursors.length - 1} onMore={(next) => setCursors([...cursors, next])} />
      ))}
    </section>
  );
}

function ClassPage({ artist, after, last, onMore }: { artist: string; after: string | null; last: boolean; onMore: (cursor: string) => void }) {
  const page = useAnswer(classesDocument, { artist, after });
  if (page.state === "failed") return <p role="alert">{page.error}</p>;
  if (page.state !== "done") return <p aria-live="polite">Loading classes…</p>;
  const { totalCount, edges, pageInfo } = page.data.workouts;
  return (
    <>
      {after === null && <p className="muted">{totalCount === 1 ? "1 class" : `${totalCount} classes`}</p>}
      <ul className="classes">
        {edges.map(({ node }) => (
          <li key={node.id}>
            <strong>{node.title}</strong>
            <span className="muted">
              {[node.instructor?.name, node.discipline, node.durationSeconds ? `${Math.round(node.durationSeconds / 60)} min` : null, airedOn(node.airedAt)]
                .filter(Boolean)
                .join(" · ")}
            </span>
            {node.pelotonUrl && (
              <a href={node.pelotonUrl} target="_blank" rel="noreferrer">
                On Peloton
              </a>
            )}
          </li>
        ))}
      </ul>
      {last && pageInfo.hasNextPage && pageInfo.endCursor && (
        <button type="button" onClick={() => onMore(pageInfo.endCursor!)}>
          More classes
        </button>
      )}
    </>
  );
}

const airedOn = (airedAt: string | null | undefined) => (airedAt ? new Date(airedAt).toLocaleDateString(undefined, { dateStyle: "medium" }) : null);
