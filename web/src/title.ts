import { useEffect } from "react";

/** The browser's title for a page ("A-Ha · Peloton music catalogue"), what a tab and a screen reader announce. */
export function usePageTitle(title: string | null) {
  useEffect(() => {
    document.title = title ? `${title} · Peloton music catalogue` : "Peloton music catalogue";
  }, [title]);
}
