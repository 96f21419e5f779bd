import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, specifiedScalarTypes } from "graphql";
import { schema } from "../../src/schema";

// schema.graphql is the API's documentation (GraphiQL shows it too): every type, field, argument,
// input field and enum value the schema has, now and later, says what it is
function undescribed(): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || specifiedScalarTypes.includes(type as never)) continue;
    if (!type.description) missing.push(`type ${type.name}`);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

it("describes every type, field, argument, input field and enum value", () => {
  expect(undescribed()).toEqual([]);
});
