import { fileOf, PNG } from "../fixtures/files";
import { insertIdea, openCampaign } from "../fixtures/ideas";
import { insertEvidenceFile, insertProfile, PROFILE_BODY } from "../fixtures/innovation-profile";
import { statuses, type MatrixEntry, type MatrixFixtures } from "./matrix-entry";

/** An approved idea by the agency's ASN, with a saved profile: everyone of the agency sees it. */
async function approved(fx: MatrixFixtures, withProfile = true) {
  const idea = await insertIdea(await openCampaign(fx.agency), fx.asn.user, { status: "approved" });
  const ref = { id: idea.id, agencyId: fx.agency.id };
  if (withProfile) await insertProfile(ref, fx.asn.user);
  return ref;
}

/** Its team (the ASN) and the agency's admin change it; others of the agency may only look. */
const changers = (ok: number) => statuses({ anonymous: 401, asn: ok, admin: ok, otherAdmin: 404 }, 403);
const readers = statuses({ anonymous: 401, otherAdmin: 404, guest_reviewer: 403 }, 200);

function evidenceForm() {
  const form = new FormData();
  form.append("file", fileOf(PNG, "foto loket.png"));
  form.append("kind", "foto_video");
  form.append("title", "Foto loket antrean");
  return form;
}

export const matrix: MatrixEntry[] = [
  {
    route: "GET /api/v1/ideas/{id}/profile",
    request: async (fx) => ({ path: `/api/v1/ideas/${(await approved(fx)).id}/profile` }),
    expect: readers,
  },
  {
    route: "PUT /api/v1/ideas/{id}/profile",
    request: async (fx) => ({ path: `/api/v1/ideas/${(await approved(fx, false)).id}/profile`, body: PROFILE_BODY }),
    expect: changers(200),
  },
  {
    route: "POST /api/v1/ideas/{id}/evidence/links",
    request: async (fx) => ({
      path: `/api/v1/ideas/${(await approved(fx)).id}/evidence/links`,
      body: {
        kind: "liputan_media",
        title: "Berita antrean daring",
        url: "https://berita.example.id/a",
        indicatorKey: "waktu",
      },
    }),
    expect: changers(201),
  },
  {
    route: "POST /api/v1/ideas/{id}/evidence/files",
    request: async (fx) => ({ path: `/api/v1/ideas/${(await approved(fx)).id}/evidence/files`, form: evidenceForm() }),
    expect: changers(201),
  },
  {
    route: "GET /api/v1/ideas/{id}/evidence/{evidenceId}",
    request: async (fx) => {
      const idea = await approved(fx);
      const file = await insertEvidenceFile(idea, fx.asn.user);
      return { path: `/api/v1/ideas/${idea.id}/evidence/${file.id}` };
    },
    expect: readers,
  },
  {
    route: "DELETE /api/v1/ideas/{id}/evidence/{evidenceId}",
    request: async (fx) => {
      const idea = await approved(fx);
      const file = await insertEvidenceFile(idea, fx.asn.user);
      return { path: `/api/v1/ideas/${idea.id}/evidence/${file.id}` };
    },
    expect: changers(204),
  },
  {
    route: "GET /api/v1/ideas/{id}/dossier.pdf",
    request: async (fx) => ({ path: `/api/v1/ideas/${(await approved(fx)).id}/dossier.pdf` }),
    expect: readers,
  },
  {
    route: "GET /api/v1/ideas/{id}/dossier.zip",
    request: async (fx) => ({ path: `/api/v1/ideas/${(await approved(fx)).id}/dossier.zip` }),
    expect: readers,
  },
];
