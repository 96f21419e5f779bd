// The simulator's public contract (re-exported by index.ts); the client and ingestion tests code against it.

export interface SimulatorOptions {
  port?: number; // default 0 = any free port
  host?: string; // default "127.0.0.1"
  seed?: number; // default 1; same seed + sizes => byte-identical catalogue
  classes?: number; // default 500
  instructors?: number; // default 30
  disciplines?: string[]; // fitness_discipline slugs of the classes, default ["cycling", "strength", "yoga"] (or those the categories name)
  /**
   * Browse category slug -> the disciplines whose classes it lists, e.g. { bootcamp: ["bike_bootcamp", "tread_bootcamp"],
   * bike_bootcamp: ["bike_bootcamp"] }: categories may overlap. Default: each discipline is its own category. Every
   * discipline named must be one of `disciplines` (which, when omitted, defaults to every discipline named here).
   */
  categories?: Record<string, string[]>;
  /**
   * Shape drift: each class list and details answer varies its optional fields across the forms the real captures
   * show (absent, null, integer for float, sort_by string or array, [] or null, {} or [], "" for ids and URLs,
   * unknown keys, envelope fields or sideloads missing down to `{data}` alone, songs without index, artists without
   * artist_alias_id...). `true` seeds it with `seed`; a number is its own seed. Never drifted (the client's contract):
   * the list's `data` array; each entry's id, title, original_air_time, fitness_discipline and duration; details'
   * ride.{id, title, original_air_time, fitness_discipline, duration}; playlist.songs of a class with music, in class
   * order; each song's id, title and artists array; each artist's artist_id and artist_name; album id and name when
   * an album is present; ride.instructor's id and name when it is present. Default false: the captures' shapes.
   */
  drift?: boolean | number;
  songs?: number; // size of the song pool, default max(50, classes * 2); songs are reused across classes
  username?: string; // default "demo@example.com"
  password?: string; // default "peloton-demo"
  accessTokenTtlSeconds?: number; // default 172800 (48 h), as Peloton
  latencyMs?: number; // added to every response, default 0
  legacyLogin?: boolean; // default false: POST /auth/login answers 403 as the real one does since 2025-10-29
  auth0?: Auth0Options; // the Auth0 client it accepts, and how its login answers at each step
}

/** The Auth0 half: its client (default Peloton's web app) and, where real Auth0 may answer either way, which way. */
export interface Auth0Options {
  clientId?: string; // default "WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM": the only client /authorize and /oauth/token accept
  audience?: string; // default "https://api.onepeloton.com/": another one at /authorize gets 403
  redirectUri?: string; // default "https://members.onepeloton.com/callback"
  authorize?: "redirect" | "form"; // GET /authorize: 302 to /login?state= (default), or 200 with the login page itself
  csrf?: "config" | "input" | "cookie"; // the login page's _csrf: in its settings blob, equal to the cookie (default); in a hidden input, derived from the cookie; or only in the _csrf cookie
  login?: "form" | "redirect"; // a good password: 200 with the hidden form for /login/callback (default), or 303 straight on
  ssoHop?: "none" | "redirect" | "form"; // after the login, a hop through a second host (its own listener, Simulator.ssoUrl) that answers a 302 or a self-submitting form; default "none"
  requireOrigin?: boolean; // refuse the credentials POST without Origin and Referer (wrong ones are always refused); default false
}

export interface Simulator {
  url: string; // base URL, e.g. "http://127.0.0.1:41234"; serves BOTH the API and the auth host
  apiUrl: string; // = url (what PELOTON_API_URL is set to)
  authUrl: string; // = url (what PELOTON_AUTH_URL is set to)
  ssoUrl?: string; // the second host's base URL, when options.auth0.ssoHop is not "none"
  auth0: { clientId: string; audience: string; redirectUri: string }; // the Auth0 client it accepts (PELOTON_AUTH0_*)
  credentials: { username: string; password: string };
  userId: string; // 32-hex id of the demo user, returned by /api/me
  catalogue: Catalogue;
  requests: RecordedRequest[]; // every request, in order
  faults: Faults;
  legacyLogin: boolean; // mutable switch at run time
  /** n new classes appear at the top of the list (newer original_air_time than any); returns their ids */
  publishClasses(n: number, discipline?: string): string[];
  /** the class disappears from the list; its details answer 404 with Peloton's error body */
  removeClass(id: string): void;
  /**
   * From now on the class's entry in the archived list and/or its details answer pass through these functions
   * (after everything else the simulator does to them, faults' `transform` aside), e.g. an 8 KB title or a
   * 10,000-song playlist. Several calls compose in call order. The catalogue summary is unchanged.
   * Throws for an id that is not listed.
   */
  alterClass(id: string, change: { listEntry?: (ride: any) => any; details?: (body: any) => any }): void;
  /** every refresh token issued so far stops working: refresh_token grant answers 403 invalid_grant */
  revokeRefreshTokens(): void;
  /** the access tokens issued so far stop working after n more API requests each (401 error_code 3020) */
  expireAccessTokensAfter(n: number): void;
  close(): Promise<void>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  at: number; // Date.now() on arrival
  status: number;
  authorization?: string;
  cookie?: string;
  userAgent?: string;
  platform?: string; // the Peloton-Platform header
  origin?: string;
  referer?: string;
}

export interface Catalogue {
  classes: CatalogueClass[]; // newest first (original_air_time desc), the classes currently listed
  instructors: { id: string; name: string }[];
  disciplines: string[];
  categories: Record<string, string[]>; // browse category slug -> ids of the classes it lists, newest first
  songCount: number; // distinct songs used by the listed classes' playlists
  artistCount: number; // distinct artist_alias_ids used
}

export interface CatalogueClass {
  id: string;
  title: string;
  discipline: string;
  originalAirTime: number;
  instructorId: string;
  songIds: string[]; // playlist order, [] if no music
}

export type FaultRoute = "archived" | "details" | "instructor" | "me" | "token" | "any";

export type Fault =
  | { status: 429; retryAfterSeconds?: number; cloudflare?: boolean } // body {"status":429,...}, or with cloudflare Cloudflare's plain-text "error code: 1015"; Retry-After header when given
  | { status: 500 | 502 | 503 | 504 } // Peloton-style JSON for 500/503, Cloudflare-style HTML for 502/504
  | { status: 404 }
  | { blankBody: true } // 200, content-type json, empty body
  | { malformedJson: true } // 200 with truncated JSON text
  | { delayMs: number } // answer normally, but only after delayMs
  | { transform: (body: any) => any }; // the normal body passed through transform (e.g. make a field the wrong type)

export interface Faults {
  /** the next `times` (default 1) requests to route get the fault instead of (or, for delay/transform, on top of) the normal answer */
  inject(route: FaultRoute, fault: Fault, times?: number): void;
  /** run fn (once) just before answering archived page `page` (0-based): e.g. () => sim.publishClasses(2) to insert classes between two page fetches */
  beforeArchivedPage(page: number, fn: () => void): void;
  clear(): void;
}
