import { t } from "../../i18n";
import { formatNumber } from "../../lib/format";

/**
 * What stands between a person and some of the campaign's ideas: ideas they (co-)authored, and
 * ideas of their unit, which count only while the campaign excludes same-unit reviewers.
 * Nothing is shown when nothing conflicts.
 */
export function ConflictNotes({
  conflicts,
  excludeSameUnit,
}: {
  conflicts: { authored: number; sameUnit: number } | undefined;
  excludeSameUnit: boolean;
}) {
  if (!conflicts) return null;
  const { authored, sameUnit } = conflicts;
  const notes = [
    authored > 0 ? t("committeeEditor.conflictAuthored", { count: formatNumber(authored) }) : null,
    sameUnit > 0 && excludeSameUnit ? t("committeeEditor.conflictSameUnit", { count: formatNumber(sameUnit) }) : null,
  ].filter((n): n is string => n !== null);
  if (notes.length === 0) return null;
  return (
    <ul class="conflict-notes">
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}
