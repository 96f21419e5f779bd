import { createYoga } from "graphql-yoga";
import type { Databases } from "./db";
import { schema } from "./schema";
import { createContext } from "./schema/context";

/** The GraphQL API over the given databases; GraphiQL on unless in production. */
export function createApi(databases: Pick<Databases, "workouts" | "detailed">, { production = false } = {}) {
  return createYoga({
    schema,
    graphiql: !production,
    maskedErrors: true,
    context: () => createContext(databases),
  });
}
