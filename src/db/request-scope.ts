// Which API request a database statement belongs to, so that the statements of a request that timed
// out or whose client hung up stop: the ones not sent yet are refused, the ones running are cancelled.

import { AsyncLocalStorage } from "node:async_hooks";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { Logger } from "../log";

/** What a statement of a request that was stopped fails with, instead of reaching the database. */
export class RequestStoppedError extends Error {
  override name = "RequestStoppedError";
}

/** The statements one API request sends: at most `limit` at once, none once it is stopped. */
export class RequestStatements {
  private readonly running = new Set<Promise<unknown>>();
  private readonly waiting: ((started: boolean) => void)[] = [];
  private readonly onStopped = new Set<() => void>();
  private active = 0;
  private halted = false;

  constructor(private readonly limit: number) {}

  get isStopped() {
    return this.halted;
  }

  /**
   * Stops the request's statements: those waiting are refused, those running are cancelled (see
   * whenStopped), and none is sent after. A flag and a call rather than an AbortSignal: every request
   * ends this way, and on Node 20 an abort event costs a request a few per cent of its CPU.
   */
  stop() {
    if (this.halted) return;
    this.halted = true;
    for (const waiter of this.waiting.splice(0)) waiter(false);
    // every reaction runs, whichever fails; the first failure is thrown after them
    const failures: unknown[] = [];
    for (const react of [...this.onStopped]) {
      try {
        react();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw failures[0];
  }

  /** Calls `react` when the request is stopped, until the returned function is called. */
  whenStopped(react: () => void): () => void {
    this.onStopped.add(react);
    return () => this.onStopped.delete(react);
  }

  stopped() {
    return new RequestStoppedError("the request was stopped (timed out or its client went away) before this statement ran");
  }

  /**
   * Runs `send` once fewer than `limit` of this request's statements run. A statement of a stopped
   * request (refused, or cancelled while it ran) never answers: the executor has given up on the
   * request's resolvers, so a rejection would reach no handler (an unhandled rejection); a promise
   * that never settles is collected with the request.
   */
  async run<T>(send: () => Promise<T>): Promise<T> {
    if (this.isStopped) return unanswered();
    // a statement that finishes hands its place to the next one waiting
    if (this.active >= this.limit) {
      const started = await new Promise<boolean>((start) => this.waiting.push(start));
      if (!started) return unanswered();
    } else this.active++;
    const statement = send();
    this.running.add(statement);
    try {
      return await statement;
    } catch (error) {
      if (this.isStopped) return unanswered();
      throw error;
    } finally {
      this.running.delete(statement);
      const next = this.waiting.shift();
      if (next) next(true);
      else this.active--;
    }
  }

  /** Resolves once none of this request's statements runs any more. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

const unanswered = <T>() => new Promise<T>(() => undefined);

const current = new AsyncLocalStorage<RequestStatements>();

/** Runs `fn` (an API request's execution) so that the statements it sends, however deep, belong to `statements`. */
export const withinRequest = <T>(statements: RequestStatements, fn: () => T): T => current.run(statements, fn);

/** Runs `fn` (work that outlives the request, such as an ingestion run a mutation starts) as part of no request. */
export const outsideRequests = <T>(fn: () => T): T => current.exit(fn);

/** The request the calling code runs for, if any. */
export const currentRequest = (): RequestStatements | undefined => current.getStore();

/**
 * A pool whose statements sent for an API request (see request-scope) stop with it: a request runs
 * `statementsPerRequest` at a time; once it is stopped, those not sent are refused and those
 * running are cancelled (PostgreSQL's cancel request), and their connection is closed rather than
 * reused. Other statements (migrations, ingestion) run as in pg.Pool.
 */
export class RequestAwarePool extends pg.Pool {
  constructor(
    config: pg.PoolConfig,
    private readonly database: string,
    private readonly logger: Logger,
  ) {
    super(config);
  }

  // the pg adapter calls query(config) for every statement outside a transaction
  // biome-ignore lint/suspicious/noExplicitAny: pg.Pool's query has a dozen overloads that an override can only match as any
  override query(...args: any[]): any {
    const request = currentRequest();
    const [config] = args;
    if (!request || args.length !== 1 || typeof config !== "object") return super.query(...(args as [string]));
    return request.run(() => this.sendFor(request, config as pg.QueryConfig));
  }

  private async sendFor(request: RequestStatements, config: pg.QueryConfig) {
    const client = await this.connectFor(request);
    let cancelled = false;
    const forget = request.whenStopped(() => {
      cancelled = true;
      this.cancel(client);
    });
    let failure: unknown;
    // a checked-out connection has no listener of the pool's: a connection lost would otherwise crash the process
    const lost = (error: Error) => (failure ??= error);
    client.on("error", lost);
    try {
      if (request.isStopped) throw request.stopped();
      return await client.query(config);
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      forget();
      // as pg.Pool's query, a connection whose statement failed is not reused; nor one we sent a cancel
      // for: the cancel is not acknowledged, and one landing late must not stop another statement
      const kept = !cancelled && (failure === undefined || failure instanceof RequestStoppedError);
      client.removeListener("error", lost);
      client.release(kept ? undefined : ((failure as Error) ?? true));
    }
  }

  /** A connection of the pool, unless the request is stopped while it waits for one. */
  private connectFor(request: RequestStatements): Promise<pg.PoolClient> {
    return new Promise((resolve, reject) => {
      const stopped = () => reject(request.stopped());
      const forget = request.whenStopped(stopped);
      this.connect().then(
        (client) => {
          forget();
          if (!request.isStopped) return resolve(client);
          client.release();
          stopped();
        },
        (error: unknown) => {
          forget();
          reject(error);
        },
      );
    });
  }

  /**
   * Cancels the statement the connection runs with PostgreSQL's own cancel request: the connection's
   * process id and secret key over a socket of its own, with no login, so it needs no free connection
   * slot, and a pooler in between (PgBouncer) passes it to the right server connection.
   */
  private cancel(client: pg.PoolClient) {
    const canceller = new pg.Client(this.options);
    // pg's cancel opens its socket without the listeners connect() adds: a refused one must not crash the process
    (canceller as unknown as { connection: NodeJS.EventEmitter }).connection.on("error", (error: Error) =>
      this.logger.warn({ database: this.database, err: error }, "could not cancel a stopped request's statement"),
    );
    (canceller as unknown as { cancel(client: pg.PoolClient, query: unknown): void }).cancel(
      client,
      (client as unknown as { activeQuery: unknown }).activeQuery,
    );
  }
}

/**
 * The embedded database (PGlite) runs one statement at a time on this thread and cannot interrupt
 * one. Its statements take turns: one request's, then another's (round robin, ingestion counting as
 * one), with a pass through the event loop between two, so that timers fire and other requests are
 * read while a request runs hundreds; a stopped request's statements still waiting are refused.
 */
export function takingTurns(db: PGlite): PGlite {
  type Turn = { start(): void; fail(error: Error): void };
  const lanes = new Map<RequestStatements | undefined, Turn[]>();
  let busy = false;
  const next = () => {
    if (busy) return;
    const lane = lanes.entries().next();
    if (lane.done) return;
    const [request, turns] = lane.value;
    lanes.delete(request);
    const turn = turns.shift()!;
    if (turns.length > 0) lanes.set(request, turns); // to the back of the line
    busy = true;
    turn.start();
  };
  // the next statement starts from the event loop's check phase, after timers and I/O had their turn
  const done = () =>
    setImmediate(() => {
      busy = false;
      next();
    });
  const waitTurn = (request: RequestStatements | undefined) =>
    new Promise<void>((start, fail) => {
      const turn = { start, fail };
      const turns = lanes.get(request);
      if (turns) turns.push(turn);
      else lanes.set(request, [turn]);
      const forget = request?.whenStopped(() => {
        const waiting = lanes.get(request);
        if (!waiting?.includes(turn)) return;
        waiting.splice(waiting.indexOf(turn), 1);
        if (waiting.length === 0) lanes.delete(request);
        fail(request.stopped());
      });
      turn.start = () => {
        forget?.();
        start();
      };
      next();
    });
  const query = async <T>(...args: Parameters<PGlite["query"]>) => {
    const request = currentRequest();
    const send = async () => {
      await waitTurn(request);
      try {
        if (request?.isStopped) throw request.stopped();
        return await db.query<T>(...args);
      } finally {
        done();
      }
    };
    return request ? request.run(send) : send();
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === "query") return query;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
