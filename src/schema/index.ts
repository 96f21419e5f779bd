import { builder } from "./builder";
import "./instructor";
import "./song";
import "./workout";

export const schema = builder.toSchema({ sortSchema: true });
