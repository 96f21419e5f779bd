import { Link } from "react-router";
import { ClassList } from "../components/ClassList";
import { useItemPage } from "../components/states";
import { plays } from "../format";
import { graphql } from "../graphql";
import { pathTo } from "../paths";

const instructorDocument = graphql(`
  query WebInstructor($id: ID!) {
    instructor(id: $id) {
      id: pelotonId name bio imageUrl disciplines
      topArtists(limit: 15) { plays artist { id: pelotonId name } }
    }
  }
`);

/** An instructor: who they play most (a bar chart, its numbers in the text), and their classes. */
export function InstructorPage() {
  const shown = useItemPage(
    instructorDocument,
    (data) => data.instructor,
    "instructor",
    (instructor) => instructor.name,
  );
  if (!("item" in shown)) return shown.page;
  const instructor = shown.item;
  const most = Math.max(1, ...instructor.topArtists.map((top) => top.plays));
  return (
    <>
      <h1>{instructor.name}</h1>
      {instructor.disciplines.length > 0 && <p className="muted">{instructor.disciplines.join(" · ")}</p>}
      {instructor.bio && <p>{instructor.bio}</p>}
      <section aria-labelledby="top-artists-heading">
        <h2 id="top-artists-heading">Most played artists</h2>
        {instructor.topArtists.length === 0 ? (
          <p className="muted">No music in their classes yet.</p>
        ) : (
          <ol className="bars">
            {instructor.topArtists.map(({ plays: count, artist }) => (
              <li key={artist.id}>
                <Link to={pathTo.artist(artist.id)}>{artist.name}</Link>
                <span className="bar" style={{ width: `${(100 * count) / most}%` }} aria-hidden="true" />
                <span className="muted">{plays(count)}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <ClassList key={instructor.id} filter={{ instructorId: instructor.id }} heading={`Classes by ${instructor.name}`} />
    </>
  );
}
