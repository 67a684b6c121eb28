import { useState } from "preact/hooks";
import {
  downloadActivationSheet,
  getActivationOverview,
  getUnitActivation,
  sendActivationEmails,
  type UnitActivation,
} from "../../api/activation";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { ProblemMessage } from "../../components/problem-message";
import { ResourceView } from "../../components/resource-view";
import { t } from "../../i18n";
import { formatDate } from "../../lib/format";
import { useResource } from "../../lib/use-resource";
import { AdminPage } from "../admin/admin-access";
import "../../styles/activation.css";

/** Decorative: the words beside it say the same. */
function Bar({ value, max }: { value: number; max: number }) {
  const share = max > 0 ? Math.min(1, value / max) : 0;
  return (
    <span class="activation-bar" aria-hidden="true">
      <span style={{ width: `${share * 100}%` }} />
    </span>
  );
}

function People({ unitId }: { unitId: number }) {
  const [people, reload] = useResource((signal) => getUnitActivation(unitId, signal), [unitId]);
  return (
    <ResourceView resource={people} loading={t("activation.loading")} onRetry={reload}>
      {(list) =>
        list.length === 0 ? (
          <p class="activation-muted">{t("activation.noPeople")}</p>
        ) : (
          <ul class="activation-people">
            {list.map((person) => (
              <li key={person.id}>
                <span>
                  {person.name} <span class="activation-muted">· {person.nip}</span>
                </span>
                <span class={person.activatedAt ? "activation-state is-active" : "activation-state"}>
                  {person.activatedAt ? t("activation.active") : t("activation.notActive")}
                  {!person.activatedAt && person.lastIssuedAt && (
                    <span class="activation-muted">
                      {" "}
                      ({t("activation.lastIssued", { date: formatDate(new Date(person.lastIssuedAt).toISOString()) })})
                    </span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )
      }
    </ResourceView>
  );
}

type Action =
  { kind: "idle" } | { kind: "working" } | { kind: "done"; text: string } | { kind: "problem"; problem: ApiProblem };

function Unit({ unit }: { unit: UnitActivation }) {
  const [open, setOpen] = useState(false);
  const [print, setPrint] = useState<Action>({ kind: "idle" });
  const printSheet = async () => {
    setPrint({ kind: "working" });
    try {
      const pdf = await downloadActivationSheet(unit.unitId);
      const url = URL.createObjectURL(pdf);
      const link = document.createElement("a");
      link.href = url;
      link.download = `aktivasi-${unit.code}.pdf`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setPrint({ kind: "done", text: t("activation.printed", { unit: unit.name }) });
    } catch (error) {
      setPrint({ kind: "problem", problem: toApiProblem(error) });
    }
  };
  const pending = unit.people - unit.activated;
  return (
    <li class="card activation-unit" data-unit={unit.code}>
      <h2>{unit.name}</h2>
      <div class="activation-unit-figures">
        <span>{t("activation.unitSummary", { activated: String(unit.activated), people: String(unit.people) })}</span>
      </div>
      <Bar value={unit.activated} max={unit.people} />
      <div class="button-row">
        {pending > 0 && (
          <button
            type="button"
            class="button button-secondary"
            onClick={printSheet}
            aria-disabled={print.kind === "working" ? "true" : undefined}
          >
            {print.kind === "working" ? t("activation.printing") : t("activation.print")}
          </button>
        )}
        {unit.people > 0 && (
          <button type="button" class="button button-secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t("activation.hidePeople") : t("activation.people")}
          </button>
        )}
      </div>
      {print.kind === "done" && (
        <p class="notice notice-ok" role="status">
          {print.text}
        </p>
      )}
      {print.kind === "problem" && <ProblemMessage problem={print.problem} />}
      {open && <People unitId={unit.unitId} />}
    </li>
  );
}

function Overview() {
  const [units, reload] = useResource(getActivationOverview, []);
  const [send, setSend] = useState<Action>({ kind: "idle" });
  const sendAll = async () => {
    setSend({ kind: "working" });
    try {
      const { queued } = await sendActivationEmails();
      setSend({
        kind: "done",
        text: queued > 0 ? t("activation.sent", { count: String(queued) }) : t("activation.sentNone"),
      });
      reload();
    } catch (error) {
      setSend({ kind: "problem", problem: toApiProblem(error) });
    }
  };
  return (
    <ResourceView resource={units} loading={t("activation.loading")} onRetry={reload}>
      {(list) => {
        if (list.length === 0) return <p class="notice">{t("activation.empty")}</p>;
        const people = list.reduce((sum, u) => sum + u.people, 0);
        const activated = list.reduce((sum, u) => sum + u.activated, 0);
        return (
          <>
            <section class="card activation-summary" aria-live="polite">
              <p>{t("activation.summary", { activated: String(activated), people: String(people) })}</p>
              <Bar value={activated} max={people} />
              <div class="button-row">
                <button
                  type="button"
                  class="button"
                  onClick={sendAll}
                  aria-disabled={send.kind === "working" ? "true" : undefined}
                >
                  {send.kind === "working" ? t("activation.sending") : t("activation.sendAll")}
                </button>
              </div>
              {send.kind === "done" && (
                <p class="notice notice-ok" role="status">
                  {send.text}
                </p>
              )}
              {send.kind === "problem" && <ProblemMessage problem={send.problem} />}
            </section>
            <ul class="activation-units">
              {list.map((unit) => (
                <Unit key={unit.unitId} unit={unit} />
              ))}
            </ul>
          </>
        );
      }}
    </ResourceView>
  );
}

/** `/admin/aktivasi`: who has activated per unit; e-mail activation links, print activation sheets. */
export default function AdminActivationPage() {
  return (
    <AdminPage ability="manageUsers" title="activation.title" lead={t("activation.lead")}>
      <Overview />
    </AdminPage>
  );
}
