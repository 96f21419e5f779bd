import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import { DateTimeResolver } from "graphql-scalars";
import type PrismaTypes from "../db/generated/detailed-pothos/types";
import { getDatamodel } from "../db/generated/detailed-pothos/types";
import type { Context } from "./context";

// The one builder: it only configures. Types and their root fields live one file per type beside it.
export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: { list: false; items: false };
  DefaultNodeNullability: false;
  Scalars: { DateTime: { Input: Date; Output: Date } };
}>({
  plugins: [RelayPlugin, PrismaPlugin],
  defaultFieldNullability: false,
  relay: { clientMutationId: "omit", cursorType: "String", edgesFieldOptions: { nullable: { list: false, items: false } }, nodeFieldOptions: { nullable: false } },
  prisma: {
    client: (ctx) => ctx.detailed,
    dmmf: getDatamodel(),
    maxConnectionSize: 100,
    defaultConnectionSize: 20,
    filterConnectionTotalCount: true,
  },
});

builder.addScalarType("DateTime", DateTimeResolver);
builder.queryType({});
