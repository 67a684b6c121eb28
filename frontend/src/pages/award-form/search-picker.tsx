import { useEffect, useState } from "preact/hooks";
import { Field } from "../../components/form/field";
import { t } from "../../i18n";
import { formatNumber } from "../../lib/format";
import { useDebounced } from "../../lib/use-debounced";

/** Something chosen in a picker: a person, an idea or a unit. */
export type Choice = { id: number; name: string; detail: string };

type Props = {
  id: string;
  label: string;
  labelNote?: string;
  hint: string;
  error?: string | undefined;
  /** Matches for what was typed (at least `minChars`); may throw, which the picker says. */
  search: (q: string) => Promise<Choice[]>;
  chosen: readonly Choice[];
  /** Names the list of what is chosen ("ASN terpilih"). */
  chosenLabel: string;
  onAdd: (choice: Choice) => void;
  onRemove: (choice: Choice) => void;
  max: number;
  minChars?: number;
  /** Ids never offered (the person choosing, say). */
  exclude?: readonly number[];
};

type Found =
  { kind: "idle" } | { kind: "searching" } | { kind: "found"; q: string; items: Choice[] } | { kind: "failed" };

const DELAY_MS = 250;

function statusOf(found: Found, full: boolean, max: number): string {
  if (full) return t("awardForm.full", { max: formatNumber(max) });
  switch (found.kind) {
    case "searching":
      return t("awardForm.searching");
    case "failed":
      return t("awardForm.searchFailed");
    case "found":
      return found.items.length === 0
        ? t("awardForm.noneFound", { q: found.q })
        : t("awardForm.found", { count: formatNumber(found.items.length) });
    default:
      return "";
  }
}

/**
 * A search box whose matches are buttons to choose from, and the list of what is chosen, each
 * with a button to remove it. How many matches there are is said in a polite live region.
 */
export function SearchPicker(props: Props) {
  const { id, search, chosen, max, minChars = 2, exclude = [] } = props;
  const [q, setQ] = useState("");
  const [found, setFound] = useState<Found>({ kind: "idle" });
  const settled = useDebounced(q.trim(), DELAY_MS);
  const full = chosen.length >= max;

  useEffect(() => {
    if (settled.length < minChars || full) return setFound({ kind: "idle" });
    let current = true;
    setFound({ kind: "searching" });
    search(settled).then(
      (items) => current && setFound({ kind: "found", q: settled, items }),
      () => current && setFound({ kind: "failed" }),
    );
    return () => {
      current = false;
    };
  }, [settled, full]);

  const taken = new Set([...chosen.map((c) => c.id), ...exclude]);
  const offered = found.kind === "found" ? found.items.filter((c) => !taken.has(c.id)) : [];
  const add = (choice: Choice) => {
    props.onAdd(choice);
    setQ("");
    document.getElementById(id)?.focus();
  };
  // the removed button takes focus with it: give it back to the search box
  const remove = (choice: Choice) => {
    props.onRemove(choice);
    document.getElementById(id)?.focus();
  };

  return (
    <div class="picker">
      <Field id={id} label={props.label} labelNote={props.labelNote} hint={props.hint} error={props.error}>
        {(control) => (
          <input
            {...control}
            type="search"
            value={q}
            autocomplete="off"
            enterkeyhint="search"
            onInput={(event) => setQ(event.currentTarget.value)}
            onKeyDown={(event) => {
              // Enter picks the only match instead of submitting the whole form
              if (event.key !== "Enter") return;
              event.preventDefault();
              if (offered.length === 1) add(offered[0]!);
            }}
          />
        )}
      </Field>
      <p class="picker-status" role="status">
        {statusOf(found, full, max)}
      </p>
      {!full && offered.length > 0 && (
        <ul class="picker-results">
          {offered.map((choice) => (
            <li key={choice.id}>
              <button type="button" class="picker-option" onClick={() => add(choice)}>
                <span class="visually-hidden">{t("awardForm.add")} </span>
                <span class="picker-name">{choice.name}</span>
                {choice.detail && <span class="picker-detail">{choice.detail}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen.length > 0 && (
        <>
          <p class="picker-chosen-label" id={`${id}-chosen`}>
            {props.chosenLabel}
          </p>
          <ul class="picker-chosen" aria-labelledby={`${id}-chosen`}>
            {chosen.map((choice) => (
              <li key={choice.id}>
                <span class="picker-chosen-text">
                  <span class="picker-name">{choice.name}</span>
                  {choice.detail && <span class="picker-detail">{choice.detail}</span>}
                </span>
                <button type="button" class="picker-remove" onClick={() => remove(choice)}>
                  <span aria-hidden="true">✕</span>
                  <span class="visually-hidden">{t("awardForm.remove", { name: choice.name })}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
