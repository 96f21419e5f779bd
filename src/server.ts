import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { useOnResolve } from "@envelop/on-resolve";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { useDisableIntrospection } from "@graphql-yoga/plugin-disable-introspection";
import { createComplexityRule } from "@pothos/plugin-complexity";
import { GraphQLError } from "graphql";
import { type Plugin, createYoga } from "graphql-yoga";
import type { Databases } from "./db";
import type { BackgroundRuns } from "./ingest/background";
import type { Logger } from "./log";
import { schema } from "./schema";
import { type Context, createContext } from "./schema/context";

export interface ApiOptions {
  /** no GraphiQL, no introspection, no field suggestions */
  production?: boolean;
  /** what the mutations need: the bearer token they require, and where they run the stages; without it they are refused */
  admin?: { token: string; runs: BackgroundRuns };
  /** an operation still running after this long is stopped with a TIMEOUT error */
  requestTimeoutMs?: number;
  logger?: Logger;
}

/** What one operation may ask for; `complexity` counts a connection as its page size times its selection. */
export const queryLimits = { depth: 12, complexity: 20_000, breadth: 300, aliases: 15, tokens: 3000 } as const;

/** The GraphQL API over the given databases; GraphiQL on unless in production. */
export function createApi(databases: Pick<Databases, "workouts" | "detailed">, options: ApiOptions = {}) {
  const { production = false, admin, requestTimeoutMs = 15_000, logger } = options;
  return createYoga<object, Context>({
    schema,
    graphiql: !production,
    maskedErrors: true,
    logging: logger ?? false,
    context: ({ request }) => createContext(databases, { authorization: request.headers.get("authorization"), admin }),
    plugins: [
      useCSRFPrevention(),
      ...(production ? [useDisableIntrospection()] : []),
      EnvelopArmorPlugin({
        maxAliases: { n: queryLimits.aliases },
        maxTokens: { n: queryLimits.tokens },
        maxDirectives: { n: 10 },
        blockFieldSuggestion: { enabled: production },
        // depth and cost: the complexity rule below knows page sizes
        maxDepth: { enabled: false },
        costLimit: { enabled: false },
      }),
      useComplexityLimits(),
      useRequestTimeout(requestTimeoutMs),
      checkDeadline,
    ],
  });
}

/** Refuses an over-deep, over-broad or over-costly operation before it runs (a validation error). */
function useComplexityLimits(): Plugin<{ params?: { variables?: Record<string, unknown>; operationName?: string } }> {
  return {
    onValidate({ context, addValidationRule }) {
      addValidationRule(
        createComplexityRule({
          context,
          variableValues: context.params?.variables ?? {},
          operationName: context.params?.operationName,
          maxDepth: queryLimits.depth,
          maxBreadth: queryLimits.breadth,
          maxComplexity: queryLimits.complexity,
        }),
      );
    },
  };
}

interface Deadline {
  deadline?: { at: number; stop: () => void };
}

/**
 * Stops resolving an operation that runs too long (or whose client went away); a timeout answers
 * TIMEOUT. A timer covers the waits on the database; a check before each resolver covers the
 * embedded database, whose queries run on this thread without letting timers fire.
 */
function useRequestTimeout(ms: number): Plugin<Deadline> {
  return {
    onExecute({ args, extendContext }) {
      const timeout = new AbortController();
      const stop = () => timeout.abort(new GraphQLError(`The operation took longer than ${ms} ms and was stopped`, { extensions: { code: "TIMEOUT", http: { status: 503 } } }));
      const timer = setTimeout(stop, ms);
      extendContext({ deadline: { at: performance.now() + ms, stop } });
      const clientGone = (args.contextValue as { request?: Request }).request?.signal;
      // graphql-tools' executor (Yoga's) reads this, as Yoga's own useExecutionCancellation sets it
      Object.assign(args, { signal: clientGone ? AbortSignal.any([clientGone, timeout.signal]) : timeout.signal });
      return { onExecuteDone: () => clearTimeout(timer) };
    },
  };
}

// One instance for every server: it wraps the shared schema's resolvers, once.
const checkDeadline = useOnResolve<Deadline>(({ context: { deadline } }) => {
  if (deadline && performance.now() > deadline.at) deadline.stop();
});
