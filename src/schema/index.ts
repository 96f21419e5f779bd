import { builder } from "./builder";
import "./album";
import "./artist";
import "./ingest-run";
import "./instructor";
import "./node";
import "./song";
import "./workout";
import "./workout-facets";

export const schema = builder.toSchema({ sortSchema: true });
