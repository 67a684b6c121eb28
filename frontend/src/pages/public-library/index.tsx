import { useRoute } from "preact-iso";
import { getPublicLibrary, type PublicLibrary } from "../../api/agency";
import { CalendarIcon } from "../../components/meta-icons";
import { ResourceView } from "../../components/resource-view";
import { t } from "../../i18n";
import { formatDate } from "../../lib/format";
import { usePageTitle } from "../../lib/use-page-title";
import { useResource } from "../../lib/use-resource";
import "../../styles/ideas.css";
import "../../styles/admin.css";

type Item = PublicLibrary["items"][number];

function Innovation({ item }: { item: Item }) {
  return (
    <li class="card idea-card">
      <p class="eyebrow">{item.unitName}</p>
      <h2 class="idea-card-title">{item.title}</h2>
      {item.implementedAt && (
        <ul class="meta-list">
          <li>
            <CalendarIcon />
            <time dateTime={item.implementedAt}>
              {t("library.implementedOn", { date: formatDate(item.implementedAt) })}
            </time>
          </li>
        </ul>
      )}
      <dl class="details public-innovation">
        <div>
          <dt>{t("publicLibrary.problem")}</dt>
          <dd>{item.problem}</dd>
        </div>
        <div>
          <dt>{t("publicLibrary.solution")}</dt>
          <dd>{item.solution}</dd>
        </div>
        {item.benefit && (
          <div>
            <dt>{t("publicLibrary.benefit")}</dt>
            <dd>{item.benefit}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}

/** `/pustaka/instansi/:agency`: an agency's implemented innovations, for everyone, when it shows them. */
export default function PublicLibraryPage() {
  usePageTitle("publicLibrary.title");
  const slug = useRoute().params.agency ?? "";
  const [library, reload, set] = useResource((signal) => getPublicLibrary(slug, undefined, signal), [slug]);
  const more = async (page: PublicLibrary) => {
    if (!page.nextCursor) return;
    const next = await getPublicLibrary(slug, page.nextCursor);
    set({ ...page, items: [...page.items, ...next.items], nextCursor: next.nextCursor });
  };
  if (library.kind === "problem" && library.problem.status === 404) {
    return (
      <div class="empty-state">
        <h1>{t("publicLibrary.unavailableTitle")}</h1>
        <p>{t("publicLibrary.unavailableText", { slug })}</p>
      </div>
    );
  }
  return (
    <div class="admin-stack">
      <ResourceView resource={library} loading={t("library.loading")} onRetry={reload}>
        {(page) => (
          <>
            <header class="public-agency">
              {page.agency.emblemUrl && <img src={page.agency.emblemUrl} alt="" width={56} height={56} />}
              <div>
                <p class="eyebrow">{page.agency.region}</p>
                <h1>{t("publicLibrary.heading", { agency: page.agency.name })}</h1>
              </div>
            </header>
            <p class="lead">{t("publicLibrary.lead")}</p>
            {page.items.length === 0 ? (
              <p class="empty-state">{t("library.empty")}</p>
            ) : (
              <ul class="idea-cards">
                {page.items.map((item) => (
                  <Innovation key={`${item.title}-${item.implementedAt ?? ""}`} item={item} />
                ))}
              </ul>
            )}
            {page.nextCursor && (
              <button class="button button-secondary" type="button" onClick={() => void more(page)}>
                {t("platform.more")}
              </button>
            )}
          </>
        )}
      </ResourceView>
    </div>
  );
}
