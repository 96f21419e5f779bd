import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Auth0, auth0Settings } from "./auth0";
import { Library } from "./catalogue";
import { Drift } from "./drift";
import { FaultQueue } from "./faults";
import { createSimulatorServer, type SimulatorState } from "./server";
import { Tokens } from "./tokens";
import type { Catalogue, Faults, RecordedRequest, Simulator, SimulatorOptions } from "./types";

export type { Auth0Options, Catalogue, CatalogueClass, Fault, FaultRoute, Faults, RecordedRequest, Simulator, SimulatorOptions } from "./types";

export const DEFAULT_DISCIPLINES = ["cycling", "strength", "yoga"];

/** Starts a Peloton API + Auth0 simulator on loopback (see src/simulator/README.md). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const classes = options.classes ?? 500;
  const library = new Library({
    seed: options.seed ?? 1,
    classes,
    instructors: options.instructors ?? 30,
    disciplines: options.disciplines ?? (options.categories ? [...new Set(Object.values(options.categories).flat())] : DEFAULT_DISCIPLINES),
    songs: options.songs ?? Math.max(50, classes * 2),
    categories: options.categories,
  });
  const ttl = options.accessTokenTtlSeconds ?? 172800;
  const latencyMs = options.latencyMs ?? 0;
  if (!Number.isInteger(ttl) || ttl < 0) throw new Error(`simulator option accessTokenTtlSeconds must be a whole number >= 0, got ${ttl}`);
  if (!(latencyMs >= 0)) throw new Error(`simulator option latencyMs must be >= 0, got ${latencyMs}`);
  const credentials = { username: options.username ?? "demo@example.com", password: options.password ?? "peloton-demo" };

  const auth0 = auth0Settings(options.auth0);

  let url = "";
  let ssoUrl = "";
  const tokens = new Tokens(library.userId, credentials.username, ttl, () => url, auth0);
  if (typeof options.drift === "number" && !Number.isSafeInteger(options.drift))
    throw new Error(`simulator option drift must be true, false or a whole-number seed, got ${options.drift}`);
  const drift = options.drift === undefined || options.drift === false ? undefined : new Drift(options.drift === true ? (options.seed ?? 1) : options.drift);
  const state: SimulatorState = {
    library,
    drift,
    tokens,
    auth0: new Auth0(
      credentials,
      tokens,
      () => url,
      auth0,
      () => ssoUrl,
    ),
    faults: new FaultQueue(),
    credentials,
    latencyMs,
    legacyLogin: options.legacyLogin ?? false,
    requests: [],
  };
  const { server, cancelPending } = createSimulatorServer(state);
  const host = options.host ?? "127.0.0.1";
  await listen(server, options.port ?? 0, host);
  url = loopbackUrl(server, host);
  // the second host of the login's chain (auth-orca's stand-in): a listener of its own, so that it is another origin
  const sso = auth0.ssoHop === "none" ? undefined : createSimulatorServer(state);
  if (sso) {
    await listen(sso.server, 0, host).catch(async (error: unknown) => {
      await shut(server, cancelPending);
      throw error;
    });
    ssoUrl = loopbackUrl(sso.server, host);
  }
  return new RunningSimulator(state, server, cancelPending, url, sso && { ...sso, url: ssoUrl });
}

function loopbackUrl(server: Server, host: string): string {
  const { port } = server.address() as AddressInfo;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

class RunningSimulator implements Simulator {
  readonly apiUrl: string;
  readonly authUrl: string;
  readonly ssoUrl?: string;
  readonly auth0: { clientId: string; audience: string; redirectUri: string };
  readonly credentials: { username: string; password: string };
  readonly userId: string;
  readonly requests: RecordedRequest[];
  readonly faults: Faults;

  constructor(
    private readonly state: SimulatorState,
    private readonly server: Server,
    private readonly cancelPending: () => void,
    readonly url: string,
    private readonly sso?: { server: Server; cancelPending(): void; url: string },
  ) {
    this.apiUrl = url;
    this.authUrl = url;
    this.ssoUrl = sso?.url;
    const { clientId, audience, redirectUri } = state.auth0.settings;
    this.auth0 = { clientId, audience, redirectUri };
    this.credentials = { ...state.credentials };
    this.userId = state.library.userId;
    this.requests = state.requests;
    this.faults = state.faults;
  }

  get catalogue(): Catalogue {
    return this.state.library.summary();
  }

  get legacyLogin(): boolean {
    return this.state.legacyLogin;
  }

  set legacyLogin(enabled: boolean) {
    this.state.legacyLogin = enabled;
  }

  publishClasses(n: number, discipline?: string): string[] {
    return this.state.library.publish(n, discipline);
  }

  removeClass(id: string): void {
    this.state.library.remove(id);
  }

  alterClass(id: string, change: { listEntry?: (ride: any) => any; details?: (body: any) => any }): void {
    this.state.library.alter(id, change);
  }

  revokeRefreshTokens(): void {
    this.state.tokens.revokeRefreshTokens();
  }

  expireAccessTokensAfter(n: number): void {
    this.state.tokens.expireAccessTokensAfter(n);
  }

  private closing: Promise<void> | undefined;

  close(): Promise<void> {
    this.closing ??= Promise.all([shut(this.server, this.cancelPending), this.sso && shut(this.sso.server, this.sso.cancelPending)]).then(() => undefined);
    return this.closing;
  }
}

function shut(server: Server, cancelPending: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    cancelPending();
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}
