import { fileOf, PNG, uploadForm } from "../fixtures/files";
import { insertAttachment } from "../fixtures/idea-team";
import { insertIdea, openCampaign } from "../fixtures/ideas";
import { statuses, type MatrixEntry, type MatrixFixtures } from "./matrix-entry";

/** A submitted idea of the agency, by its ASN: everyone of the agency sees it. */
async function submitted(fx: MatrixFixtures) {
  const idea = await insertIdea(await openCampaign(fx.agency), fx.asn.user);
  return { id: idea.id, agencyId: fx.agency.id };
}

export const matrix: MatrixEntry[] = [
  {
    route: "POST /api/v1/ideas/{id}/attachments",
    // the team attaches files; chairs and admins only add evidence once an idea is approved
    request: async (fx) => ({
      path: `/api/v1/ideas/${(await submitted(fx)).id}/attachments`,
      form: uploadForm(fileOf(PNG, "foto antrean.png")),
    }),
    expect: statuses({ anonymous: 401, asn: 201, otherAdmin: 404 }, 403),
  },
  {
    route: "GET /api/v1/ideas/{id}/attachments/{attachmentId}",
    request: async (fx) => {
      const idea = await submitted(fx);
      const file = await insertAttachment(idea, fx.asn.user);
      return { path: `/api/v1/ideas/${idea.id}/attachments/${file.id}` };
    },
    expect: statuses({ guest_reviewer: 403, anonymous: 401, otherAdmin: 404 }, 200),
  },
  {
    route: "DELETE /api/v1/ideas/{id}/attachments/{attachmentId}",
    request: async (fx) => {
      const idea = await submitted(fx);
      const file = await insertAttachment(idea, fx.asn.user);
      return { path: `/api/v1/ideas/${idea.id}/attachments/${file.id}` };
    },
    expect: statuses({ anonymous: 401, asn: 204, otherAdmin: 404 }, 403),
  },
];
