import { createRouter } from "../../lib/create-router";
import * as handlers from "./library.handlers";
import * as routes from "./library.routes";

/** The shared innovation library; `/library/choices` before `/library/{id}`: the first match answers. */
export const libraryRoutes = createRouter()
  .openapi(routes.list, handlers.list)
  .openapi(routes.choices, handlers.choices)
  .openapi(routes.get, handlers.get);
