import { createRoute, z } from "@hono/zod-openapi";
import { json, jsonBody, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import {
  CodeParams,
  IssuedRecordSchema,
  MyCareerSchema,
  RecordParams,
  RecordVerificationSchema,
  ShareBody,
  ShareSchema,
  SharedRecordSchema,
} from "./career.schemas";

const tags = ["career"];

export const getMine = createRoute({
  method: "get",
  path: "/me/career-record",
  tags,
  summary: "My innovation record (rekam jejak inovasi), live, with the records I issued and my share page",
  description:
    "Year by year in the agency's time zone: the listed ideas I author or co-author with my role and their outcome, implementations with their results, reviews submitted (a count per campaign, no score), awards in force with their certificate codes, badges, and my level. Evidence for a performance appraisal (SKP) and competency mapping (docs/career-record.md).",
  middleware: [guard()],
  responses: { 200: json(MyCareerSchema, "My record"), ...problems(401, 403) },
});

export const issue = createRoute({
  method: "post",
  path: "/me/career-records",
  tags,
  summary: "Issue my record as it stands today, with a public verification code",
  description:
    "Freezes the record and gives it a `GGR-` code that verifies on the same public page as certificates. 409 `career_record.too_many` after 20 records in 24 hours.",
  middleware: [guard()],
  responses: { 201: json(IssuedRecordSchema, "The issued record"), ...problems(401, 403, 409) },
});

export const pdf = createRoute({
  method: "get",
  path: "/me/career-records/{id}/pdf",
  tags,
  summary: "An issued record of mine as a PDF",
  description:
    "A4, with the verification code and a QR code of its public page. Only its person reads it (404 for anyone else's). 409 `career_record.revoked` when revoked.",
  middleware: [guard()],
  request: { params: RecordParams },
  responses: {
    200: {
      description: "The PDF",
      content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...problems(401, 403, 404, 409, 422),
  },
});

export const revoke = createRoute({
  method: "post",
  path: "/me/career-records/{id}/revoke",
  tags,
  summary: "Revoke an issued record of mine: its code then verifies as revoked",
  middleware: [guard()],
  request: { params: RecordParams },
  responses: {
    200: json(IssuedRecordSchema, "The record, revoked"),
    ...problems(401, 403, 404, 409, 422),
  },
});

export const share = createRoute({
  method: "put",
  path: "/me/career-share",
  tags,
  summary: "Turn my public share page on or off",
  description:
    "Off by default. Turning it on makes a new unguessable code (an old link stops working); turning it off deletes the code. The page shows the live record without the NIP.",
  middleware: [guard()],
  request: { body: jsonBody(ShareBody) },
  responses: { 200: json(ShareSchema, "Whether it is shared, and under which code"), ...problems(400, 401, 403, 422) },
});

export const verify = createRoute({
  method: "get",
  path: "/career-records/{code}",
  tags,
  summary: "Verify an innovation record by its code (public, no sign-in)",
  description:
    "Whose record it is, the day it speaks for and what it counts; `valid`: false once its person revoked it. Codes are read forgivingly like certificate codes. 404 for an unknown code.",
  request: { params: CodeParams },
  responses: { 200: json(RecordVerificationSchema, "The record was issued"), ...problems(404) },
});

export const shared = createRoute({
  method: "get",
  path: "/shared-records/{code}",
  tags,
  summary: "A person's shared innovation record (public, no sign-in)",
  description: "The live record of the person who shares it under this code, without the NIP; 404 when sharing is off.",
  request: { params: CodeParams },
  responses: { 200: json(SharedRecordSchema, "The shared record"), ...problems(404) },
});
