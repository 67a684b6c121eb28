import { t } from "../../i18n";
import { usePageTitle } from "../../lib/use-page-title";

export default function NotFoundPage() {
  usePageTitle("notFound.title");
  return (
    <article class="prose">
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.text")}</p>
      <p>
        <a class="button" href="/">
          {t("notFound.back")}
        </a>
      </p>
    </article>
  );
}
