import { removeDir, simulatorConfig, testClient } from "../../harness/simulator";
import type { PelotonConfig } from "../../src/config";
import type { Databases } from "../../src/db";
import type { IngestDeps } from "../../src/ingest/deps";
import { silentLogger } from "../../src/log";
import { type Simulator, type SimulatorOptions, startSimulator } from "../../src/simulator";
import { openTestDatabases, type TestDatabases } from "./databases";

export interface IngestFixture {
  sim: Simulator;
  db: TestDatabases;
  /** stage dependencies wired to the databases and to the simulator, with a fresh session */
  deps(overrides?: Partial<IngestDeps>): Promise<IngestDeps>;
}

/**
 * Registers jest hooks for ingestion tests: databases on the backend under test, opened once per
 * file and emptied after each test, and a new simulator for each test.
 */
export function useIngestFixture(simulator: SimulatorOptions, peloton: Partial<PelotonConfig> = {}): IngestFixture {
  const dirs: string[] = [];
  const fixture = {
    deps: async (overrides: Partial<IngestDeps> = {}) => {
      const { client, dataDir } = await testClient(simulatorConfig(fixture.sim, peloton));
      dirs.push(dataDir);
      return { workouts: fixture.db.workouts, detailed: fixture.db.detailed, peloton: client, logger: silentLogger, ...overrides };
    },
  } as IngestFixture;
  beforeAll(async () => {
    fixture.db = await openTestDatabases();
  });
  afterAll(() => fixture.db?.dispose());
  beforeEach(async () => {
    fixture.sim = await startSimulator(simulator);
  });
  afterEach(async () => {
    await Promise.all([fixture.sim.close(), fixture.db.reset(), ...dirs.splice(0).map(removeDir)]);
  });
  return fixture;
}

/** The workouts rows that matter, in a stable order, for comparing two databases. */
export const workoutRows = (fixture: IngestFixture) =>
  fixture.db.workouts.workout.findMany({
    orderBy: { id: "asc" },
    select: { id: true, title: true, category: true, categories: true, available: true, processed: true, originalAirTime: true },
  });

/** A stored class with its instructor and its playlist in order, each song with its album and its artists in order. */
export const storedClass = (databases: Pick<Databases, "detailed">, id: string) =>
  databases.detailed.detailedWorkout.findUniqueOrThrow({
    where: { id },
    include: {
      instructor: true,
      playlist: {
        orderBy: { position: "asc" },
        include: { song: { include: { album: true, artists: { orderBy: { position: "asc" }, include: { artist: true } } } } },
      },
    },
  });
