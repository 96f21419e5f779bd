import { type ReactNode, useId, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { useAnswer } from "../api";
import { ClassList } from "../components/ClassList";
import { Failure } from "../components/states";
import { hasWords, minutes, searchable } from "../format";
import { graphql } from "../graphql";
import type { WorkoutFilter, WorkoutOrder } from "../graphql/graphql";
import { usePageTitle } from "../title";
import { useDebounced, useTextInUrl } from "../typed";

const facetsDocument = graphql(`
  query WebFacets($filter: WorkoutFilter!) {
    workoutFacets(filter: $filter) {
      total
      disciplines { discipline count }
      durations { durationSeconds count }
      explicit { explicit count }
      airYears { year count }
      instructors(limit: 100) { count instructor { id: pelotonId name } }
    }
  }
`);

// chips name an artist or a song by its global id (the URL keeps it); their names come back with nodes()
const chipNamesDocument = graphql(`
  query WebChipNames($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on Artist { id name }
      ... on Song { id title artistNames }
    }
  }
`);

const suggestionsDocument = graphql(`
  query WebChipSuggestions($search: String!) {
    artists(search: $search, first: 5) { edges { node { id name } } }
    songs(search: $search, first: 5) { edges { node { id title artistNames } } }
  }
`);

const orders: { value: WorkoutOrder; label: string }[] = [
  { value: "AIRED_DESC", label: "Newest first" },
  { value: "AIRED_ASC", label: "Oldest first" },
  { value: "DIFFICULTY_DESC", label: "Hardest first" },
];

/**
 * The instant a day (yyyy-mm-dd, a real date of the reader's calendar) starts, `plus` days on, less
 * `less` ms; undefined for anything else.
 */
function day(value: string | null, plus: number, less = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? "");
  if (!match) return undefined;
  const [year, month, date] = match.slice(1).map(Number) as [number, number, number];
  const start = new Date(year, month - 1, date);
  // 2024-02-31 is no day (Date would roll it over to March)
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== date) return undefined;
  return new Date(new Date(year, month - 1, date + plus).getTime() - less).toISOString();
}

/** The finder's state, as its URL holds it: each parameter repeated for several values. */
function filterOf(params: URLSearchParams): { filter: WorkoutFilter; orderBy: WorkoutOrder } {
  // what the API would refuse is left out: a hand-edited URL shows the classes of what it means
  const wholes = (key: string, min: number, max: number) =>
    params
      .getAll(key)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n >= min && n <= max);
  const level = (key: string) => {
    const value = params.get(key);
    const n = Number(value);
    return value === null || value.trim() === "" || !Number.isFinite(n) ? undefined : Math.min(10, Math.max(0, n));
  };
  const explicit = params.get("explicit");
  const order = params.get("order");
  const title = params.get("title")?.trim() ?? "";
  return {
    filter: {
      disciplines: params.getAll("discipline"),
      durations: wholes("duration", 1, 86_400),
      instructorIds: params.getAll("instructor"),
      airYears: wholes("year", 1900, 9999),
      explicit: explicit === "yes" ? true : explicit === "no" ? false : undefined,
      minDifficulty: level("min"),
      maxDifficulty: level("max"),
      // whole days, in the reader's time zone: from the start of `from` (airedAfter is strict: a
      // millisecond before it) to the end of `to`
      airedAfter: day(params.get("from"), 0, 1),
      airedBefore: day(params.get("to"), 1),
      artistIds: params.getAll("artist"),
      songIds: params.getAll("song"),
      title: hasWords(title) ? title : undefined,
    },
    orderBy: orders.find((o) => o.value === order)?.value ?? "AIRED_DESC",
  };
}

/**
 * Classes by what they are and what they play: facets with counts (discipline, instructor,
 * duration, year, explicit), a difficulty range, words of the title, artists and songs as chips, and
 * the matching classes with the songs that matched, paged without a cap. The URL holds every choice.
 */
export function FinderPage() {
  const [params, setParams] = useSearchParams();
  const { filter, orderBy } = filterOf(params);
  // the counts before stay while the new ones come: the box just ticked stays where it is, focused
  const facets = useAnswer(facetsDocument, { filter }, { keepPrevious: true });
  const [clears, setClears] = useState(0);
  usePageTitle("Class finder");

  /** The URL with `key` holding `values` (none: left out); `replace` writes over the history entry rather than adding one. */
  const set = (key: string, values: string[], replace = false) => {
    const next = new URLSearchParams(params);
    next.delete(key);
    for (const value of values) next.append(key, value);
    setParams(next, { replace });
  };
  const toggle = (key: string, value: string) => {
    const values = params.getAll(key);
    set(key, values.includes(value) ? values.filter((v) => v !== value) : [...values, value]);
  };
  const checked = (key: string, value: string) => params.getAll(key).includes(value);
  const counts = facets.state === "done" ? facets.data.workoutFacets : null;

  return (
    <div className="finder">
      <h1>Class finder</h1>
      <div className="finder-layout">
        <form className="filters" aria-label="Filters" aria-busy={facets.state === "done" && facets.stale} onSubmit={(event) => event.preventDefault()}>
          {/* remade when every filter is cleared: words typed but not yet in the URL go too */}
          <TitleWords key={clears} inUrl={params.get("title") ?? ""} write={(words) => set("title", words ? [words] : [], true)} />
          <Chips params={params} set={set} />
          {facets.state === "failed" && <Failure message={facets.error} retry={facets.retry} />}
          {counts && (
            <>
              <Facet legend="Discipline">
                {counts.disciplines.map(({ discipline, count }) => (
                  <Check
                    key={discipline}
                    label={discipline}
                    count={count}
                    checked={checked("discipline", discipline)}
                    onChange={() => toggle("discipline", discipline)}
                  />
                ))}
              </Facet>
              <Facet legend="Duration">
                {counts.durations.map(({ durationSeconds, count }) => (
                  <Check
                    key={durationSeconds}
                    label={minutes(durationSeconds) ?? `${durationSeconds} s`}
                    count={count}
                    checked={checked("duration", String(durationSeconds))}
                    onChange={() => toggle("duration", String(durationSeconds))}
                  />
                ))}
              </Facet>
              <Facet legend="Instructor" scroll>
                {counts.instructors.map(({ instructor, count }) => (
                  <Check
                    key={instructor.id}
                    label={instructor.name}
                    count={count}
                    checked={checked("instructor", instructor.id)}
                    onChange={() => toggle("instructor", instructor.id)}
                  />
                ))}
              </Facet>
              <Facet legend="Year first aired">
                {counts.airYears.map(({ year, count }) => (
                  <Check key={year} label={String(year)} count={count} checked={checked("year", String(year))} onChange={() => toggle("year", String(year))} />
                ))}
              </Facet>
              <Facet legend="Explicit">
                {counts.explicit.map(({ explicit, count }) => {
                  const value = explicit ? "yes" : "no";
                  return (
                    <Check
                      key={value}
                      label={explicit ? "Explicit" : "Not explicit"}
                      count={count}
                      checked={params.get("explicit") === value}
                      onChange={() => set("explicit", params.get("explicit") === value ? [] : [value])}
                    />
                  );
                })}
              </Facet>
            </>
          )}
          <Facet legend="Difficulty (members' rating, 0 to 10)">
            <Level label="At least" value={params.get("min")} onChange={(value) => set("min", value ? [value] : [])} />
            <Level label="At most" value={params.get("max")} onChange={(value) => set("max", value ? [value] : [])} />
          </Facet>
          <Facet legend="Aired">
            <DateField label="From" value={params.get("from")} onChange={(value) => set("from", value ? [value] : [])} />
            <DateField label="To" value={params.get("to")} onChange={(value) => set("to", value ? [value] : [])} />
          </Facet>
          {[...params.keys()].some((key) => key !== "order") && (
            <button
              type="button"
              onClick={() => {
                setClears(clears + 1);
                setParams(params.get("order") ? { order: params.get("order")! } : {});
              }}
            >
              Clear every filter
            </button>
          )}
        </form>
        <div className="results">
          <label className="order">
            Order{" "}
            <select value={orderBy} onChange={(event) => set("order", event.target.value === "AIRED_DESC" ? [] : [event.target.value])}>
              {orders.map(({ value, label }) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          {/* keyed by the whole query: another filter or order starts from its first page */}
          <ClassList key={params.toString()} filter={filter} orderBy={orderBy} heading="Matching classes" />
        </div>
      </div>
    </div>
  );
}

/** The words the classes' titles hold, typed: the URL takes them once they settle. */
function TitleWords({ inUrl, write }: { inUrl: string; write: (words: string) => void }) {
  const [text, setText] = useTextInUrl(inUrl, write, 400);
  const boxId = useId();
  return (
    <fieldset>
      <legend>Title</legend>
      <label htmlFor={boxId}>Has the words</label>
      <input id={boxId} type="search" value={text} autoComplete="off" placeholder="e.g. pop ride" onChange={(event) => setText(event.target.value)} />
    </fieldset>
  );
}

function Facet({ legend, scroll, children }: { legend: string; scroll?: boolean; children: ReactNode }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className={scroll ? "scroll" : undefined}>{children}</div>
    </fieldset>
  );
}

function Check({ label, count, checked, onChange }: { label: string; count: number; checked: boolean; onChange: () => void }) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={onChange} /> {label} <span className="muted">({count})</span>
    </label>
  );
}

function DateField({ label, value, onChange }: { label: string; value: string | null; onChange: (value: string) => void }) {
  return (
    <label className="check">
      {label} <input type="date" value={value ?? ""} onChange={(event) => onChange(event.target.value)} />
    </label>
  );
}

// Peloton's scale, whole steps
const levels = Array.from({ length: 11 }, (_, level) => String(level));

function Level({ label, value, onChange }: { label: string; value: string | null; onChange: (value: string) => void }) {
  return (
    <label className="check">
      {label}{" "}
      <select value={value ?? ""} onChange={(event) => onChange(event.target.value)}>
        <option value="">any</option>
        {levels.map((level) => (
          <option key={level} value={level}>
            {level}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The artists and songs the classes must play (any of them), as removable chips, and a box to add one by name. */
function Chips({ params, set }: { params: URLSearchParams; set: (key: string, values: string[]) => void }) {
  const chosen = [...params.getAll("artist"), ...params.getAll("song")];
  const names = useAnswer(chipNamesDocument, chosen.length > 0 ? { ids: chosen } : null, { keepPrevious: true });
  const [text, setText] = useState("");
  const typed = useDebounced(text.trim(), 250);
  const suggestions = useAnswer(suggestionsDocument, searchable(typed) ? { search: typed } : null);
  const boxId = useId();
  const box = useRef<HTMLInputElement>(null);
  // a chip added here is named at once; one from the URL when the catalogue answers
  const [added, setAdded] = useState<Record<string, string>>({});
  const nameOf = (id: string) => {
    if (added[id]) return added[id];
    const node = names.state === "done" ? names.data.nodes.find((n) => n && "id" in n && n.id === id) : undefined;
    if (node?.__typename === "Artist") return node.name;
    if (node?.__typename === "Song") return `${node.title} (${node.artistNames})`;
    return names.state === "done" && !names.stale ? "unknown" : "…";
  };
  const add = (key: "artist" | "song", id: string, name: string) => {
    setAdded((known) => ({ ...known, [id]: name }));
    if (!params.getAll(key).includes(id)) set(key, [...params.getAll(key), id]);
    setText("");
    box.current?.focus();
  };
  const remove = (key: "artist" | "song", id: string) => {
    set(
      key,
      params.getAll(key).filter((v) => v !== id),
    );
    // the chip's button is gone: the focus goes to the box that adds one
    box.current?.focus();
  };
  return (
    <fieldset>
      <legend>Plays any of</legend>
      <ul className="chips">
        {(["artist", "song"] as const).flatMap((key) =>
          params.getAll(key).map((id) => (
            <li key={id}>
              {nameOf(id)}{" "}
              <button type="button" aria-label={`Remove ${nameOf(id)}`} onClick={() => remove(key, id)}>
                ×
              </button>
            </li>
          )),
        )}
      </ul>
      <label htmlFor={boxId}>Add an artist or a song</label>
      <input id={boxId} ref={box} type="search" value={text} autoComplete="off" onChange={(event) => setText(event.target.value)} />
      {suggestions.state === "done" && typed === text.trim() && (
        <ul className="plain suggestions" aria-label="Suggestions">
          {suggestions.data.artists.edges.map(({ node }) => (
            <li key={node.id}>
              <button type="button" className="link" onClick={() => add("artist", node.id, node.name)}>
                {node.name}
              </button>{" "}
              <span className="muted">artist</span>
            </li>
          ))}
          {suggestions.data.songs.edges.map(({ node }) => (
            <li key={node.id}>
              <button type="button" className="link" onClick={() => add("song", node.id, `${node.title} (${node.artistNames})`)}>
                {node.title}
              </button>{" "}
              <span className="muted">song · {node.artistNames}</span>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
