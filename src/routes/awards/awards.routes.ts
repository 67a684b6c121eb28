import { createRoute, z } from "@hono/zod-openapi";
import { json, jsonBody, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import {
  AwardCreateBody,
  AwardListQuery,
  AwardListSchema,
  AwardParams,
  AwardRevokeBody,
  AwardSchema,
  CertificateParams,
  CodeParams,
  HallOfFameSchema,
  SlugParams,
  VerificationSchema,
} from "./awards.schemas";

const tags = ["awards"];

export const announce = createRoute({
  method: "post",
  path: "/awards",
  tags,
  summary: "Announce an award (leader): recipients, linked ideas, bonus points, a certificate each",
  description: [
    "One batch writes the award, a recipient row with a fresh certificate code per person and unit, the linked ideas,",
    "the bonus points of each person recipient (once per award and person, however often named) and an audit row.",
    "Units earn no points. 409 `award.already_announced` when the agency already announced an award of this title",
    "for this period (so a retried request announces and pays nothing twice). 422 for people, units or ideas that",
    "are not of the agency (`award.recipient_unknown`, `award.recipient_inactive`, `award.unit_unknown`,",
    "`award.idea_unknown`), `award.self_award`, or no recipient (`award.no_recipient`).",
  ].join(" "),
  middleware: [guard("award.announce")],
  request: { body: jsonBody(AwardCreateBody) },
  responses: { 201: json(AwardSchema, "The announced award"), ...problems(401, 403, 409, 422) },
});

export const list = createRoute({
  method: "get",
  path: "/awards",
  tags,
  summary: "The agency's awards, newest first",
  middleware: [guard()],
  request: { query: AwardListQuery },
  responses: { 200: json(AwardListSchema, "A page of awards"), ...problems(400, 401, 403, 422) },
});

export const get = createRoute({
  method: "get",
  path: "/awards/{id}",
  tags,
  summary: "An award of the agency",
  middleware: [guard()],
  request: { params: AwardParams },
  responses: { 200: json(AwardSchema, "The award"), ...problems(401, 403, 404, 422) },
});

export const revoke = createRoute({
  method: "post",
  path: "/awards/{id}/revoke",
  tags,
  summary: "Revoke an award with a reason (leader)",
  description: [
    "One batch marks the award revoked, reverses the bonus it paid each person (new negative ledger rows, never deletes),",
    "notifies the person recipients with the reason and writes an audit row. Its certificates then verify as revoked,",
    "no longer download, and the award leaves the public Hall of Fame. 409 `award.already_revoked` on a second revoke.",
  ].join(" "),
  middleware: [guard("award.announce")],
  request: { params: AwardParams, body: jsonBody(AwardRevokeBody) },
  responses: { 200: json(AwardSchema, "The revoked award"), ...problems(401, 403, 404, 409, 422) },
});

const certificateContract = {
  method: "get" as const,
  tags,
  summary: "A recipient's certificate (piagam) as a PDF: the recipient, the agency's leaders and admins",
  description:
    "409 `award.revoked` for a revoked award. A4 landscape, made in the Worker: agency, recipient (name and NIP, or the unit), award, citation, period, date, the announcing leader, and a verification code with a QR code pointing at `/verifikasi/{code}`.",
  middleware: [guard()],
  request: { params: CertificateParams },
  responses: {
    200: {
      description: "The certificate, as a download (`piagam-<code>.pdf`)",
      content: { "application/pdf": { schema: z.string().openapi({ type: "string", format: "binary" }) } },
    },
    ...problems(401, 403, 404, 409, 422),
  },
};

/** The certificate route as the OpenAPI document names it (registered for the document only). */
export const certificateDocument = createRoute({
  ...certificateContract,
  path: "/awards/{id}/certificates/{recipientId}.pdf",
});

/**
 * The same route as Hono can match it: a parameter followed by a suffix in one path segment
 * (`{recipientId}.pdf`) is not a Hono pattern, so this one matches the whole segment by a regular
 * expression and the schema strips `.pdf`. Hidden from the document, which shows the one above.
 */
export const certificate = createRoute({
  ...certificateContract,
  path: "/awards/{id}/certificates/{recipientId{[0-9]+\\.pdf}}",
  hide: true,
});

export const hallOfFame = createRoute({
  method: "get",
  path: "/hall-of-fame/{agencySlug}",
  tags,
  summary: "An agency's Hall of Fame, public when the agency enables it (no sign-in)",
  description:
    "Awards in force (a revoked one is left out), newest first, with the recipients' names, positions and units and the linked ideas' titles; never a NIP or an e-mail. 404 when the agency does not make its Hall of Fame public (its own people read `GET /awards`). Cached publicly for 5 minutes.",
  request: { params: SlugParams, query: AwardListQuery },
  responses: { 200: json(HallOfFameSchema, "A page of the Hall of Fame"), ...problems(400, 404, 422) },
});

export const verify = createRoute({
  method: "get",
  path: "/certificates/{code}",
  tags,
  summary: "Verify a certificate by its code (public, no sign-in)",
  description:
    "Says whether a certificate is genuine (`valid`: false and `revokedAt` when its award was revoked) and shows only what it certifies: the award, the recipient's name (or the unit's) and the agency. Codes are read forgivingly (any case, with or without dashes, O for 0, I or L for 1). 404 for an unknown code.",
  request: { params: CodeParams },
  responses: { 200: json(VerificationSchema, "The certificate is genuine (or was, until revoked)"), ...problems(404) },
});
