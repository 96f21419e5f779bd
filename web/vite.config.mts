import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The web app (npm run build writes it to dist/web, which npm start serves at /). No plugin: Vite's own
// transform compiles the TSX (React's automatic runtime); the app needs no fast refresh to be built.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  logLevel: "warn",
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    // react-router's "use client" directives mean nothing in a bundle
    rolldownOptions: { onwarn: (warning, warn) => warning.code !== "MODULE_LEVEL_DIRECTIVE" && warn(warning) },
  },
  // `npx vite --config web/vite.config.mts` while npm start runs on 4000: the API through the same origin, as it is served
  server: { proxy: { "/graphql": "http://127.0.0.1:4000" } },
});
