import { useState } from "preact/hooks";
import { Field } from "../../components/form/field";
import { t } from "../../i18n";
import { NEW_CATEGORY_ID } from "./editor-errors";
import { CAMPAIGN_LIMITS } from "../../api/contract";

type Props = { categories: string[]; onChange: (next: string[]) => void; error?: string | undefined };

/** The campaign's categories as removable chips, and an input to add one (Enter adds too). */
export function CategoriesField({ categories, onChange, error }: Props) {
  const [draft, setDraft] = useState("");
  const [duplicate, setDuplicate] = useState(false);

  const add = () => {
    const name = draft.trim().slice(0, 60);
    if (!name) return;
    if (categories.some((c) => c.toLowerCase() === name.toLowerCase())) return setDuplicate(true);
    onChange([...categories, name]);
    setDraft("");
    setDuplicate(false);
  };

  return (
    <fieldset class="fieldset">
      <legend>{t("editor.categories")}</legend>
      <p class="field-hint">{t("editor.categoriesHint")}</p>
      {categories.length > 0 && (
        <ul class="chips category-chips">
          {categories.map((name) => (
            <li key={name} class="chip chip-removable">
              {name}
              <button
                type="button"
                aria-label={t("editor.categoryRemove", { name })}
                onClick={() => onChange(categories.filter((c) => c !== name))}
              >
                <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
                  <path d="M3.5 3.5l7 7M10.5 3.5l-7 7" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="inline-add">
        <Field
          id={NEW_CATEGORY_ID}
          label={t("editor.categoryNew")}
          error={duplicate ? t("editor.categoryExists") : error}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={CAMPAIGN_LIMITS.category}
              value={draft}
              onInput={(event) => {
                setDraft(event.currentTarget.value);
                setDuplicate(false);
              }}
              onKeyDown={(event) => {
                if (event.key !== "Enter") return;
                event.preventDefault();
                add();
              }}
            />
          )}
        </Field>
        <button type="button" class="button button-secondary" onClick={add}>
          {t("editor.categoryAdd")}
        </button>
      </div>
    </fieldset>
  );
}
