import type { LibraryItem } from "../../api/library";
import { CalendarIcon, ReplicateIcon } from "../../components/meta-icons";
import { t } from "../../i18n";
import { formatDate } from "../../lib/format";
import { libraryItemPath } from "../../lib/idea-paths";
import { replicatedByText } from "../idea/idea-header";

/** An implemented innovation: which agency, what it solved, and how many agencies adopted it. */
export function LibraryCard({ item }: { item: LibraryItem }) {
  return (
    <li class="card idea-card library-card">
      <p class="eyebrow">{item.agency.name}</p>
      <h2 class="idea-card-title">
        <a href={libraryItemPath(item.id)}>{item.title}</a>
      </h2>
      <p class="idea-card-excerpt">{item.problem}</p>
      <ul class="meta-list">
        <li>
          <ReplicateIcon />
          {replicatedByText(item.replicationCount) ?? t("library.notReplicated")}
        </li>
        {item.implementedAt && (
          <li>
            <CalendarIcon />
            <time dateTime={item.implementedAt}>
              {t("library.implementedOn", { date: formatDate(item.implementedAt) })}
            </time>
          </li>
        )}
      </ul>
    </li>
  );
}
