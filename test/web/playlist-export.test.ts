import { type ExportedEntry, exportName, playlistCsv, playlistM3u, searchLinks } from "../../web/src/playlist-export";

// The web app's playlist exports: what a spreadsheet and a music player read back.

const entry = (over: Partial<ExportedEntry>): ExportedEntry => ({
  position: 0,
  startOffsetSeconds: 60,
  title: "Take On Me",
  artistNames: "a-ha",
  albumName: null,
  ...over,
});

/** An RFC 4180 reader: rows of fields, quotes undone (every row ends with CRLF). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  for (const [, field, end] of text.matchAll(/("(?:[^"]|"")*"|[^",\r\n]*)(,|\r\n)/g)) {
    rows.at(-1)!.push(field!.startsWith('"') ? field!.slice(1, -1).replaceAll('""', '"') : field!);
    if (end === "\r\n") rows.push([]);
  }
  return rows.slice(0, -1);
}

describe("playlistCsv", () => {
  it("reads back field for field, whatever the titles hold: commas, quotes, line breaks, accents", () => {
    const odd = [
      entry({ position: 0, title: 'Say "Hello", Goodbye', artistNames: "Artist A, Artist B", albumName: "Line\nbreak" }),
      entry({ position: 1, startOffsetSeconds: null, title: "Björk · Jóga", artistNames: "Björk", albumName: "Homogenic" }),
    ];
    expect(readCsv(playlistCsv(odd))).toEqual([
      ["position", "start_seconds", "title", "artists", "album"],
      ["1", "60", 'Say "Hello", Goodbye', "Artist A, Artist B", "Line\nbreak"],
      ["2", "", "Björk · Jóga", "Björk", "Homogenic"],
    ]);
  });

  it("defuses a field a spreadsheet would run as a formula", () => {
    for (const title of ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)"]) {
      const [, [, , read]] = readCsv(playlistCsv([entry({ title })])) as [string[], string[]];
      expect(read).toBe(`'${title}`);
    }
  });
});

describe("playlistM3u", () => {
  it("lists each song's credits and title under one header, a line break in a title kept on its line", () => {
    const text = playlistM3u("30 min\nPop Ride", [entry({}), entry({ position: 1, title: "Two\r\nLines", artistNames: "X" })]);
    expect(text.split("\n")).toEqual([
      "#EXTM3U",
      "#PLAYLIST:30 min Pop Ride",
      "#EXTINF:-1,a-ha - Take On Me",
      "a-ha - Take On Me",
      "#EXTINF:-1,X - Two Lines",
      "X - Two Lines",
      "",
    ]);
  });
});

it("links to the two services' searches for the song, its words encoded", () => {
  const links = searchLinks({ title: "Rock & Roll", artistNames: "AC/DC" });
  expect(new URL(links.spotify).pathname).toBe(`/search/${encodeURIComponent("Rock & Roll AC/DC")}`);
  expect(new URL(links.appleMusic).searchParams.get("term")).toBe("Rock & Roll AC/DC");
});

it("names the file after the class, without the characters file systems refuse", () => {
  expect(exportName('45 min "Pop" Ride: 2020s/Today', "csv")).toBe("45 min Pop Ride 2020sToday.csv");
  expect(exportName("???", "m3u")).toBe("playlist.m3u");
});
