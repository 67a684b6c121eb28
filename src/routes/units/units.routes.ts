import { createRoute } from "@hono/zod-openapi";
import { IdParams, json, jsonBody, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import { CreateUnitBody, UnitListSchema, UnitSchema, UpdateUnitBody } from "./units.schemas";

const tags = ["units"];

export const listUnits = createRoute({
  method: "get",
  path: "/units",
  tags,
  summary: "My agency's unit tree as a flat list",
  description:
    "Depth-first, siblings by name, each with `parentId` and `depth`. Admins also see deactivated units. Not paginated: an agency has tens to hundreds of units and a tree needs all of them.",
  middleware: [guard("directory.read")],
  responses: { 200: json(UnitListSchema, "The units"), ...problems(401) },
});

export const createUnit = createRoute({
  method: "post",
  path: "/units",
  tags,
  summary: "Create a unit (admin)",
  description:
    "409 `unit.code_taken` for a code the agency uses. A `parentId` that is not an active unit of this agency is a 422 on `json.parentId` (`unit.not_found`, `unit.inactive`).",
  middleware: [guard("unit.manage")],
  request: { body: jsonBody(CreateUnitBody) },
  responses: { 201: json(UnitSchema, "Created"), ...problems(401, 403, 409, 422) },
});

export const updateUnit = createRoute({
  method: "patch",
  path: "/units/{id}",
  tags,
  summary: "Rename, recode, move or (de)activate a unit (admin)",
  description:
    "A move under itself or one of its sub-units is a 422 `unit.cycle`. Deactivating is refused with 409 `unit.in_use` while the unit has active members or sub-units. 409 `unit.code_taken` for a code in use.",
  middleware: [guard("unit.manage")],
  request: { params: IdParams, body: jsonBody(UpdateUnitBody) },
  responses: { 200: json(UnitSchema, "The unit as it is now"), ...problems(401, 403, 404, 409, 422) },
});
