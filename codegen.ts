import type { CodegenConfig } from "@graphql-codegen/cli";

// `npm run codegen` prints the Pothos schema to schema.graphql and types the operations the tests write
// with graphql() into test/graphql/; CI runs it with --check, which fails when either is stale.
const config: CodegenConfig = {
  require: ["tsx"], // the schema is a TypeScript module: load it through tsx
  schema: "src/schema/index.ts",
  documents: ["test/**/*.ts", "!test/graphql/**"],
  generates: {
    "schema.graphql": { plugins: ["schema-ast"] },
    "test/graphql/": {
      preset: "client",
      // persisted-documents.json (hash -> document) as front-end apps register theirs: the tests' trusted documents
      presetConfig: { fragmentMasking: false, persistedDocuments: true },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: "string" } },
    },
  },
};

export default config;
