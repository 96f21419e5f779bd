// npm run details: stage 2, each synced class's details and playlist into the detailed database.
import { processDetailsStage } from "../ingest/process-details";
import { runStageCommand } from "./stage-command";

runStageCommand(processDetailsStage);
