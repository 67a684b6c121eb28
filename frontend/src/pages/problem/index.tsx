import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import type { Me } from "../../api/auth";
import { getProblem, type Problem } from "../../api/problems";
import { RequireSignIn } from "../../components/require-sign-in";
import { ResourceView } from "../../components/resource-view";
import { StatusBadge } from "../../components/status-badge";
import { t } from "../../i18n";
import { formatDate, formatNumber } from "../../lib/format";
import { campaignPath, idOf, ideaPath } from "../../lib/idea-paths";
import { PROBLEMS_PATH, problemCampaignPath } from "../../lib/problem-paths";
import { useResource } from "../../lib/use-resource";
import { useTextTitle } from "../../lib/use-text-title";
import NotFoundPage from "../not-found/index";
import { ProblemTools } from "./problem-tools";
import "../../styles/ideas.css";
import "../../styles/problems.css";

function Complaints({
  problem,
  selectable,
  selected,
  onToggle,
}: {
  problem: Problem;
  selectable: boolean;
  selected: ReadonlySet<number>;
  onToggle: (id: number) => void;
}) {
  return (
    <section class="idea-section" aria-labelledby="problem-complaints-title">
      <h2 id="problem-complaints-title">{t("problem.complaintsTitle")}</h2>
      {problem.complaints.length === 0 ? (
        <p class="muted">{t("problem.noComplaints")}</p>
      ) : (
        <ul class="complaint-list">
          {problem.complaints.map((c) => (
            <li key={c.id} class="complaint">
              <p class="complaint-meta">
                {selectable && (
                  <input
                    type="checkbox"
                    id={`complaint-${c.id}`}
                    checked={selected.has(c.id)}
                    onChange={() => onToggle(c.id)}
                    aria-label={t("problem.selectComplaint", { id: c.externalId })}
                  />
                )}
                <time dateTime={c.receivedAt}>{formatDate(c.receivedAt)}</time>
                {c.channel && <span>{c.channel}</span>}
                <span class="tabular">{c.externalId}</span>
              </p>
              {c.title && <p class="complaint-title">{c.title}</p>}
              <p class="prewrap">{c.text}</p>
              {c.location && <p class="muted">{t("problem.location", { place: c.location })}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Answers({ problem }: { problem: Problem }) {
  return (
    <section class="idea-section" aria-labelledby="problem-ideas-title">
      <h2 id="problem-ideas-title">{t("problem.ideasTitle")}</h2>
      {problem.ideas.length === 0 ? (
        <p class="muted">{t("problem.noIdeas")}</p>
      ) : (
        <ul class="problem-links">
          {problem.ideas.map((idea) => (
            <li key={idea.id}>
              <a href={ideaPath(idea.id)}>{idea.title}</a> <StatusBadge status={idea.status} />
            </li>
          ))}
        </ul>
      )}
      <p class="field-hint">{t("problem.linkHint")}</p>
    </section>
  );
}

function ProblemView({ problem, user, onChanged }: { problem: Problem; user: Me; onChanged: (p: Problem) => void }) {
  useTextTitle(problem.title);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const admin = user.can.manageProblems;
  const canOpenCampaign = user.can.openCampaignFromProblem;
  const toggle = (id: number) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <article class="problem-page">
      <p class="back-link">
        <a href={PROBLEMS_PATH}>← {t("problem.back")}</a>
      </p>
      <p class="eyebrow">
        {problem.source === "challenge" ? t("problems.sourceChallenge") : t("problems.sourceComplaints")}
      </p>
      <h1>{problem.title}</h1>
      <p class="problem-figure">
        <strong>{formatNumber(problem.complaintCount)}</strong> {t("problems.complaints")}
      </p>
      <ul class="meta-list">
        {problem.unitName && <li>{problem.unitName}</li>}
        {problem.category && <li>{problem.category}</li>}
      </ul>
      {problem.description && <p class="prewrap">{problem.description}</p>}
      {canOpenCampaign && (
        <p>
          <a class="button" href={problemCampaignPath(problem.id)}>
            {t("problem.openCampaign")}
          </a>
        </p>
      )}
      <Answers problem={problem} />
      {problem.campaigns.length > 0 && (
        <section class="idea-section" aria-labelledby="problem-campaigns-title">
          <h2 id="problem-campaigns-title">{t("problem.campaignsTitle")}</h2>
          <ul class="problem-links">
            {problem.campaigns.map((c) => (
              <li key={c.id}>
                <a href={campaignPath(c.id)}>{c.title}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Complaints problem={problem} selectable={admin} selected={selected} onToggle={toggle} />
      {admin && (
        <ProblemTools
          problem={problem}
          selected={[...selected]}
          onChanged={(next) => {
            setSelected(new Set());
            onChanged(next);
          }}
        />
      )}
    </article>
  );
}

function ProblemLoader({ id, user }: { id: number; user: Me }) {
  const [problem, reload, set] = useResource((signal) => getProblem(id, signal), [id]);
  if (problem.kind === "problem" && problem.problem.status === 404) return <NotFoundPage />;
  return (
    <ResourceView resource={problem} loading={t("problem.loading")} onRetry={reload}>
      {(value) => <ProblemView problem={value} user={user} onChanged={set} />}
    </ResourceView>
  );
}

/** `/masalah/:id`: a problem, the complaints it stands for, the ideas that answer it. */
export default function ProblemPage() {
  const { params } = useRoute();
  const id = idOf(params.id);
  if (id === null) return <NotFoundPage />;
  return <RequireSignIn>{(user) => <ProblemLoader id={id} user={user} />}</RequireSignIn>;
}
