/** What an export needs of a playlist entry. */
export interface ExportedEntry {
  position: number;
  startOffsetSeconds: number | null;
  title: string;
  artistNames: string;
  albumName: string | null;
}

/** A CSV field: quoted when it holds a comma, a quote or a line break; a leading = + - @ defused for spreadsheets. */
function csvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The playlist as CSV (RFC 4180, CRLF), a header row first; positions counted from 1. */
export function playlistCsv(entries: readonly ExportedEntry[]): string {
  const rows = [
    ["position", "start_seconds", "title", "artists", "album"],
    ...entries.map((e) => [e.position + 1, e.startOffsetSeconds, e.title, e.artistNames, e.albumName]),
  ];
  return `${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** The playlist as an extended M3U: each song's credits and title, for the players and converters that match songs by them. */
export function playlistM3u(title: string, entries: readonly ExportedEntry[]): string {
  const line = (text: string) => text.replace(/[\r\n]+/g, " ");
  const songs = entries.flatMap((e) => [`#EXTINF:-1,${line(e.artistNames)} - ${line(e.title)}`, `${line(e.artistNames)} - ${line(e.title)}`]);
  return `${["#EXTM3U", `#PLAYLIST:${line(title)}`, ...songs].join("\n")}\n`;
}

/** Where to look a song up on Spotify and on Apple Music (their search pages: the catalogue has no ids of theirs). */
export function searchLinks(entry: Pick<ExportedEntry, "title" | "artistNames">) {
  const terms = `${entry.title} ${entry.artistNames}`;
  return {
    spotify: `https://open.spotify.com/search/${encodeURIComponent(terms)}`,
    appleMusic: `https://music.apple.com/search?term=${encodeURIComponent(terms)}`,
  };
}

/** A file name for an export of the class `title` (letters, digits, spaces and dashes kept). */
export const exportName = (title: string, extension: string) => `${title.replace(/[^\p{L}\p{N} -]+/gu, "").trim() || "playlist"}.${extension}`;
