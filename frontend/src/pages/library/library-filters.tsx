import { useState } from "preact/hooks";
import { getLibraryChoices, type LibraryFilters } from "../../api/library";
import { Field } from "../../components/form/field";
import { SearchBox } from "../../components/search-box";
import { t } from "../../i18n";
import { useResource } from "../../lib/use-resource";

type Props = { filters: LibraryFilters; onChange: (next: LibraryFilters) => void };

const activeCount = (f: LibraryFilters) =>
  [f.category, f.form, f.region, f.agencyId, f.stage].filter((v) => v !== undefined && v !== "").length;

/**
 * Search and the library's filters: area (urusan), form, region, agency and stage. On a phone the
 * selects wait behind one "Filter" button; the choices come from the library itself.
 */
export function LibraryFiltersPanel({ filters, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const [read] = useResource(getLibraryChoices, []);
  const choices = read.kind === "ready" ? read.value : null;
  const set = (patch: Partial<LibraryFilters>) => onChange({ ...filters, ...patch });
  const active = activeCount(filters);
  const select = (
    id: string,
    label: string,
    value: string,
    all: string,
    options: { value: string; label: string }[],
    apply: (value: string) => void,
  ) => (
    <Field id={id} label={label}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => apply(event.currentTarget.value)}>
          <option value="">{all}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <section class="idea-filters" aria-label={t("libraryx.filters")}>
      <SearchBox
        id="library-q"
        label={t("libraryx.search")}
        hint={t("libraryx.searchHint")}
        value={filters.q ?? ""}
        onSearch={(q) => set({ q: q.trim() })}
      />
      <div class="idea-filter-actions">
        <button
          type="button"
          class="toggle-chip idea-filter-toggle"
          aria-expanded={open}
          aria-controls="library-filter-panel"
          onClick={() => setOpen(!open)}
        >
          {active > 0 ? t("ideas.filterToggleCount", { count: active }) : t("ideas.filterToggle")}
        </button>
        {(active > 0 || filters.q) && (
          <button type="button" class="link-button" onClick={() => onChange({})}>
            {t("ideas.clearFilters")}
          </button>
        )}
      </div>
      <div id="library-filter-panel" class={open ? "idea-filter-row" : "idea-filter-row is-collapsed"}>
        {select(
          "library-category",
          t("libraryx.category"),
          filters.category ?? "",
          t("libraryx.allCategories"),
          (choices?.categories ?? []).map((c) => ({ value: c, label: c })),
          (category) => set({ category }),
        )}
        {select(
          "library-form",
          t("libraryx.form"),
          filters.form ?? "",
          t("libraryx.allForms"),
          (choices?.forms ?? []).map((f) => ({ value: f, label: t(`libraryx.form.${f}`) })),
          (form) => set({ form: (form || undefined) as LibraryFilters["form"] }),
        )}
        {select(
          "library-region",
          t("libraryx.region"),
          filters.region ?? "",
          t("libraryx.allRegions"),
          (choices?.regions ?? []).map((r) => ({ value: r, label: r })),
          (region) => set({ region }),
        )}
        {select(
          "library-agency",
          t("libraryx.agency"),
          filters.agencyId ? String(filters.agencyId) : "",
          t("libraryx.allAgencies"),
          (choices?.agencies ?? []).map((a) => ({ value: String(a.id), label: a.name })),
          (agency) => set({ agencyId: Number(agency) || undefined }),
        )}
        {select(
          "library-stage",
          t("libraryx.stage"),
          filters.stage ?? "",
          t("libraryx.allStages"),
          (choices?.stages ?? []).map((s) => ({ value: s, label: t(`libraryx.stage.${s}`) })),
          (stage) => set({ stage: (stage || undefined) as LibraryFilters["stage"] }),
        )}
      </div>
    </section>
  );
}
