// The ADMIN_TOKEN a request carries as `Authorization: Bearer <token>`: read by the mutations, by who
// sees a run's error in full, and by the rate limit, which does not count the admin.
import { createHash, timingSafeEqual } from "node:crypto";

/** The token of an `Authorization: Bearer <token>` header, if it holds one. */
export const bearerToken = (authorization: string | null): string | undefined => /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Whether the header carries `token` as its bearer token (compared in constant time). */
export function carriesToken(authorization: string | null, token: string): boolean {
  const given = bearerToken(authorization);
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}
