import { Loading } from "../../components/loading";
import { t } from "../../i18n";
import { usePageTitle } from "../../lib/use-page-title";
import { session } from "../../models/session";
import { HowItWorks } from "./how-it-works";
import { PersonalHome } from "./personal-home";
import { ServiceStatus } from "./service-status";

/** "/": the person's own home once signed in; for everyone else, what Gagas is and how it works. */
export default function HomePage() {
  usePageTitle("nav.home");
  const state = session.value;
  if (state.kind === "loading") return <Loading />;
  if (state.kind === "signed-in") return <PersonalHome user={state.user} />;
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
