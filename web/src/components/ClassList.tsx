import { useState } from "react";
import { Link } from "react-router";
import { useAnswer } from "../api";
import { airedOn, minutes } from "../format";
import { graphql } from "../graphql";
import type { WorkoutFilter } from "../graphql/graphql";

const classesDocument = graphql(`
  query WebClasses($filter: WorkoutFilter!, $after: String) {
    workouts(filter: $filter, first: 20, after: $after) {
      totalCount
      edges { node { id: pelotonId title discipline durationSeconds airedAt instructor { id: pelotonId name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/**
 * The classes matching `filter`, newest first, a page at a time with no cap: each page asks for the
 * next. Key it by the filter, so that another filter starts from its first page.
 */
export function ClassList({ filter, heading }: { filter: WorkoutFilter; heading: string }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const headingId = `classes-${heading.replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {cursors.map((after, i) => (
        <ClassPage key={after ?? ""} filter={filter} after={after} last={i === cursors.length - 1} onMore={(next) => setCursors([...cursors, next])} />
      ))}
    </section>
  );
}

function ClassPage({ filter, after, last, onMore }: { filter: WorkoutFilter; after: string | null; last: boolean; onMore: (cursor: string) => void }) {
  const page = useAnswer(classesDocument, { filter, after });
  if (page.state === "failed") return <p role="alert">{page.error}</p>;
  if (page.state !== "done") return <p aria-live="polite">Loading classes…</p>;
  const { totalCount, edges, pageInfo } = page.data.workouts;
  return (
    <>
      {after === null && <p className="muted">{totalCount === 1 ? "1 class" : `${totalCount} classes`}</p>}
      <ul className="classes">
        {edges.map(({ node }) => (
          <li key={node.id}>
            <Link to={`/classes/${encodeURIComponent(node.id)}`}>
              <strong>{node.title}</strong>
            </Link>
            <span className="muted">
              {[node.instructor?.name, node.discipline, minutes(node.durationSeconds), airedOn(node.airedAt)].filter(Boolean).join(" · ")}
            </span>
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
