import { useState } from "preact/hooks";
import { patchUser } from "../../api/admin";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { searchCandidates, type Candidate } from "../../api/reviews";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { formatNumber } from "../../lib/format";
import { useDebounced } from "../../lib/use-debounced";
import { useResource, type Resource } from "../../lib/use-resource";
import { ConflictNotes } from "./conflict-notes";

type Found =
  | { kind: "idle" }
  | { kind: "searching" }
  | { kind: "found"; q: string; items: Candidate[] }
  | { kind: "failed"; problem: ApiProblem };

const DELAY_MS = 250;

function statusOf(found: Found): string {
  switch (found.kind) {
    case "searching":
      return t("committeeEditor.searching");
    case "found":
      return found.items.length === 0
        ? t("committeeEditor.noneFound", { q: found.q })
        : t("committeeEditor.found", { count: formatNumber(found.items.length) });
    default:
      return "";
  }
}

/** What the list says: nothing under two letters, and otherwise the search as the hook has it. */
function foundOf(settled: string, search: Resource<{ q: string; items: Candidate[] } | null>): Found {
  if (settled.length < 2) return { kind: "idle" };
  if (search.kind === "loading") return { kind: "searching" };
  if (search.kind === "problem") return { kind: "failed", problem: search.problem };
  return search.value ? { kind: "found", ...search.value } : { kind: "idle" };
}

type Props = {
  campaignId: number;
  excludeSameUnit: boolean;
  /** ids already on the draft committee: offered as "already seated" */
  seated: ReadonlySet<number>;
  onAdd: (candidate: Candidate, role: "chair" | "reviewer") => void;
};

/**
 * Finds people by name or NIP, with unit, position and conflicts, to seat as chair or reviewer.
 * Someone without the `reviewer` role is offered the role first, in so many words: granting it is
 * a change to their account (audited), so the admin does it knowingly, one person at a time.
 */
export function CommitteeSearch({ campaignId, excludeSameUnit, seated, onAdd }: Props) {
  const [q, setQ] = useState("");
  const [granting, setGranting] = useState<number | null>(null);
  const [grantProblem, setGrantProblem] = useState<ApiProblem | null>(null);
  const settled = useDebounced(q.trim(), DELAY_MS);
  const [search, , setSearch] = useResource(
    async (signal) =>
      settled.length < 2 ? null : { q: settled, items: await searchCandidates(campaignId, settled, signal) },
    [campaignId, settled],
  );
  const found = foundOf(settled, search);

  async function grantAndAdd(candidate: Candidate) {
    if (granting !== null) return;
    setGranting(candidate.id);
    setGrantProblem(null);
    try {
      // a committee candidate is a colleague, never a guest (who holds no other role)
      const held = candidate.roles.filter((r): r is Exclude<typeof r, "guest"> => r !== "guest");
      await patchUser(candidate.id, { roles: [...held, "reviewer"] });
      const updated = { ...candidate, roles: [...held, "reviewer" as const], isReviewer: true };
      if (found.kind === "found")
        setSearch({ q: found.q, items: found.items.map((c) => (c.id === candidate.id ? updated : c)) });
      onAdd(updated, "reviewer");
    } catch (error) {
      setGrantProblem(toApiProblem(error));
    } finally {
      setGranting(null);
    }
  }

  return (
    <div class="committee-search">
      <div class="field">
        <label for="committee-search">{t("committeeEditor.searchLabel")}</label>
        <p id="committee-search-hint" class="field-hint">
          {t("committeeEditor.searchHint")}
        </p>
        <input
          id="committee-search"
          type="search"
          autoComplete="off"
          aria-describedby="committee-search-hint committee-search-status"
          value={q}
          onInput={(event) => setQ(event.currentTarget.value)}
        />
      </div>
      <p id="committee-search-status" class="committee-search-status" role="status" aria-live="polite">
        {statusOf(found)}
      </p>
      {found.kind === "failed" && <ProblemMessage problem={found.problem} />}
      {grantProblem && <ProblemMessage problem={grantProblem} />}
      {found.kind === "found" && found.items.length > 0 && (
        <ul class="candidate-list" aria-label={t("committeeEditor.resultsLabel")}>
          {found.items.map((c) => (
            <li key={c.id} class="candidate">
              <p class="member-name">{c.name}</p>
              <p class="member-unit">
                {t("committeeEditor.nip", { nip: c.nip })} · {c.position || "—"} · {c.unit.name}
              </p>
              <ConflictNotes conflicts={c.conflicts} excludeSameUnit={excludeSameUnit} />
              {seated.has(c.id) ? (
                <p class="muted">{t("committeeEditor.alreadySeated")}</p>
              ) : c.isReviewer ? (
                <div class="candidate-actions">
                  <button
                    type="button"
                    class="button button-secondary button-small"
                    aria-label={t("committeeEditor.addReviewerLabel", { name: c.name })}
                    onClick={() => onAdd(c, "reviewer")}
                  >
                    {t("committeeEditor.addReviewer")}
                  </button>
                  <button
                    type="button"
                    class="button button-secondary button-small"
                    aria-label={t("committeeEditor.addChairLabel", { name: c.name })}
                    onClick={() => onAdd(c, "chair")}
                  >
                    {t("committeeEditor.addChair")}
                  </button>
                </div>
              ) : (
                <div class="candidate-actions">
                  <p class="field-hint">{t("committeeEditor.noRoleHint")}</p>
                  <button
                    type="button"
                    class="button button-secondary button-small"
                    aria-label={t("committeeEditor.grantLabel", { name: c.name })}
                    aria-disabled={granting !== null ? "true" : undefined}
                    onClick={() => void grantAndAdd(c)}
                  >
                    {granting === c.id ? t("committeeEditor.granting") : t("committeeEditor.grant")}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
