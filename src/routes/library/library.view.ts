import type { listLibraryPage } from "../../db/queries/library.queries";
import { isoOrNull } from "../../lib/time";

type LibraryRow = Awaited<ReturnType<typeof listLibraryPage>>[number];

/** A library row as the contract shows it. */
export const toLibraryItem = (r: LibraryRow) => ({
  id: r.id,
  title: r.title,
  problem: r.problem,
  solution: r.solution,
  benefit: r.benefit,
  targetService: r.targetService,
  category: r.category,
  form: r.form,
  implementedAt: isoOrNull(r.decidedAt),
  replicationCount: r.replicationCount,
  replicatesId: r.replicatesId,
  agency: { id: r.agencyId, name: r.agencyName },
  region: r.region,
  unitName: r.unitName,
});
