import { GraphQLError } from "graphql";

/**
 * The Peloton id an argument names, for a type whose objects are Relay nodes: arguments take either
 * the node's opaque global id (its `id`) or Peloton's own (its `pelotonId`). A global id of another
 * type is refused, naming the argument (`what`), rather than looked up and not found.
 */
export function pelotonIdOf(id: string | number, typename: string, what: string): string {
  const text = String(id);
  const decoded = decodeGlobalId(text);
  if (!decoded) return text;
  if (decoded.typename !== typename) {
    throw new GraphQLError(`${what}: ${JSON.stringify(text)} is the global id of a ${decoded.typename}, where one of type ${typename} is expected`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return decoded.id;
}

/** Each of a list argument's ids as pelotonIdOf reads it. */
export const pelotonIdsOf = (ids: readonly (string | number)[], typename: string, what: string): string[] =>
  ids.map((id, index) => pelotonIdOf(id, typename, `${what}[${index}]`));

// A global id is base64 of "Typename:id" with a type name of the schema's form; Peloton's ids (32 hex
// digits) never decode to that.
const globalIdPattern = /^[A-Za-z0-9+/]+={0,2}$/;
const typenamePattern = /^[A-Z][A-Za-z0-9]*$/;

/**
 * The type name and Peloton id a global id encodes; undefined for anything that is not a global id.
 * Decoded here rather than by Pothos' decodeGlobalID, which throws for text that is not one: Peloton's
 * ids (32 hex digits) are base64 too, and the error (a stack trace made per lookup) was a twentieth of
 * the CPU of a class asked for by its Peloton id.
 */
export function decodeGlobalId(text: string): { typename: string; id: string } | undefined {
  if (!globalIdPattern.test(text)) return undefined;
  const decoded = Buffer.from(text, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  const [typename, id] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
  return typenamePattern.test(typename) && id !== "" && Buffer.from(decoded).toString("base64") === text ? { typename, id } : undefined;
}
