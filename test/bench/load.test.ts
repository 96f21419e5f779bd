// The benchmark's load: every side of an item must be measured on the same requests, whole passes over
// the item's parameter sets, or a slower side is measured on the costlier sets its speed reached.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { load, type Target, wholePasses } from "../../bench/queries";

async function recordingServer() {
  const bodies: string[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      bodies.push(body);
      // an answer's time varies with its set, as the mix's do
      setTimeout(() => response.setHeader("content-type", "application/json").end('{"data":{}}'), Number(JSON.parse(body).set) % 3);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { bodies, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

const target = (sets: number): Target => ({ path: "/", sets, body: (i) => JSON.stringify({ set: i % sets }) });

describe("the benchmark's load", () => {
  it("sends whole passes over the parameter sets, each set equally often", async () => {
    const server = await recordingServer();
    try {
      const sample = await load({ origin: server.origin, cpuMs: () => null }, target(7), 4, { requests: wholePasses(7, 21, 1, 4) });
      expect(sample.latencies).toHaveLength(21);
      const perSet = new Map<number, number>();
      for (const body of server.bodies) perSet.set(JSON.parse(body).set, (perSet.get(JSON.parse(body).set) ?? 0) + 1);
      expect([...perSet.entries()].sort(([a], [b]) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6].map((set) => [set, 3]));
    } finally {
      server.close();
    }
  });

  it("fits as many passes as the slowest side's rate allows, at least one and one request a client", () => {
    expect(wholePasses(200, 66, 0.8, 20)).toBe(200);
    expect(wholePasses(200, 880, 0.8, 20)).toBe(800);
    expect(wholePasses(200, 0, 0.8, 20)).toBe(200);
    expect(wholePasses(5, 0, 1, 20)).toBe(20);
    // autocannon would run for its default time instead of a count
    expect(() => wholePasses(0, 100, 1, 20)).toThrow("at least one parameter set");
  });
});
