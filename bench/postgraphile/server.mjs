// The query benchmark's peer: PostGraphile 5 (amber preset, simplified inflection, connection
// filter) over the benchmark's detailed database, the public schema and the functions the benchmark
// puts in postgraphile_peer (bench/peer-sql.ts). Started by bench/servers.ts as the other two sides
// are: its own process, NODE_ENV=production, a pool of 10, PORT=0; prints its URL once it listens.
// Plain JavaScript so that the catalogue's type check never needs this folder's node_modules.
import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import { createServer } from "node:http";

// PostGraphile 5 wants Node 22's Promise.withResolvers; the catalogue runs on Node 20
if (!Promise.withResolvers) {
  Promise.withResolvers = () => {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

// imported after the polyfill (static imports would run first)
const [
  { postgraphile },
  { PostGraphileAmberPreset },
  { makePgService },
  { grafserv },
  { PgSimplifyInflectionPreset },
  { PostGraphileConnectionFilterPreset },
  pg,
] = await Promise.all([
  import("postgraphile"),
  import("postgraphile/presets/amber"),
  import("postgraphile/adaptors/pg"),
  import("postgraphile/grafserv/node"),
  import("@graphile/simplify-inflection"),
  import("postgraphile-plugin-connection-filter"),
  import("pg"),
]);

const connectionString = process.env.DETAILED_DATABASE_URL;
if (!connectionString) throw new Error("Set DETAILED_DATABASE_URL to the benchmark's detailed database.");

// the size the other two sides' pools have
const pool = new pg.default.Pool({ connectionString, max: 10 });

const preset = {
  extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset, PostGraphileConnectionFilterPreset],
  pgServices: [makePgService({ pool, schemas: ["public", "postgraphile_peer"] })],
  grafserv: { graphiql: false, watch: false, maskError: (error) => error },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
if (process.env.PRINT_SCHEMA) {
  const { printSchema } = await import("postgraphile/graphql");
  await writeFile(process.env.PRINT_SCHEMA, printSchema(await pgl.getSchema()));
}
const server = createServer();
serv.addTo(server);
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1");
await once(server, "listening");
// build the schema before saying it listens, so that the first request is not the one to pay for it
await pgl.getSchema();
process.stdout.write(`PostGraphile on http://127.0.0.1:${server.address().port}/graphql\n`);
await Promise.race([once(process, "SIGTERM"), once(process, "SIGINT")]);
server.close();
server.closeAllConnections();
await pgl.release();
await pool.end();
