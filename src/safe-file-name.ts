import { createHash } from "node:crypto";
import path from "node:path";

/**
 * A file name made from text Peloton sends (a category slug, a class id): letters, digits, `_` and `-`
 * only, so that it can name no other directory (`../x`) and no hidden file. Text that had to change
 * gets a hash of itself, so that two slugs never share a file.
 */
export function safeFileName(text: string, maxLength = 80): string {
  const clean = text.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, maxLength);
  if (clean === text && clean !== "") return clean;
  return `${clean}-${createHash("sha256").update(text).digest("hex").slice(0, 12)}`;
}

/** `name` in `dir`, refusing a name that would resolve anywhere else. */
export function fileIn(dir: string, name: string): string {
  const file = path.resolve(dir, name);
  if (path.dirname(file) !== path.resolve(dir)) throw new Error(`refusing to write ${JSON.stringify(name)}: it is not a file name inside ${dir}`);
  return file;
}
