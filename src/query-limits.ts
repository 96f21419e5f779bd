// What one operation may cost, and the check that refuses an operation over it before it runs.
import { complexityFromQuery } from "@pothos/plugin-complexity";
import { type DocumentNode, GraphQLError, Kind, type OperationDefinitionNode } from "graphql";
import type { Plugin } from "graphql-yoga";

/** What one operation may ask for; `complexity` counts a connection as its page size times its selection. */
export const queryLimits = { depth: 12, complexity: 20_000, breadth: 300, aliases: 15, tokens: 3000 } as const;

/**
 * Refuses an over-deep, over-broad or over-costly operation before it runs, as a validation error.
 * The complexity depends on the variables (page sizes), so it is measured for each request, after
 * the document's own validation (which Yoga caches by document), and only once that passed: the
 * measure cannot make sense of an invalid document. It reads only the operations (the one named, or
 * each of them), as Pothos' complexity rule would inside a validation pass over the whole document.
 */
export function useComplexityLimits(): Plugin<{ params?: { variables?: Record<string, unknown>; operationName?: string } }> {
  return {
    onValidate({ context, params: { schema, documentAST } }) {
      return ({ valid }) => {
        if (!valid) return;
        const { variables = {}, operationName } = context.params ?? {};
        const document: DocumentNode = documentAST;
        const fragments = document.definitions.filter((def) => def.kind === Kind.FRAGMENT_DEFINITION);
        const operations = document.definitions.filter(
          (def): def is OperationDefinitionNode => def.kind === Kind.OPERATION_DEFINITION && (operationName == null || def.name?.value === operationName),
        );
        if (operations.length === 0) throw new AggregateError([asValidationError(new GraphQLError(`Unknown operation named "${operationName}".`))]);
        const errors = operations.flatMap((operation) => {
          try {
            const cost = complexityFromQuery({ ...document, definitions: [operation, ...fragments] }, { schema, variables, ctx: context });
            return refusals(cost);
          } catch (error) {
            if (error instanceof GraphQLError) return [error];
            throw error;
          }
        });
        if (errors.length > 0) throw new AggregateError(errors.map(asValidationError));
      };
    },
  };
}

/** What exceeds queryLimits, each as Pothos' complexity rule words it. */
function refusals(cost: Record<"complexity" | "depth" | "breadth", number>): GraphQLError[] {
  return (["complexity", "depth", "breadth"] as const).flatMap((what) => {
    const [actual, max] = [cost[what], queryLimits[what]];
    return actual > max ? [new GraphQLError(`Query ${what} of ${actual} exceeds max ${what} of ${max}`, { extensions: { code: `QUERY_${what.toUpperCase()}`, max, actual } })] : [];
  });
}

/** graphql-armor's limits throw their refusal rather than report it: make it a validation error like any other. */
export const useThrownRefusals: Plugin = {
  onValidate({ validateFn, setValidationFn }) {
    setValidationFn((...args) => reportingThrown(() => validateFn(...args)));
  },
};

function reportingThrown(validation: () => ReadonlyArray<GraphQLError>): ReadonlyArray<GraphQLError> {
  try {
    return validation();
  } catch (error) {
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
}

// what Yoga makes of the errors its validation finds (useHTTPValidationError), for errors found after it
const asValidationError = (error: GraphQLError) =>
  new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: { ...error.extensions, code: error.extensions.code ?? "GRAPHQL_VALIDATION_FAILED", http: { spec: true, status: 400 } },
  });

