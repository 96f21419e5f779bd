import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

const sessionSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("bearer"),
    accessToken: z.string(),
    refreshToken: z.string().optional(),
    expiresAt: z.iso.datetime().optional(), // of the access token
    userId: z.string().optional(),
    origin: z.string(),
  }),
  z.object({ kind: z.literal("cookie"), sessionId: z.string(), userId: z.string().optional(), origin: z.string() }),
]);

/**
 * What lets us call Peloton's API: a bearer token (Auth0, or pasted) or a legacy session cookie.
 * `origin` fingerprints the credentials it came from, so that a session is dropped, not reused,
 * when the user configures another account or pastes new tokens.
 */
export type PelotonSession = z.infer<typeof sessionSchema>;

export const originOf = (...parts: (string | undefined)[]) =>
  createHash("sha256")
    .update(parts.map((part) => part ?? "").join("\0"))
    .digest("hex")
    .slice(0, 16);

export interface SessionStore {
  load(): Promise<PelotonSession | null>;
  save(session: PelotonSession): Promise<void>;
  clear(): Promise<void>;
}

/** The session in `DATA_DIR/session.json`, readable by its owner only. */
export function fileSessionStore(dataDir: string): SessionStore {
  const file = path.join(dataDir, "session.json");
  return {
    async load() {
      const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return null;
        throw error;
      });
      if (text === null) return null;
      const parsed = sessionSchema.safeParse(safeJson(text));
      return parsed.success ? parsed.data : null; // unreadable: as if there were none; the next login replaces it
    },
    async save(session) {
      await mkdir(dataDir, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify(session, null, 2)}\n`, { mode: 0o600 });
      await rename(temporary, file); // atomic: a crash never leaves half a session (and a rotated-away refresh token)
    },
    async clear() {
      await rm(file, { force: true });
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
