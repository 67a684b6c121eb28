import { eq } from "drizzle-orm";
import { agencies } from "../../src/db/schema";
import { createAgency } from "../fixtures/builders";
import { testDb } from "../fixtures/db";
import { PNG } from "../fixtures/files";
import { statuses, type MatrixEntry } from "./matrix-entry";

/** Every agency admin acts on their own agency: the other agency's admin passes too. */
const admins = (ok: number) => statuses({ anonymous: 401, admin: ok, otherAdmin: ok }, 403);

const emblemForm = () => {
  const form = new FormData();
  form.set("file", new File([PNG], "lambang.png", { type: "image/png" }));
  return form;
};

export const matrix: MatrixEntry[] = [
  {
    route: "PATCH /api/v1/agencies/{id}",
    // a fresh agency each time: deactivating it touches nobody's session in the matrix
    request: async () => ({ path: `/api/v1/agencies/${(await createAgency()).id}`, body: { active: false } }),
    expect: statuses({ anonymous: 401, superadmin: 200 }, 403),
  },
  { route: "GET /api/v1/agency", request: () => ({ path: "/api/v1/agency" }), expect: admins(200) },
  {
    route: "PATCH /api/v1/agency",
    request: () => ({ path: "/api/v1/agency", body: { signingPlace: "Kota Uji" } }),
    expect: admins(200),
  },
  {
    route: "PUT /api/v1/agency/emblem",
    request: () => ({ path: "/api/v1/agency/emblem", form: emblemForm() }),
    expect: admins(200),
  },
  { route: "DELETE /api/v1/agency/emblem", request: () => ({ path: "/api/v1/agency/emblem" }), expect: admins(200) },
  {
    route: "GET /api/v1/agency/search-synonyms",
    request: () => ({ path: "/api/v1/agency/search-synonyms" }),
    expect: admins(200),
  },
  {
    route: "PUT /api/v1/agency/search-synonyms",
    request: () => ({
      path: "/api/v1/agency/search-synonyms",
      body: { groups: [["Disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil"]] },
    }),
    expect: admins(200),
  },
  {
    route: "GET /api/v1/agencies/{agencySlug}/emblem",
    // an agency that never uploaded one: the same answer for everyone, signed in or not
    request: async () => ({ path: `/api/v1/agencies/${(await createAgency()).slug}/emblem` }),
    expect: statuses({}, 404),
  },

  {
    route: "GET /api/v1/public-library/{agencySlug}",
    request: async () => {
      const agency = await createAgency();
      await testDb
        .update(agencies)
        .set({ settings: JSON.stringify({ libraryPublic: true }) })
        .where(eq(agencies.id, agency.id));
      return { path: `/api/v1/public-library/${agency.slug}` };
    },
    expect: statuses({}, 200),
  },
];
