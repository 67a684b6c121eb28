import { t } from "../../i18n";
import { usePageTitle } from "../../lib/use-page-title";

export default function AboutPage() {
  usePageTitle("about.title");
  return (
    <article class="prose">
      <h1>{t("about.title")}</h1>
      <p class="lead">{t("about.p1")}</p>
      <p>{t("about.p2")}</p>
      <p>{t("about.p3")}</p>
    </article>
  );
}
