import { readFileSync } from "node:fs";
import path from "node:path";
import { parseResponse, type RideDetails, rideDetailsSchema } from "../../src/peloton/schemas";

/** A Peloton response from test/fixtures/peloton (invented data in the documented shapes), as raw JSON. */
export const fixtureJson = (name: string): Record<string, any> => JSON.parse(readFileSync(path.join(__dirname, "../fixtures/peloton", `${name}.json`), "utf8"));

export const rideDetails = (json: unknown): RideDetails => parseResponse(rideDetailsSchema, json, "a test fixture");
