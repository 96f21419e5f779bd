import { resolveNodes } from "@pothos/plugin-relay";
import { GraphQLError, type GraphQLResolveInfo, isInterfaceType } from "graphql";
import { z } from "zod";
import { builder, pageSize } from "./builder";
import type { Context } from "./context";
import { decodeGlobalId } from "./node-ids";

// Relay's node(id) and nodes(ids), written here rather than taken from the relay plugin: its own answer
// an internal error for a global id of a type that is no node (or of none), and refuse the whole
// operation for one id that is not a global id at all.

const Node = builder.nodeInterfaceRef();

builder.queryFields((t) => ({
  node: t.field({
    type: Node,
    nullable: true,
    description: "The object of this global id (any type's `id`); null when there is none",
    args: { id: t.arg.id({ required: true, description: "an object's `id` (Peloton's ids go to workout(id), song(id)...)" }) },
    resolve: async (_root, { id }, context, info) => {
      const [node] = await nodesOf([id], "id", context, info);
      if (node instanceof Error) throw node;
      return node;
    },
  }),
  nodes: t.field({
    type: [Node],
    nullable: { list: false, items: true },
    description: "The objects of these global ids, in their order: null for an id naming none, an error at its place for one that is no global id",
    args: {
      ids: t.arg.idList({
        required: true,
        description: `objects' \`id\`s, at most ${pageSize.max}`,
        validate: z.array(z.unknown()).max(pageSize.max, `at most ${pageSize.max} ids`),
      }),
    },
    // a type's nodes are looked up together: Prisma batches one tick's lookups of a model into one statement
    resolve: (_root, { ids }, context, info) => nodesOf(ids, "ids", context, info),
  }),
}));

/** Each id's node, null, or the error that says why it is not a global id. */
async function nodesOf(ids: readonly (string | number)[], what: string, context: Context, info: GraphQLResolveInfo): Promise<unknown[]> {
  const nodeType = info.schema.getType(Node.name);
  const nodeTypes = new Set(isInterfaceType(nodeType) ? info.schema.getPossibleTypes(nodeType).map((type) => type.name) : []);
  const decoded = ids.map((id) => decodeGlobalId(String(id)));
  const found = await resolveNodes(
    builder,
    context,
    info,
    // a type that is no node (or none of the schema's) has no object of that id
    decoded.map((global) => (global && nodeTypes.has(global.typename) ? global : null)),
  );
  return ids.map((id, index) =>
    decoded[index]
      ? found[index]
      : new GraphQLError(`${what === "ids" ? `ids[${index}]` : what}: ${JSON.stringify(String(id))} is not a global id (an object's \`id\`)`, {
          extensions: { code: "BAD_USER_INPUT" },
        }),
  );
}
