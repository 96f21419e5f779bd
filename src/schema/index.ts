import { builder } from "./builder";
import "./artist";
import "./ingest-run";
import "./instructor";
import "./song";
import "./workout";
import "./workout-facets";

export const schema = builder.toSchema({ sortSchema: true });
