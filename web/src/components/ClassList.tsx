import { useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { useAnswer } from "../api";
import { airedOn, counted, difficulty, minutes } from "../format";
import { graphql } from "../graphql";
import type { WorkoutFilter, WorkoutOrder } from "../graphql/graphql";
import { pathTo } from "../paths";
import { Failure } from "./states";

const classesDocument = graphql(`
  query WebClasses($filter: WorkoutFilter!, $orderBy: WorkoutOrder, $after: String) {
    workouts(filter: $filter, orderBy: $orderBy, first: 20, after: $after) {
      totalCount
      edges {
        node { id: pelotonId title discipline durationSeconds difficulty airedAt instructor { id: pelotonId name } }
        matches { position song { id: pelotonId title artistNames } }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

interface Listed {
  filter: WorkoutFilter;
  /** newest first by default */
  orderBy?: WorkoutOrder;
}

/**
 * The classes matching `filter`, a page at a time with no cap: each page asks for the next; with a
 * music criterion, each class shows the songs of its playlist that matched. Key it by the filter, so
 * that another filter starts from its first page.
 */
export function ClassList({ filter, orderBy, heading }: Listed & { heading: string }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {cursors.map((after, i) => (
        <PageOfClasses
          key={after ?? ""}
          filter={filter}
          orderBy={orderBy}
          after={after}
          last={i === cursors.length - 1}
          onMore={(next) => setCursors([...cursors, next])}
        />
      ))}
    </section>
  );
}

function PageOfClasses({ filter, orderBy, after, last, onMore }: Listed & { after: string | null; last: boolean; onMore: (cursor: string) => void }) {
  const page = useAnswer(classesDocument, { filter, orderBy, after });
  // a page asked for with "More classes" takes the focus from the button, which it replaces
  const firstLink = useRef<HTMLAnchorElement>(null);
  const done = page.state === "done";
  useEffect(() => {
    if (done && after !== null) firstLink.current?.focus();
  }, [done, after]);
  if (page.state === "failed") return <Failure message={page.error} retry={page.retry} />;
  if (page.state !== "done") return <p aria-live="polite">Loading classes…</p>;
  const { totalCount, edges, pageInfo } = page.data.workouts;
  return (
    <>
      {after === null && <p className="muted">{counted(totalCount, "class", "classes")}</p>}
      <ul className="classes">
        {edges.map(({ node, matches }, i) => (
          <li key={node.id}>
            <Link to={pathTo.class(node.id)} ref={i === 0 ? firstLink : undefined}>
              <strong>{node.title}</strong>
            </Link>
            <span className="muted">
              {[node.instructor?.name, node.discipline, minutes(node.durationSeconds), difficulty(node.difficulty), airedOn(node.airedAt)]
                .filter(Boolean)
                .join(" · ")}
            </span>
            {matches.length > 0 && (
              <span className="matches">
                Plays{" "}
                {matches.map(({ position, song }, j) => (
                  <span key={position}>
                    {j > 0 && ", "}
                    <Link to={pathTo.song(song.id)}>{song.title}</Link> <span className="muted">({song.artistNames})</span>
                  </span>
                ))}
              </span>
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
