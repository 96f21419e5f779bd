// A backup's manifest: the SHA-256 of each of its dumps, written when it is taken, in sha256sum's format
// (`sha256sum -c peloton_<time>.sha256` checks it too). Restore refuses a file that no longer matches.
import { createHash } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { BackupError, manifestFileName, partialSuffix } from "./files";

export const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Writes the manifest of the given dump files (readable by the owner only); answers its path. */
export async function writeManifest(dir: string, timestamp: string, files: string[]): Promise<string> {
  const lines = await Promise.all(files.map(async (file) => `${sha256(await readFile(file))}  ${path.basename(file)}\n`));
  const manifest = path.join(dir, manifestFileName(timestamp));
  const partial = manifest + partialSuffix;
  try {
    await writeFile(partial, lines.join(""), { mode: 0o600 });
    await rename(partial, manifest);
  } finally {
    await rm(partial, { force: true });
  }
  return manifest;
}

/**
 * Checks the dumps' bytes, as read for the restore, against the backup's manifest: a BackupError names
 * the file that does not match, or says what is wrong with the manifest.
 */
export async function verifyManifest(dir: string, timestamp: string, dumps: { path: string; bytes: Buffer }[]): Promise<void> {
  const name = manifestFileName(timestamp);
  const text = await readFile(path.join(dir, name), "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
    const files = dumps.map((dump) => path.basename(dump.path)).join(" ");
    throw new BackupError(
      `The backup ${timestamp} in ${dir} has no checksum manifest (${name}), so nothing shows that its files are the ones it wrote. Nothing was restored. ` +
        `If you know the files are untouched (a backup taken before manifests existed), vouch for them with: cd ${dir} && sha256sum ${files} > ${name}`,
    );
  });
  const expected = new Map<string, string>();
  for (const [index, line] of text.split("\n").entries()) {
    if (line === "") continue;
    const match = /^([0-9a-f]{64}) [ *](peloton_(?:workouts|detailed)_\d{8}T\d{6}Z\.sql)$/.exec(line);
    if (!match) throw new BackupError(`${name}, line ${index + 1}, is not "<sha256>  <file>": the manifest is damaged. Nothing was restored.`);
    expected.set(match[2]!, match[1]!);
  }
  for (const dump of dumps) {
    const file = path.basename(dump.path);
    const checksum = expected.get(file);
    if (checksum === undefined) throw new BackupError(`${name} has no checksum for ${file}. Nothing was restored.`);
    if (checksum !== sha256(dump.bytes)) {
      throw new BackupError(`${file} does not match its checksum in ${name}: it changed after the backup was taken. Nothing was restored.`);
    }
  }
}
