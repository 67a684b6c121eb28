import { useState } from "preact/hooks";
import { listUnits, patchUnit, type Unit } from "../../api/admin";
import { ApiProblem } from "../../api/problem";
import { ResourceView } from "../../components/resource-view";
import { t } from "../../i18n";
import { UNITS_PATH } from "../../lib/admin-paths";
import { useResource } from "../../lib/use-resource";
import { fieldText } from "../admin/admin-access";
import { StatusLine } from "../../components/status-line";

/** Which units take part: an inactive unit is kept (its history too) but offered nowhere. */
export function UnitsSection() {
  const [units, reload, set] = useResource(listUnits, []);
  const [status, setStatus] = useState("");

  const toggle = async (unit: Unit, active: boolean, all: Unit[]) => {
    try {
      await patchUnit(unit.id, { active });
      set(all.map((u) => (u.id === unit.id ? { ...u, active } : u)));
      setStatus(
        t("agencySettings.unitSaved", {
          name: unit.name,
          state: t(active ? "agencySettings.unitOn" : "agencySettings.unitOff"),
        }),
      );
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setStatus(`${unit.name}: ${error.errors?.[0] ? fieldText(error.errors[0]) : fieldText(error)}`);
      reload();
    }
  };

  return (
    <section class="card" aria-labelledby="settings-units-title">
      <h2 id="settings-units-title">{t("agencySettings.units")}</h2>
      <p class="card-lead">{t("agencySettings.unitsLead")}</p>
      <StatusLine text={status} />
      <ResourceView resource={units} loading={t("loading.label")} onRetry={reload}>
        {(all) =>
          all.length === 0 ? (
            <p class="empty-state">{t("agencySettings.unitsEmpty")}</p>
          ) : (
            <ul class="unit-tree unit-switches">
              {all.map((u) => (
                <li key={u.id} class={`unit-depth-${Math.min(u.depth, 4)}${u.active ? "" : " is-inactive"}`}>
                  <label class="checkbox">
                    <input
                      type="checkbox"
                      checked={u.active}
                      aria-label={t("agencySettings.unitActive", { name: u.name })}
                      onChange={(e) => void toggle(u, e.currentTarget.checked, all)}
                    />
                    <span>
                      {u.name} <code>{u.code}</code>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )
        }
      </ResourceView>
      <p>
        <a class="link-alone" href={UNITS_PATH}>
          {t("agencySettings.unitsManage")}
        </a>
      </p>
    </section>
  );
}
