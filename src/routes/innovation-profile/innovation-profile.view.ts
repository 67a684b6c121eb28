/** Shaping the profile and its evidence for the API, the dossier PDF and the ZIP. */
import type { Database } from "../../db/client";
import {
  getProfile,
  listEvidence,
  type EvidenceRow,
  type ProfileRow,
} from "../../db/queries/innovation-profile.queries";
import {
  mayEditProfile,
  PROFILE_STATUSES,
  type BudgetSource,
  type Indicator,
  type InnovationForm,
  type InnovationStage,
  type InnovationType,
  type Urusan,
} from "../../domain/innovation-profile";
import type { IdeaStatus } from "../../domain/idea-status";
import { iso, isoOrNull } from "../../lib/time";
import type { LoadedIdea } from "../ideas/ideas.view";

export type Profile = {
  stage: InnovationStage;
  trialDate: string | null;
  implementationDate: string | null;
  type: InnovationType;
  form: InnovationForm;
  urusan: Urusan;
  sdgs: number[];
  objectives: string;
  targetGroups: string;
  budgetAmount: number | null;
  budgetSource: BudgetSource | null;
  legalBasisNumber: string | null;
  legalBasisDate: string | null;
  videoUrl: string | null;
  indicators: Indicator[];
  updatedAt: string;
};

export function toProfile(row: ProfileRow): Profile {
  return {
    stage: row.stage,
    trialDate: row.trialDate,
    implementationDate: row.implementationDate,
    type: row.innovationType,
    form: row.form,
    urusan: row.urusan as Urusan,
    sdgs: JSON.parse(row.sdgs) as number[],
    objectives: row.objectives,
    targetGroups: row.targetGroups,
    budgetAmount: row.budgetAmount,
    budgetSource: row.budgetSource,
    legalBasisNumber: row.legalBasisNumber,
    legalBasisDate: row.legalBasisDate,
    videoUrl: row.videoUrl,
    indicators: JSON.parse(row.indicators) as Indicator[],
    updatedAt: iso(row.updatedAt),
  };
}

export type Evidence = ReturnType<typeof toEvidence>;

export function toEvidence(row: EvidenceRow) {
  return {
    id: row.id,
    kind: row.kind,
    indicatorKey: row.indicatorKey,
    title: row.title,
    url: row.url,
    file:
      row.r2Key === null
        ? null
        : { fileName: row.fileName ?? "", contentType: row.contentType ?? "", size: row.size ?? 0 },
    createdAt: iso(row.createdAt),
  };
}

export const hasProfileStatus = (status: IdeaStatus) => (PROFILE_STATUSES as readonly IdeaStatus[]).includes(status);

/** The profile, its evidence rows and what the viewer may do with them, read together. */
export async function loadProfile(db: Database, loaded: LoadedIdea) {
  const key = { agencyId: loaded.idea.agencyId, ideaId: loaded.idea.id };
  const [row, evidence] = await Promise.all([getProfile(db, key), listEvidence(db, key)]);
  return { row, evidence };
}

export function toProfileView(loaded: LoadedIdea, row: ProfileRow | undefined, evidence: EvidenceRow[]) {
  const lockedAt = row?.lockedAt ?? null;
  return {
    ideaId: loaded.idea.id,
    available: hasProfileStatus(loaded.idea.status),
    canEdit: mayEditProfile({ status: loaded.idea.status, capacities: loaded.capacities, lockedAt }),
    lockedAt: isoOrNull(lockedAt),
    profile: row ? toProfile(row) : null,
    evidence: evidence.map(toEvidence),
  };
}
