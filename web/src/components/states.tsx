import { Link } from "react-router";

/** A page while its answer comes. */
export const Loading = () => (
  <main>
    <p aria-live="polite">Loading…</p>
  </main>
);

/** A page whose answer failed, with the catalogue's words. */
export const Failed = ({ message }: { message: string }) => (
  <main>
    <h1>Something went wrong</h1>
    <p role="alert">{message}</p>
  </main>
);

/** A page whose id names nothing in the catalogue. */
export const Missing = ({ what }: { what: string }) => (
  <main>
    <h1>No such {what}</h1>
    <p>
      The catalogue has no {what} of this id. <Link to="/">Search the catalogue</Link>.
    </p>
  </main>
);
