import path from "node:path";
import { fileIn, safeFileName } from "../src/safe-file-name";

describe("safeFileName", () => {
  it("keeps a slug as Peloton writes them", () => {
    expect(safeFileName("bike_bootcamp")).toBe("bike_bootcamp");
  });

  it("makes any other text a name of letters, digits, _ and - that names no other directory, and two texts never one name", () => {
    const names = ["../../x", "..", ".", "", "a/b", "a\\b", "a.b", "a_b-", "\u0000", "é"].map((text) => safeFileName(text));
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(new Set([...names, "a_b"]).size).toBe(names.length + 1);
    expect(safeFileName("x".repeat(500))).toHaveLength(80 + 13);
  });
});

describe("fileIn", () => {
  it("answers a file inside the directory, and refuses a name that leaves it", () => {
    expect(fileIn("/data/list", "cycling_page_0000.json")).toBe(path.resolve("/data/list/cycling_page_0000.json"));
    for (const name of ["../x", "a/../../x", "/etc/passwd", "..", "a/b"]) expect(() => fileIn("/data/list", name)).toThrow(/not a file name inside/);
  });
});
