import type { ReactElement } from "react";
import { Link, useParams } from "react-router";
import { type Loaded, type TrustedDocument, useAnswer } from "../api";
import { usePageTitle } from "../title";

/** A page while its answer comes. */
const Loading = () => (
  <>
    <p aria-live="polite">Loading…</p>
  </>
);

/** What failed, in the catalogue's words, and a way to ask again. */
export const Failure = ({ message, retry }: { message: string; retry: () => void }) => (
  <div role="alert">
    <p>{message}</p>
    <button type="button" onClick={retry}>
      Try again
    </button>
  </div>
);

/** A page whose id names nothing in the catalogue. */
const Missing = ({ what }: { what: string }) => (
  <>
    <h1>No such {what}</h1>
    <p>
      The catalogue has no {what} of this id. <Link to="/">Search the catalogue</Link>.
    </p>
  </>
);

/**
 * A page's item from its answer (`pick`), or the page to show instead: loading, failed (with a
 * retry), or no such `what` when the catalogue answered null.
 */
function pageItem<Result, Item>(
  loaded: Loaded<Result>,
  pick: (data: Result) => Item | null | undefined,
  what: string,
): { item: Item } | { page: ReactElement } {
  if (loaded.state === "failed") {
    return {
      page: (
        <>
          <h1>Something went wrong</h1>
          <Failure message={loaded.error} retry={loaded.retry} />
        </>
      ),
    };
  }
  if (loaded.state !== "done") return { page: <Loading /> };
  const item = pick(loaded.data);
  return item ? { item } : { page: <Missing what={what} /> };
}

/**
 * The item a page of one (`/artists/:id`...) shows: asked for by the URL's id, the page titled after
 * it (`titleOf`); or the page to show instead (loading, failed, no such `what`).
 */
export function useItemPage<Result, Item>(
  document: TrustedDocument<Result, { id: string }>,
  pick: (data: Result) => Item | null | undefined,
  what: string,
  titleOf: (item: Item) => string,
): { item: Item } | { page: ReactElement } {
  const { id = "" } = useParams();
  const shown = pageItem(useAnswer(document, { id }), pick, what);
  usePageTitle("item" in shown ? titleOf(shown.item) : null);
  return shown;
}
