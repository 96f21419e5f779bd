import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { archivedPage, browseCategories, instructor, me, NOT_FOUND_CODE, rideDetails } from "./api";
import type { Auth0 } from "./auth0";
import type { Library } from "./catalogue";
import type { Drift } from "./drift";
import { type FaultQueue, faultReply } from "./faults";
import { json, parseCookies, type Reply, type SimRequest } from "./http";
import { legacyLogin } from "./legacy-login";
import { pelotonError } from "./payloads";
import type { Tokens } from "./tokens";
import type { Fault, FaultRoute, RecordedRequest } from "./types";

/** Everything one simulator instance owns; nothing is global, so several can run in one process. */
export interface SimulatorState {
  library: Library;
  /** SimulatorOptions.drift: varies the optional fields of class lists and details */
  drift?: Drift;
  tokens: Tokens;
  auth0: Auth0;
  faults: FaultQueue;
  credentials: { username: string; password: string };
  latencyMs: number;
  legacyLogin: boolean;
  requests: RecordedRequest[];
}

interface Route {
  method: "GET" | "POST";
  path: RegExp;
  /** the name tests inject faults under */
  fault?: FaultRoute;
  /** /api/* routes need a bearer token or a legacy session */
  api?: boolean;
  handle(request: SimRequest, params: string[]): Reply;
}

const MAX_BODY_BYTES = 1_000_000;

function routes(state: SimulatorState): Route[] {
  const { library, auth0 } = state;
  return [
    { method: "GET", path: /^\/api\/v2\/ride\/archived$/, fault: "archived", api: true, handle: (request) => archivedPage(request, library, state.drift) },
    { method: "GET", path: /^\/api\/ride\/([^/]+)\/details$/, fault: "details", api: true, handle: (_, [id]) => rideDetails(id!, library, state.drift) },
    { method: "GET", path: /^\/api\/instructor\/([^/]+)$/, fault: "instructor", api: true, handle: (_, [id]) => instructor(id!, library) },
    { method: "GET", path: /^\/api\/me$/, fault: "me", api: true, handle: () => me(library, state.credentials.username) },
    { method: "GET", path: /^\/api\/browse_categories$/, api: true, handle: () => browseCategories(library) },
    { method: "GET", path: /^\/authorize$/, handle: (request) => auth0.authorize(request) },
    { method: "GET", path: /^\/login$/, handle: (request) => auth0.loginPage(request) },
    { method: "POST", path: /^\/usernamepassword\/login$/, handle: (request) => auth0.usernamePasswordLogin(request) },
    { method: "POST", path: /^\/login\/callback$/, handle: (request) => auth0.loginCallback(request) },
    { method: "GET", path: /^\/authorize\/resume$/, handle: (request) => auth0.resume(request) },
    { method: "POST", path: /^\/authorize\/resume$/, handle: (request) => auth0.resume(request) },
    { method: "GET", path: /^\/sso\/callback$/, handle: (request) => auth0.sso(request) },
    { method: "POST", path: /^\/oauth\/token$/, fault: "token", handle: (request) => auth0.token(request) },
    {
      method: "POST",
      path: /^\/auth\/login$/,
      handle: (request) => legacyLogin(request, { enabled: state.legacyLogin, credentials: state.credentials, userId: library.userId, tokens: state.tokens }),
    },
  ];
}

/** An HTTP server answering as Peloton's API host and its Auth0 host at once. */
export function createSimulatorServer(state: SimulatorState): { server: Server; cancelPending(): void } {
  const table = routes(state);
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const server = createServer((req, res) => {
    void answer(req, res);
  });

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? "/", "http://simulator");
    const request: SimRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      cookies: parseCookies(req.headers.cookie),
      body: "",
    };
    let fault: Fault | undefined;
    let reply: Reply;
    try {
      request.body = await readBody(req);
      let params: string[] = [];
      const route = table.find((candidate) => {
        const match = candidate.method === request.method ? candidate.path.exec(request.path) : null;
        if (match) params = match.slice(1).map(decodeURIComponent);
        return match !== null;
      });
      if (route?.fault === "archived") state.faults.runPageHooks(Number(request.query.page ?? 0));
      fault = state.faults.take(route?.fault);
      reply = (fault && faultReply(fault)) ?? normalReply(route, request, params);
      if (fault && "transform" in fault && "json" in reply) reply = { ...reply, json: fault.transform(reply.json) };
    } catch (error) {
      reply = json(500, pelotonError(500, 5000, `Simulator error: ${(error as Error)?.message ?? String(error)}`));
    }
    const delay = state.latencyMs + (fault && "delayMs" in fault ? fault.delayMs : 0);
    if (delay > 0) await wait(delay);

    const status = write(res, reply, fault);
    state.requests.push({
      method: request.method,
      path: request.path,
      query: request.query,
      at,
      status,
      ...(req.headers.authorization === undefined ? {} : { authorization: req.headers.authorization }),
      ...(req.headers.cookie === undefined ? {} : { cookie: req.headers.cookie }),
      ...(req.headers["user-agent"] === undefined ? {} : { userAgent: req.headers["user-agent"] }),
      ...(req.headers["peloton-platform"] === undefined ? {} : { platform: String(req.headers["peloton-platform"]) }),
      ...(req.headers.origin === undefined ? {} : { origin: req.headers.origin }),
      ...(req.headers.referer === undefined ? {} : { referer: req.headers.referer }),
    });
  }

  function normalReply(route: Route | undefined, request: SimRequest, params: string[]): Reply {
    if (!route) return json(404, pelotonError(404, NOT_FOUND_CODE, "Not Found"));
    if (route.api && !state.tokens.authenticate(request.headers.authorization, request.cookies.peloton_session_id)) {
      return json(401, pelotonError(401, 3020, "Not logged in"));
    }
    return route.handle(request, params);
  }

  return {
    server,
    cancelPending: () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** Sends the reply (or what a body fault makes of it); returns the status sent. */
function write(res: ServerResponse, reply: Reply, fault: Fault | undefined): number {
  const headers: Record<string, string | string[]> = { ...reply.headers };
  let status = reply.status;
  let body = "";
  if (fault && ("blankBody" in fault || "malformedJson" in fault)) {
    status = 200;
    headers["Content-Type"] = "application/json; charset=utf-8";
    const full = "json" in reply ? JSON.stringify(reply.json) : JSON.stringify({ status: reply.status });
    if ("malformedJson" in fault) body = full.slice(0, Math.ceil(full.length / 2));
  } else if ("json" in reply) {
    headers["Content-Type"] = "application/json; charset=utf-8";
    body = JSON.stringify(reply.json);
  } else if ("html" in reply) {
    headers["Content-Type"] ??= "text/html; charset=utf-8";
    body = reply.html;
  } else {
    headers.Location = reply.location;
  }
  if (res.destroyed) return status;
  res.writeHead(status, { ...headers, "Content-Length": String(Buffer.byteLength(body)) });
  res.end(body);
  return status;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("request body too large"));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
