import { useState } from "preact/hooks";
import { saveCompetition, type Competition, type EntryGroup, type Gates } from "../../api/competitions";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { Field } from "../../components/form/field";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { fromLocalInput, toLocalInput } from "../../lib/datetime-local";
import { emptyRound, itemsText, KIPP_GATES, kippRounds, parseItems, type RoundDraft } from "./round-template";
import { COMPETITION_LIMITS, ENTRY_GROUPS } from "../../api/contract";

export const GROUPS: readonly EntryGroup[] = ENTRY_GROUPS;
export type Candidate = { id: number; name: string; guest: boolean };

const draftsOf = (competition: Competition): RoundDraft[] =>
  competition.rounds.map(
    ({ id: _id, position: _p, state: _s, progress: _g, ranking: _r, photos: _f, members, items, ...r }) => ({
      ...r,
      itemsText: itemsText(items, r.kind),
      memberIds: members.map((m) => m.id),
    }),
  );

function GatesFields({ gates, onChange, disabled }: { gates: Gates; onChange: (g: Gates) => void; disabled: boolean }) {
  const number = (value: string) => (value.trim() === "" ? null : Math.max(0, Math.round(Number(value))));
  return (
    <fieldset class="fieldset" disabled={disabled}>
      <legend>{t("competitions.gatesTitle")}</legend>
      {GROUPS.map((g) => (
        <div key={g} class="nested-fields">
          <p class="eyebrow">{t(`competitions.group.${g}`)}</p>
          <Field id={`gate-years-${g}`} label={t("competitions.minYears")}>
            {(c) => (
              <input
                {...c}
                type="number"
                min={COMPETITION_LIMITS.minYears[0]}
                max={COMPETITION_LIMITS.minYears[1]}
                value={gates.minYears[g]}
                onInput={(e) =>
                  onChange({ ...gates, minYears: { ...gates.minYears, [g]: number(e.currentTarget.value) ?? 0 } })
                }
              />
            )}
          </Field>
          <Field id={`gate-quota-${g}`} label={t("competitions.quota")} hint={t("competitions.quotaHint")}>
            {(c) => (
              <input
                {...c}
                type="number"
                min={COMPETITION_LIMITS.quotaPerUnit[0]}
                max={COMPETITION_LIMITS.quotaPerUnit[1]}
                value={gates.quotaPerUnit[g] ?? ""}
                onInput={(e) =>
                  onChange({ ...gates, quotaPerUnit: { ...gates.quotaPerUnit, [g]: number(e.currentTarget.value) } })
                }
              />
            )}
          </Field>
        </div>
      ))}
      <label class="checkbox">
        <input
          type="checkbox"
          checked={gates.onePerYear}
          onChange={(e) => onChange({ ...gates, onePerYear: e.currentTarget.checked })}
        />
        <span>{t("competitions.onePerYear")}</span>
      </label>
    </fieldset>
  );
}

type RoundProps = {
  n: number;
  round: RoundDraft;
  candidates: readonly Candidate[];
  onChange: (r: RoundDraft) => void;
  onRemove: () => void;
};

function RoundFields({ n, round, candidates, onChange, onRemove }: RoundProps) {
  const id = (name: string) => `round-${n}-${name}`;
  const advanceValue =
    round.advance.mode === "top" ? round.advance.n : round.advance.mode === "grade" ? round.advance.grade : "";
  /** "top" counts entries, "grade" is a score out of 100: each mode has the server's own bounds */
  const advanceBounds = round.advance.mode === "top" ? COMPETITION_LIMITS.advanceTop : COMPETITION_LIMITS.advanceGrade;
  const setAdvance = (mode: string, value: number) =>
    onChange({
      ...round,
      advance:
        mode === "top"
          ? { mode, n: Math.max(COMPETITION_LIMITS.advanceTop[0], value) }
          : mode === "grade"
            ? { mode, grade: value }
            : { mode: "all" },
    });
  return (
    <fieldset class="fieldset" aria-labelledby={id("legend")}>
      <legend id={id("legend")}>{t("competitions.roundHeading", { n })}</legend>
      <Field id={id("name")} label={t("competitions.roundName")}>
        {(c) => (
          <input
            {...c}
            value={round.name}
            maxLength={COMPETITION_LIMITS.roundName}
            onInput={(e) => onChange({ ...round, name: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field id={id("kind")} label={t("competitions.kind")}>
        {(c) => (
          <select
            {...c}
            value={round.kind}
            onChange={(e) => onChange({ ...round, kind: e.currentTarget.value as RoundDraft["kind"] })}
          >
            <option value="checklist">{t("competitions.kind.checklist")}</option>
            <option value="rubric">{t("competitions.kind.rubric")}</option>
          </select>
        )}
      </Field>
      <Field id={id("weight")} label={t("competitions.weight")}>
        {(c) => (
          <input
            {...c}
            type="number"
            min={COMPETITION_LIMITS.weight[0]}
            max={COMPETITION_LIMITS.weight[1]}
            value={round.weight}
            onInput={(e) => onChange({ ...round, weight: Number(e.currentTarget.value) || 0 })}
          />
        )}
      </Field>
      <Field id={id("advance")} label={t("competitions.advanceMode")}>
        {(c) => (
          <select
            {...c}
            value={round.advance.mode}
            onChange={(e) => setAdvance(e.currentTarget.value, Number(advanceValue) || 0)}
          >
            <option value="all">{t("competitions.advance.all")}</option>
            <option value="top">{t("competitions.advance.top")}</option>
            <option value="grade">{t("competitions.advance.grade")}</option>
          </select>
        )}
      </Field>
      {round.advance.mode !== "all" && (
        <Field id={id("advance-value")} label={t("competitions.advanceValue")}>
          {(c) => (
            <input
              {...c}
              type="number"
              min={advanceBounds[0]}
              max={advanceBounds[1]}
              value={advanceValue}
              onInput={(e) => setAdvance(round.advance.mode, Number(e.currentTarget.value) || 0)}
            />
          )}
        </Field>
      )}
      <Field id={id("items")} label={t("competitions.items")} hint={t("competitions.itemsHint")}>
        {(c) => (
          <textarea
            {...c}
            rows={4}
            value={round.itemsText}
            onInput={(e) => onChange({ ...round, itemsText: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field id={id("slot")} label={t("competitions.slotStart")} hint={t("competitions.slotHint")}>
        {(c) => (
          <input
            {...c}
            type="datetime-local"
            value={toLocalInput(round.slotStart)}
            onInput={(e) => onChange({ ...round, slotStart: fromLocalInput(e.currentTarget.value) ?? null })}
          />
        )}
      </Field>
      <Field id={id("minutes")} label={t("competitions.slotMinutes")}>
        {(c) => (
          <input
            {...c}
            type="number"
            min={COMPETITION_LIMITS.slotMinutes[0]}
            max={COMPETITION_LIMITS.slotMinutes[1]}
            value={round.slotMinutes ?? ""}
            onInput={(e) =>
              onChange({ ...round, slotMinutes: e.currentTarget.value ? Number(e.currentTarget.value) : null })
            }
          />
        )}
      </Field>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={round.blind}
          onChange={(e) => onChange({ ...round, blind: e.currentTarget.checked })}
        />
        <span>{t("competitions.blind")}</span>
      </label>
      <fieldset class="fieldset">
        <legend>{t("competitions.panel")}</legend>
        {candidates.length === 0 && <p class="field-hint">{t("competitions.panelEmpty")}</p>}
        {candidates.map((p) => (
          <label key={p.id} class="checkbox">
            <input
              type="checkbox"
              name={id(`member-${p.id}`)}
              checked={round.memberIds.includes(p.id)}
              onChange={(e) =>
                onChange({
                  ...round,
                  memberIds: e.currentTarget.checked
                    ? [...round.memberIds, p.id]
                    : round.memberIds.filter((m) => m !== p.id),
                })
              }
            />
            <span>
              {p.name} {p.guest && <span class="muted">{t("competitions.guestMark")}</span>}
            </span>
          </label>
        ))}
      </fieldset>
      <button type="button" class="button button-secondary button-small" onClick={onRemove}>
        {t("competitions.removeRound")}
      </button>
    </fieldset>
  );
}

/** The competition's gates and rounds with their panels, saved as one whole while no round has opened. */
export function LayoutForm(props: {
  competition: Competition;
  candidates: readonly Candidate[];
  onSaved: (c: Competition) => void;
}) {
  const { competition, candidates } = props;
  const [gates, setGates] = useState<Gates>(competition.configured ? competition.gates : KIPP_GATES);
  const [rounds, setRounds] = useState<RoundDraft[]>(draftsOf(competition));
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const locked = competition.started;

  async function submit(event: Event) {
    event.preventDefault();
    if (busy || locked) return;
    setBusy(true);
    setProblem(null);
    try {
      const saved = await saveCompetition(competition.campaignId, {
        gates,
        rounds: rounds.map(({ itemsText: text, ...r }) => ({ ...r, items: parseItems(r.kind, text) })),
      });
      props.onSaved(saved);
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card admin-form" onSubmit={submit} noValidate aria-labelledby="layout-title">
      <h2 id="layout-title">{t("competitions.roundsTitle")}</h2>
      {locked && <p class="notice">{t("competitions.started")}</p>}
      <GatesFields gates={gates} onChange={setGates} disabled={locked} />
      {!locked && (
        <button type="button" class="button button-secondary" onClick={() => setRounds(kippRounds())}>
          {t("competitions.useKipp")}
        </button>
      )}
      <fieldset class="fieldset" disabled={locked}>
        <legend class="visually-hidden">{t("competitions.roundsTitle")}</legend>
        {rounds.map((r, i) => (
          <RoundFields
            key={i}
            n={i + 1}
            round={r}
            candidates={candidates}
            onChange={(next) => setRounds(rounds.map((x, j) => (j === i ? next : x)))}
            onRemove={() => setRounds(rounds.filter((_, j) => j !== i))}
          />
        ))}
      </fieldset>
      {!locked && (
        <div class="button-row">
          <button
            type="button"
            class="button button-secondary"
            onClick={() => setRounds([...rounds, emptyRound(rounds.length + 1)])}
          >
            {t("competitions.addRound")}
          </button>
          <button class="button" type="submit" aria-disabled={busy ? "true" : undefined}>
            {busy ? t("competitions.saving") : t("competitions.save")}
          </button>
        </div>
      )}
      {problem && <ProblemMessage problem={problem} />}
    </form>
  );
}
