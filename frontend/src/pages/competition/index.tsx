import { useRoute } from "preact-iso";
import { getCompetition, listGuestReviewers } from "../../api/competitions";
import { getCommittee } from "../../api/reviews";
import { ResourceView } from "../../components/resource-view";
import { t } from "../../i18n";
import { useResource } from "../../lib/use-resource";
import { AdminPage } from "../admin/admin-access";
import { EntryForm } from "./entry-form";
import { GuestReviewers } from "./guests";
import { LayoutForm, type Candidate } from "./layout-form";
import { RoundResults } from "./round-results";
import "../../styles/ideas.css";
import "../../styles/admin.css";
import "../../styles/reviews.css";

/** Everything the page shows: the competition, and who may sit on a panel (the committee's reviewers and the guests). */
async function load(campaignId: number, signal: AbortSignal) {
  const [competition, committee, guests] = await Promise.all([
    getCompetition(campaignId, signal),
    getCommittee(campaignId, signal),
    listGuestReviewers(signal),
  ]);
  const candidates: Candidate[] = [
    ...committee.members.map((m) => ({ id: m.userId, name: m.name, guest: false })),
    ...guests.map((g) => ({ id: g.id, name: `${g.name} · ${g.institution}`, guest: true })),
  ];
  return { competition, candidates, guests };
}

function CompetitionView({ campaignId }: { campaignId: number }) {
  const [data, reload, set] = useResource((signal) => load(campaignId, signal), [campaignId]);
  return (
    <ResourceView resource={data} loading={t("competitions.loading")} onRetry={reload}>
      {({ competition, candidates, guests }) => (
        <div class="admin-stack">
          <LayoutForm
            key={`${competition.configured}-${competition.started}`}
            competition={competition}
            candidates={candidates}
            onSaved={(saved) => {
              set({ competition: saved, candidates, guests });
              reload();
            }}
          />
          <GuestReviewers guests={guests} onInvited={reload} />
          {competition.configured && <EntryForm competition={competition} onEntered={reload} />}
          {competition.rounds.length > 0 && <RoundResults competition={competition} onChanged={reload} />}
        </div>
      )}
    </ResourceView>
  );
}

/** `/admin/kampanye/:id/babak`: a competition's rounds, gates, entries, external reviewers and rankings (admin). */
export default function CompetitionPage() {
  const { params } = useRoute();
  return (
    <AdminPage ability="manageCompetitions" title="competitions.title" lead={t("competitions.lead")}>
      <CompetitionView campaignId={Number(params.id)} />
    </AdminPage>
  );
}
