import { eq } from "drizzle-orm";
import { complaints, problems } from "../../src/db/schema";
import { testDb } from "../fixtures/db";
import { insertIdea, openCampaign } from "../fixtures/ideas";
import { insertProblem } from "../fixtures/tenant-rows";
import { statuses, type MatrixEntry, type MatrixFixtures } from "./matrix-entry";

/**
 * The problem bank: everyone of the agency reads it; its admin imports complaints, writes, merges and
 * splits problems; a leader (or the admin) opens a campaign from one; an idea's team links it.
 */
const everyone = statuses({ anonymous: 401, otherAdmin: 404, guest_reviewer: 403 }, 200);
const ownAdmin = (ok: number) => statuses({ anonymous: 401, admin: ok, otherAdmin: 404 }, 403);

const problemOf = async (fx: MatrixFixtures) => (await insertProblem(fx.agency)).id;

/** A problem with two complaints, one of which a split can take away. */
async function problemWithComplaints(fx: MatrixFixtures) {
  const id = await problemOf(fx);
  const ids: number[] = [];
  for (const text of ["Antrean KTP lama", "Antrean KK lama"]) {
    const row = await testDb
      .insert(complaints)
      .values({
        agencyId: fx.agency.id,
        problemId: id,
        externalId: crypto.randomUUID(),
        receivedAt: Date.now(),
        text,
        importedAt: Date.now(),
      })
      .returning({ id: complaints.id })
      .get();
    ids.push(row.id);
  }
  await testDb.update(problems).set({ complaintCount: 2 }).where(eq(problems.id, id));
  return { id, complaintIds: ids };
}

function complaintsCsv(): FormData {
  const form = new FormData();
  const csv = `id_laporan,tanggal,saluran,kategori,isi\r\n${crypto.randomUUID()},2026-03-02,SP4N-LAPOR!,Jalan,Jalan berlubang di depan sekolah\r\n`;
  form.append("file", new File([csv], "keluhan.csv", { type: "text/csv" }));
  return form;
}

const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

export const matrix: MatrixEntry[] = [
  {
    route: "GET /api/v1/problems",
    request: () => ({ path: "/api/v1/problems?q=antrean" }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
  {
    route: "POST /api/v1/problems",
    request: () => ({ path: "/api/v1/problems", body: { title: "Perizinan usaha terlalu lama" } }),
    expect: statuses({ anonymous: 401, admin: 201, otherAdmin: 201 }, 403),
  },
  {
    route: "GET /api/v1/problems/summary",
    request: () => ({ path: "/api/v1/problems/summary" }),
    expect: statuses({ anonymous: 401, leader: 200, admin: 200, otherAdmin: 200 }, 403),
  },
  {
    route: "POST /api/v1/problems/import",
    request: () => ({ path: "/api/v1/problems/import", form: complaintsCsv() }),
    expect: statuses({ anonymous: 401, admin: 200, otherAdmin: 200 }, 403),
  },
  {
    route: "GET /api/v1/problems/{id}",
    request: async (fx) => ({ path: `/api/v1/problems/${await problemOf(fx)}` }),
    expect: everyone,
  },
  {
    route: "PATCH /api/v1/problems/{id}",
    request: async (fx) => ({ path: `/api/v1/problems/${await problemOf(fx)}`, body: { title: "Antrean KTP" } }),
    expect: ownAdmin(200),
  },
  {
    route: "POST /api/v1/problems/{id}/merge",
    request: async (fx) => ({
      path: `/api/v1/problems/${await problemOf(fx)}/merge`,
      body: { intoId: await problemOf(fx) },
    }),
    expect: ownAdmin(200),
  },
  {
    route: "POST /api/v1/problems/{id}/split",
    request: async (fx) => {
      const { id, complaintIds } = await problemWithComplaints(fx);
      return { path: `/api/v1/problems/${id}/split`, body: { complaintIds: [complaintIds[1]], title: "Antrean KK" } };
    },
    expect: ownAdmin(201),
  },
  {
    route: "POST /api/v1/problems/{id}/campaigns",
    request: async (fx) => ({
      path: `/api/v1/problems/${await problemOf(fx)}/campaigns`,
      body: {
        title: "Tantangan antrean",
        submissionStart: at(1),
        submissionEnd: at(20),
        votingStart: at(5),
        votingEnd: at(30),
        reviewStart: at(30),
        reviewEnd: at(45),
        announcementAt: at(50),
      },
    }),
    expect: statuses({ anonymous: 401, leader: 201, admin: 201, otherAdmin: 404 }, 403),
  },
  {
    route: "GET /api/v1/ideas/{id}/problems",
    request: async (fx) => ({
      path: `/api/v1/ideas/${(await insertIdea(await openCampaign(fx.agency), fx.asn.user)).id}/problems`,
    }),
    expect: everyone,
  },
  {
    route: "PUT /api/v1/ideas/{id}/problems",
    // the ASN's own idea: its team links it, the admin may too
    request: async (fx) => ({
      path: `/api/v1/ideas/${(await insertIdea(await openCampaign(fx.agency), fx.asn.user)).id}/problems`,
      body: { problemIds: [await problemOf(fx)] },
    }),
    expect: statuses({ anonymous: 401, asn: 200, admin: 200, otherAdmin: 404 }, 403),
  },
];
