import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter, Link, Route, Routes } from "react-router";
import { ArtistPage } from "./pages/Artist";
import { ClassPage } from "./pages/Class";
import { InstructorPage } from "./pages/Instructor";
import { SearchPage } from "./pages/Search";
import { SongPage } from "./pages/Song";
import "./styles.css";

function NotFound() {
  return (
    <main>
      <h1>Not found</h1>
      <p>
        This page does not exist. <Link to="/">Search the catalogue</Link>.
      </p>
    </main>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <BrowserRouter>
      <header className="top">
        <Link to="/" className="brand">
          Peloton music catalogue
        </Link>
        <a href="/graphql">GraphiQL</a>
      </header>
      <Routes>
        <Route path="/" element={<SearchPage />} />
        <Route path="/classes/:id" element={<ClassPage />} />
        <Route path="/instructors/:id" element={<InstructorPage />} />
        <Route path="/artists/:id" element={<ArtistPage />} />
        <Route path="/songs/:id" element={<SongPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </BrowserRouter>
  </StrictMode>,
);
