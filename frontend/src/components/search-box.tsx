import { useEffect, useRef, useState } from "preact/hooks";
import { SEARCH_MAX } from "../api/contract";
import { useDebounced } from "../lib/use-debounced";
import { Field } from "./form/field";

const SEARCH_DELAY_MS = 400;

type Props = {
  id: string;
  label: string;
  hint: string;
  /** the search in force (the address's) */
  value: string;
  onSearch: (q: string) => void;
};

/**
 * A search box that applies what was typed after a pause, or at once on Enter, and shows the
 * address's search when that changes by itself (back, "clear filters").
 */
export function SearchBox({ id, label, hint, value, onSearch }: Props) {
  const [text, setText] = useState(value);
  const applied = useRef(value);
  const settled = useDebounced(text, SEARCH_DELAY_MS);

  const apply = (q: string) => {
    if (q.trim() === applied.current.trim()) return;
    applied.current = q;
    onSearch(q);
  };

  useEffect(() => apply(settled), [settled]);
  useEffect(() => {
    if (value.trim() !== applied.current.trim()) {
      applied.current = value;
      setText(value);
    }
  }, [value]);

  return (
    <form
      role="search"
      class="idea-search"
      onSubmit={(event) => {
        event.preventDefault();
        apply(text);
      }}
    >
      <Field id={id} label={label} hint={hint}>
        {(control) => (
          <input
            {...control}
            type="search"
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
            maxLength={SEARCH_MAX}
            autocomplete="off"
            enterkeyhint="search"
          />
        )}
      </Field>
    </form>
  );
}
