import { isObjectType } from "graphql";
import { builder } from "./builder";
import "./album";
import "./artist";
import "./ingest-run";
import "./instructor";
import "./node";
import "./song";
import "./workout";
import "./workout-facets";

export const schema = builder.toSchema({ sortSchema: true });

// every connection's totalCount described once: the Prisma plugin makes its own without a description
for (const type of Object.values(schema.getTypeMap())) {
  const totalCount = isObjectType(type) && type.name.endsWith("Connection") ? type.getFields().totalCount : undefined;
  if (totalCount && !totalCount.description) totalCount.description = "How many items the whole list holds (not only this page)";
}
