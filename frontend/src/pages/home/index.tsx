import { t } from "../../i18n";
import { usePageTitle } from "../../lib/use-page-title";
import { HowItWorks } from "./how-it-works";
import { ServiceStatus } from "./service-status";

export default function HomePage() {
  usePageTitle("nav.home");
  return (
    <>
      <section class="hero">
        <h1>{t("home.title")}</h1>
        <p class="lead">{t("home.lead")}</p>
      </section>
      <HowItWorks />
      <ServiceStatus />
    </>
  );
}
