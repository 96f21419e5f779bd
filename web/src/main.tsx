import { StrictMode, useEffect, useRef } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter, Link, Route, Routes, useLocation } from "react-router";
import { ArtistPage } from "./pages/Artist";
import { ClassPage } from "./pages/Class";
import { FinderPage } from "./pages/Finder";
import { InstructorPage } from "./pages/Instructor";
import { SearchPage } from "./pages/Search";
import { SongPage } from "./pages/Song";
import { StatusPage } from "./pages/Status";
import "./styles.css";

/**
 * After a move to another page (not a change of its query), the focus goes to the page's main
 * region, where a screen reader starts reading; the new title says where it is.
 */
function FocusOnNavigation() {
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    document.querySelector("main")?.focus();
  }, [pathname]);
  return null;
}

function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>
        This page does not exist. <Link to="/">Search the catalogue</Link>.
      </p>
    </>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <BrowserRouter>
      <FocusOnNavigation />
      <header className="top">
        <Link to="/" className="brand">
          Peloton music catalogue
        </Link>
        <nav aria-label="Pages">
          <Link to="/">Search</Link> <Link to="/classes">Class finder</Link> <Link to="/status">Status</Link> <a href="/graphql">GraphiQL</a>
        </nav>
      </header>
      {/* one main region for every page: the focus moves to it on navigation (FocusOnNavigation) */}
      <main tabIndex={-1}>
        <Routes>
          <Route path="/" element={<SearchPage />} />
          <Route path="/classes" element={<FinderPage />} />
          <Route path="/classes/:id" element={<ClassPage />} />
          <Route path="/instructors/:id" element={<InstructorPage />} />
          <Route path="/artists/:id" element={<ArtistPage />} />
          <Route path="/songs/:id" element={<SongPage />} />
          <Route path="/status" element={<StatusPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
    </BrowserRouter>
  </StrictMode>,
);
