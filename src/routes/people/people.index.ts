import { createRouter } from "../../lib/create-router";
import * as handlers from "./people.handlers";
import * as routes from "./people.routes";

export const peopleRoutes = createRouter().openapi(routes.searchPeople, handlers.searchPeople);
