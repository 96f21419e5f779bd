import type { CodegenConfig } from "@graphql-codegen/cli";

// `npm run codegen` prints the Pothos schema to schema.graphql and types the operations written with
// graphql(): the tests' into test/graphql/, the web app's into web/src/graphql/; CI runs it with
// --check, which fails when any of them is stale.
const clientPreset = {
  preset: "client",
  config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: "string" } },
} as const;

const config: CodegenConfig = {
  require: ["tsx"], // the schema is a TypeScript module: load it through tsx
  schema: "src/schema/index.ts",
  generates: {
    "schema.graphql": { plugins: ["schema-ast"] },
    "test/graphql/": {
      ...clientPreset,
      documents: ["test/**/*.ts", "!test/graphql/**"],
      // persisted-documents.json (hash -> document) as front-end apps register theirs: the tests' trusted documents
      presetConfig: { fragmentMasking: false, persistedDocuments: true },
    },
    "web/src/graphql/": {
      ...clientPreset,
      documents: ["web/src/**/*.tsx", "web/src/**/*.ts", "!web/src/graphql/**"],
      // the app sends only each document's hash; the server trusts web/src/graphql/persisted-documents.json
      presetConfig: { fragmentMasking: false, persistedDocuments: { mode: "replaceDocumentWithHash" } },
    },
  },
};

export default config;
