import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import { GraphQLError, getNullableType, isListType } from "graphql";
import { DateTimeResolver } from "graphql-scalars";
import { z } from "zod";
import { bearerToken } from "../admin-token";
import type PrismaTypes from "../db/generated/detailed-pothos/types";
import { getDatamodel } from "../db/generated/detailed-pothos/types";
import { fieldPrice, type PricingContext } from "../query-limits";
import type { Context } from "./context";

/** A connection's page size: `first` defaults to 20 and may not exceed 100. */
export const pageSize = { default: 20, max: 100 } as const;
const pageSizeSchema = z.number().int().min(0).max(pageSize.max, `must be at most ${pageSize.max}`);
/** What a list field is assumed to hold when its arguments do not say (a playlist, a song's artists). */
const LIST_COST = 10;

// The one builder: it only configures. Types and their root fields live one file per type beside it.
export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: { list: false; items: false };
  DefaultNodeNullability: false;
  // a time is answered as a Date, or as the text toISOString writes (what a page read as SQL holds)
  Scalars: { DateTime: { Input: Date; Output: Date | string } };
  AuthScopes: { admin: boolean };
}>({
  plugins: [ScopeAuthPlugin, RelayPlugin, PrismaPlugin, ComplexityPlugin, ValidationPlugin],
  // who may ask a field is declared on it (authScopes); the admin is whoever carries the server's ADMIN_TOKEN
  scopeAuth: {
    authScopes: (ctx) => ({ admin: ctx.isAdmin }),
    unauthorizedError: (_parent, ctx) => adminRequired(ctx),
  },
  defaultFieldNullability: false,
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    // node(id) and nodes(ids) are src/schema/node.ts's: they read ids as the lookups do
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    // what every connection shares, described once
    defaultConnectionTypeOptions: { description: "A page of a list: its edges in order, where the page stands, and how many the whole list holds" },
    defaultEdgeTypeOptions: { description: "An item of a page and its place in the list" },
    edgesFieldOptions: { nullable: { list: false, items: false }, description: "The page's items, in the list's order" },
    nodeFieldOptions: { nullable: false, description: "The item" },
    cursorFieldOptions: { description: "Where this item stands: pass it as `after` (or `before`) for the items past it" },
    pageInfoFieldOptions: { description: "Where the page stands in the list" },
    pageInfoTypeOptions: { description: "Where a page stands in its list (Relay's cursor connections)" },
    hasNextPageFieldOptions: { description: "Whether items follow the page" },
    hasPreviousPageFieldOptions: { description: "Whether items precede the page" },
    startCursorFieldOptions: { description: "The first item's cursor; null on an empty page" },
    endCursorFieldOptions: { description: "The last item's cursor, to pass as `after` for the next page; null on an empty page" },
    idFieldOptions: { description: "The object's global id: opaque, for node(id), nodes(ids) and the lookups (Peloton's own id is `pelotonId`)" },
    nodeTypeOptions: { description: "An object with a global id: any of them can be fetched again by `node(id)`" },
    firstArgOptions: {
      validate: pageSizeSchema,
      description: `The first this many items (past \`after\`), at most ${pageSize.max}; ${pageSize.default} by default`,
    },
    lastArgOptions: { validate: pageSizeSchema, description: `The last this many items (before \`before\`), at most ${pageSize.max}` },
    afterArgOptions: { description: "A cursor this list gave: the page starts past its item" },
    beforeArgOptions: { description: "A cursor this list gave: the page ends before its item" },
  },
  prisma: {
    client: (ctx) => ctx.detailed,
    dmmf: getDatamodel(),
    maxConnectionSize: pageSize.max,
    defaultConnectionSize: pageSize.default,
    filterConnectionTotalCount: true,
  },
  // A query's cost is what it makes the database do: each field its price (fieldPrices), a list its
  // page size times its selection. The limits themselves are checked before execution (src/query-limits.ts).
  complexity: {
    fieldComplexity: (args, ctx, field) => {
      const parentType = (field.extensions as { pothosConfig?: { parentType?: string } }).pothosConfig?.parentType ?? "";
      // ctx is what the limits priced the operation with (PricingContext), not a resolver's context
      const price = fieldPrice(parentType, field.name, args, ctx as PricingContext);
      if (field.args.some((arg) => arg.name === "first")) return { field: price, multiplier: ((args.first ?? args.last) as number | null) ?? pageSize.default };
      if (field.args.some((arg) => arg.name === "limit")) return { field: price, multiplier: (args.limit as number | null) ?? LIST_COST };
      if (field.name === "nodes") return { field: price, multiplier: Array.isArray(args.ids) ? args.ids.length : LIST_COST };
      // a connection's edges are already counted by its page size
      if (isListType(getNullableType(field.type))) return { field: price, multiplier: field.name === "edges" ? 1 : LIST_COST };
      return price;
    },
  },
  validation: {
    validationError: ({ issues }) =>
      new GraphQLError(
        issues.map((issue) => `${issue.path?.map((p) => (typeof p === "object" ? p.key : p)).join(".") || "input"}: ${issue.message}`).join("; "),
        { extensions: { code: "BAD_USER_INPUT" } },
      ),
  },
});

// Written as text here, once: a Date left in the result is turned into text by the final JSON.stringify,
// which calls its toJSON row by row; text from the database (toISOString's form) passes as it is.
builder.addScalarType("DateTime", DateTimeResolver, {
  serialize: (value) => (typeof value === "string" ? value : (DateTimeResolver.serialize(value) as Date).toISOString()),
});

/** Why a request is not the admin's, and how to become it. */
function adminRequired({ admin, authorization }: Context): GraphQLError {
  if (!admin) {
    return new GraphQLError(
      "Mutations are disabled on this server: set ADMIN_TOKEN in its environment (at least 16 characters, e.g. `openssl rand -hex 32`), " +
        "restart it, and send the token as `Authorization: Bearer <ADMIN_TOKEN>`.",
      { extensions: { code: "FORBIDDEN", http: { status: 403 } } },
    );
  }
  return new GraphQLError(
    bearerToken(authorization) ? "The bearer token is not this server's ADMIN_TOKEN." : "Mutations need the header `Authorization: Bearer <ADMIN_TOKEN>`.",
    { extensions: { code: "UNAUTHENTICATED", http: { status: 401, headers: { "WWW-Authenticate": "Bearer" } } } },
  );
}
builder.queryType({ description: "Reading the catalogue (public), and the runs that fill it" });
builder.mutationType({ description: "Starting the ingestion stages (the admin's: `Authorization: Bearer <ADMIN_TOKEN>`)" });
