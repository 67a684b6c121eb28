import { useRoute } from "preact-iso";
import type { Me } from "../../api/auth";
import { getProblem, openProblemCampaign, type Problem } from "../../api/problems";
import { RequireSignIn } from "../../components/require-sign-in";
import { ResourceView } from "../../components/resource-view";
import { t } from "../../i18n";
import { idOf } from "../../lib/idea-paths";
import { problemPath } from "../../lib/problem-paths";
import { usePageTitle } from "../../lib/use-page-title";
import { useResource } from "../../lib/use-resource";
import { CampaignEditorForm } from "../campaign-editor/campaign-editor-form";
import NotFoundPage from "../not-found/index";
import "../../styles/ideas.css";
import "../../styles/reviews.css";

/** The campaign's opening text: the problem, and how many citizens raised it. */
const descriptionOf = (problem: Problem) =>
  [
    problem.description,
    t("problemCampaign.description", { count: String(problem.complaintCount), title: problem.title }),
  ]
    .filter(Boolean)
    .join("\n\n");

function Editor({ problem }: { problem: Problem }) {
  return (
    <>
      <p class="back-link">
        <a href={problemPath(problem.id)}>← {problem.title}</a>
      </p>
      <h1>{t("problemCampaign.title")}</h1>
      <p class="lead">{t("problemCampaign.lead")}</p>
      <CampaignEditorForm
        campaign={null}
        onSaved={() => undefined}
        initial={{
          title: t("problemCampaign.campaignTitle", { title: problem.title }).slice(0, 160),
          description: descriptionOf(problem),
          categories: problem.category ? [problem.category] : [],
        }}
        create={(body) => openProblemCampaign(problem.id, body)}
      />
    </>
  );
}

function Loader({ id, user }: { id: number; user: Me }) {
  const [problem, reload] = useResource((signal) => getProblem(id, signal), [id]);
  if (!user.can.openCampaignFromProblem) return <p class="notice">{t("problemCampaign.forbidden")}</p>;
  if (problem.kind === "problem" && problem.problem.status === 404) return <NotFoundPage />;
  return (
    <ResourceView resource={problem} loading={t("problem.loading")} onRetry={reload}>
      {(value) => <Editor problem={value} />}
    </ResourceView>
  );
}

/** `/masalah/:id/kampanye`: a leader opens a competition from a problem, the editor filled in from it. */
export default function ProblemCampaignPage() {
  usePageTitle("problemCampaign.title");
  const { params } = useRoute();
  const id = idOf(params.id);
  if (id === null) return <NotFoundPage />;
  return (
    <div>
      <RequireSignIn>{(user) => <Loader id={id} user={user} />}</RequireSignIn>
    </div>
  );
}
