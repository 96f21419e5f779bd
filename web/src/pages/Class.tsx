import { Link } from "react-router";
import { Art } from "../components/Art";
import { SearchLinks } from "../components/SearchLinks";
import { useItemPage } from "../components/states";
import { airedOn, counted, difficulty, minutes, startTime } from "../format";
import { graphql } from "../graphql";
import { pathTo } from "../paths";
import { type ExportedEntry, exportName, playlistCsv, playlistM3u } from "../playlist-export";

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
  const shown = useItemPage(
    classDocument,
    (data) => data.workout,
    "class",
    (workout) => workout.title,
  );
  if (!("item" in shown)) return shown.page;
  const workout = shown.item;
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
    difficulty(workout.difficulty),
    airedOn(workout.airedAt),
    workout.explicit ? "explicit" : null,
  ].filter(Boolean);
  return (
    <>
      <h1>{workout.title}</h1>
      <p>
        {workout.instructor && (
          <>
            <Link to={pathTo.instructor(workout.instructor.id)}>{workout.instructor.name}</Link>
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
        <h2 id="playlist-heading">Playlist ({counted(entries.length, "song")})</h2>
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
              {workout.playlist.map(({ position, startOffsetSeconds, song }) => (
                <li key={position}>
                  <span className="start muted">{startTime(startOffsetSeconds) ?? ""}</span>
                  <Art src={song.imageUrl ?? song.album?.imageUrl} size={48} />
                  <span>
                    <Link to={pathTo.song(song.id)}>{song.title}</Link> {song.explicit && <abbr title="explicit">E</abbr>}
                    <br />
                    <span className="muted">
                      {song.artistNames}
                      {song.albumName ? ` · ${song.albumName}` : ""}
                    </span>
                  </span>
                  <SearchLinks song={song} named />
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
    </>
  );
}
