// npm run sync: stage 1, Peloton's class list into the workouts database.
import { syncWorkoutsStage } from "../ingest/sync-workouts";
import { runStageCommand } from "./stage-command";

runStageCommand(syncWorkoutsStage);
