import { Link, useParams } from "react-router";
import { useAnswer } from "../api";
import { Art } from "../components/Art";
import { Failed, Loading, Missing } from "../components/states";
import { airedOn, minutes, startTime } from "../format";
import { graphql } from "../graphql";
import { type ExportedEntry, exportName, playlistCsv, playlistM3u, searchLinks } from "../playlist-export";
import { usePageTitle } from "../title";

const classDocument = graphql(`
  query WebClass($id: ID!) {
    workout(id: $id) {
      id: pelotonId title description discipline durationSeconds difficulty airedAt explicit pelotonUrl
      instructor { id: pelotonId name }
      playlist {
        position startOffsetSeconds
        song { id: pelotonId title artistNames albumName imageUrl explicit album { imageUrl } }
      }
    }
  }
`);

/** Offers `text` as a file the browser saves. */
function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A class: what it is, its playlist in order with start times and album art, and the playlist to take elsewhere. */
export function ClassPage() {
  const { id = "" } = useParams();
  const answer = useAnswer(classDocument, { id });
  const workout = answer.state === "done" ? answer.data.workout : null;
  usePageTitle(workout?.title ?? null);
  if (answer.state === "failed") return <Failed message={answer.error} />;
  if (answer.state !== "done") return <Loading />;
  if (!workout) return <Missing what="class" />;
  const entries: ExportedEntry[] = workout.playlist.map(({ position, startOffsetSeconds, song }) => ({
    position,
    startOffsetSeconds: startOffsetSeconds ?? null,
    title: song.title,
    artistNames: song.artistNames,
    albumName: song.albumName ?? null,
  }));
  const facts = [
    workout.discipline,
    minutes(workout.durationSeconds),
    workout.difficulty === null || workout.difficulty === undefined ? null : `difficulty ${workout.difficulty.toFixed(1)}`,
    airedOn(workout.airedAt),
    workout.explicit ? "explicit" : null,
  ].filter(Boolean);
  return (
    <main>
      <h1>{workout.title}</h1>
      <p>
        {workout.instructor && (
          <>
            <Link to={`/instructors/${encodeURIComponent(workout.instructor.id)}`}>{workout.instructor.name}</Link>
            {" · "}
          </>
        )}
        <span className="muted">{facts.join(" · ")}</span>
      </p>
      {workout.description && <p>{workout.description}</p>}
      {workout.pelotonUrl && (
        <p>
          <a href={workout.pelotonUrl}>Open the class on Peloton</a>
        </p>
      )}
      <section aria-labelledby="playlist-heading">
        <h2 id="playlist-heading">Playlist ({entries.length === 1 ? "1 song" : `${entries.length} songs`})</h2>
        {entries.length === 0 ? (
          <p className="muted">Peloton lists no music for this class.</p>
        ) : (
          <>
            <div className="actions">
              <button type="button" onClick={() => download(exportName(workout.title, "csv"), "text/csv", playlistCsv(entries))}>
                Export CSV
              </button>
              <button type="button" onClick={() => download(exportName(workout.title, "m3u"), "audio/x-mpegurl", playlistM3u(workout.title, entries))}>
                Export M3U
              </button>
            </div>
            <ol className="playlist">
              {workout.playlist.map(({ position, startOffsetSeconds, song }) => {
                const links = searchLinks(song);
                return (
                  <li key={position}>
                    <span className="start muted">{startTime(startOffsetSeconds) ?? ""}</span>
                    <Art src={song.imageUrl ?? song.album?.imageUrl} size={48} />
                    <span>
                      <Link to={`/songs/${encodeURIComponent(song.id)}`}>{song.title}</Link> {song.explicit && <abbr title="explicit">E</abbr>}
                      <br />
                      <span className="muted">
                        {song.artistNames}
                        {song.albumName ? ` · ${song.albumName}` : ""}
                      </span>
                    </span>
                    <span className="links">
                      <a href={links.spotify} aria-label={`${song.title} on Spotify`}>
                        Spotify
                      </a>{" "}
                      <a href={links.appleMusic} aria-label={`${song.title} on Apple Music`}>
                        Apple Music
                      </a>
                    </span>
                  </li>
                );
              })}
            </ol>
          </>
        )}
      </section>
    </main>
  );
}
