import { readFileSync } from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";

/** The part of Prisma's DMMF datamodel that describes the database. */
export interface Datamodel {
  models: DmmfModel[];
  enums: { name: string; dbName?: string | null }[];
  indexes: DmmfIndex[];
}

export interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  default?: DmmfDefault;
  nativeType?: [name: string, args: string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

export type DmmfDefault = string | number | boolean | DmmfDefault[] | { name: string; args: unknown[] };

export interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  algorithm?: string;
  fields: { name: string; sortOrder?: "asc" | "desc"; operatorClass?: string }[];
}

/** The DMMF datamodel of a schema.prisma file, from Prisma's own schema parser; throws Prisma's validation errors. */
export function loadDatamodel(schemaPath: string): Datamodel {
  const request = JSON.stringify({ prismaSchema: [[schemaPath, readFileSync(schemaPath, "utf8")]], noColor: true });
  return (JSON.parse(get_dmmf(request)) as { datamodel: Datamodel }).datamodel;
}
