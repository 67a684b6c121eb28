import { createRoute } from "@hono/zod-openapi";
import { json, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import { PeopleQuery, PeopleSchema } from "./people.schemas";

export const searchPeople = createRoute({
  method: "get",
  path: "/people",
  tags: ["people"],
  summary: "Active colleagues of my agency by name, for @mention completion (at most 10)",
  description:
    "Name, position, unit and mention handle only: never a NIP or an e-mail. In a comment, `@` followed by a handle (or by a colleague's 18-digit NIP) mentions them.",
  middleware: [guard("directory.read")],
  request: { query: PeopleQuery },
  responses: { 200: json(PeopleSchema, "Up to 10 colleagues, by name"), ...problems(401, 422) },
});
