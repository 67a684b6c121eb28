import { signal } from "@preact/signals";
import type { ComponentType } from "preact";
import { ErrorBoundary, LocationProvider, Route, Router, lazy } from "preact-iso";
import { CrashGuard } from "./components/crash-guard";
import { Layout } from "./components/layout";
import { Loading } from "./components/loading";
import { PageLoadFailed } from "./components/page-load-failed";
import { loadMessages, locale } from "./i18n";
import {
  AUDIT_PATH,
  MODERATION_PATH,
  OIDC_PATH,
  PLATFORM_PATH,
  RULES_PATH,
  SERVICE_TOKENS_PATH,
  SETTINGS_PATH,
  WEBHOOKS_PATH,
} from "./lib/admin-paths";
import { HALL_OF_FAME_PATH, NEW_AWARD_PATH } from "./lib/award-paths";
import {
  ACTIVATE_PATH,
  ACTIVATION_PATH,
  API_TOKENS_PATH,
  CHANGE_PASSWORD_PATH,
  FORGOT_PASSWORD_PATH,
  PROFILE_PATH,
  RESET_PASSWORD_PATH,
  SIGN_IN_PATH,
  SIGN_IN_RETURN_PATH,
  UNSUBSCRIBE_PATH,
} from "./lib/paths";
import { takeKeepFocus } from "./lib/keep-focus";
import { NEW_PROBLEM_PATH, PROBLEMS_PATH, PROBLEM_IMPORT_PATH } from "./lib/problem-paths";
import { ROUND_REVIEWS_PATH } from "./lib/competition-paths";

/**
 * A page's code arrives on demand, with the pages' strings in the person's language (fetched once);
 * if either cannot be fetched (offline, a deploy replaced it) the page says so instead of leaving
 * the old one on screen.
 */
const lazyPage = (load: () => Promise<{ default: ComponentType }>) =>
  lazy(() =>
    Promise.all([load(), loadMessages(locale.peek())])
      .then(([page]) => page)
      .catch((error: unknown) => ({ default: () => <PageLoadFailed error={error} /> })),
  );

const HomePage = lazyPage(() => import("./pages/home/index"));
const AboutPage = lazyPage(() => import("./pages/about/index"));
const NotFoundPage = lazyPage(() => import("./pages/not-found/index"));
const SignInPage = lazyPage(() => import("./pages/sign-in/index"));
const SignInReturnPage = lazyPage(() => import("./pages/sign-in-return/index"));
const ProfilePage = lazyPage(() => import("./pages/profile/index"));
const ChangePasswordPage = lazyPage(() => import("./pages/change-password/index"));
const IdeasPage = lazyPage(() => import("./pages/ideas/index"));
const IdeaPage = lazyPage(() => import("./pages/idea/index"));
const IdeaFormPage = lazyPage(() => import("./pages/idea-form/index"));
const CampaignsPage = lazyPage(() => import("./pages/campaigns/index"));
const CampaignPage = lazyPage(() => import("./pages/campaign/index"));
const CampaignEditorPage = lazyPage(() => import("./pages/campaign-editor/index"));
const LibraryPage = lazyPage(() => import("./pages/library/index"));
const LibraryItemPage = lazyPage(() => import("./pages/library-item/index"));
const VerifyPage = lazyPage(() => import("./pages/verify/index"));
const CareerPage = lazyPage(() => import("./pages/career/index"));
const SharedRecordPage = lazyPage(() => import("./pages/career-shared/index"));
const HallOfFamePage = lazyPage(() => import("./pages/hall-of-fame/index"));
const AwardPage = lazyPage(() => import("./pages/award/index"));
const AwardFormPage = lazyPage(() => import("./pages/award-form/index"));
const ReviewsPage = lazyPage(() => import("./pages/reviews/index"));
const ReviewPage = lazyPage(() => import("./pages/review/index"));
const CommitteePage = lazyPage(() => import("./pages/committee/index"));
const NotificationsPage = lazyPage(() => import("./pages/notifications/index"));
const NotificationSettingsPage = lazyPage(() => import("./pages/notification-settings/index"));
const DashboardPage = lazyPage(() => import("./pages/dashboard/index"));
const PointsPage = lazyPage(() => import("./pages/points/index"));
const LeaderboardPage = lazyPage(() => import("./pages/leaderboard/index"));
const AdminPage = lazyPage(() => import("./pages/admin/index"));
const AdminUsersPage = lazyPage(() => import("./pages/admin-users/index"));
const AdminUnitsPage = lazyPage(() => import("./pages/admin-units/index"));
const AdminImportPage = lazyPage(() => import("./pages/admin-import/index"));
const AdminActivationPage = lazyPage(() => import("./pages/admin-activation/index"));
const ActivatePage = lazyPage(() => import("./pages/activate/index"));
const ForgotPasswordPage = lazyPage(() => import("./pages/forgot-password/index"));
const ResetPasswordPage = lazyPage(() => import("./pages/reset-password/index"));
const UnsubscribePage = lazyPage(() => import("./pages/unsubscribe/index"));
const AdminSettingsPage = lazyPage(() => import("./pages/admin-settings/index"));
const AdminRulesPage = lazyPage(() => import("./pages/admin-rules/index"));
const AdminModerationPage = lazyPage(() => import("./pages/admin-moderation/index"));
const AdminAuditPage = lazyPage(() => import("./pages/admin-audit/index"));
const AdminWebhooksPage = lazyPage(() => import("./pages/admin-webhooks/index"));
const ApiTokensPage = lazyPage(() => import("./pages/api-tokens/index"));
const AdminServiceTokensPage = lazyPage(() => import("./pages/admin-service-tokens/index"));
const PlatformPage = lazyPage(() => import("./pages/platform/index"));
const PublicLibraryPage = lazyPage(() => import("./pages/public-library/index"));
const AdminOidcPage = lazyPage(() => import("./pages/admin-oidc/index"));
const ProblemsPage = lazyPage(() => import("./pages/problems/index"));
const ProblemPage = lazyPage(() => import("./pages/problem/index"));
const ProblemImportPage = lazyPage(() => import("./pages/problem-import/index"));
const NewProblemPage = lazyPage(() => import("./pages/problem-new/index"));
const ProblemCampaignPage = lazyPage(() => import("./pages/problem-campaign/index"));
const CompetitionPage = lazyPage(() => import("./pages/competition/index"));
const RoundReviewsPage = lazyPage(() => import("./pages/round-reviews/index"));
const RoundReviewPage = lazyPage(() => import("./pages/round-review/index"));

/** `/api/*` belongs to the Worker (docs, JSON): let the browser load it instead of the router. */
const SPA_SCOPE = /^\/(?!api(\/|$))/;

const routeLoading = signal(false);

/** Its own component, so a route starting or ending to load re-renders only this. */
function RouteLoading() {
  return routeLoading.value ? <Loading /> : null;
}

/** After a navigation (never the first load) focus moves to the new page, so screen readers announce it. */
function onRouteChange() {
  if (takeKeepFocus()) return;
  document.getElementById("main")?.focus();
}

export function App() {
  return (
    <ErrorBoundary onError={(error) => console.error(error)}>
      <LocationProvider scope={SPA_SCOPE}>
        <Layout>
          <RouteLoading />
          <CrashGuard>
            <Router
              onRouteChange={onRouteChange}
              onLoadStart={() => (routeLoading.value = true)}
              onLoadEnd={() => (routeLoading.value = false)}
            >
              <Route path="/" component={HomePage} />
              <Route path="/tentang" component={AboutPage} />
              <Route path={SIGN_IN_PATH} component={SignInPage} />
              <Route path={SIGN_IN_RETURN_PATH} component={SignInReturnPage} />
              <Route path={PROFILE_PATH} component={ProfilePage} />
              <Route path={CHANGE_PASSWORD_PATH} component={ChangePasswordPage} />
              {/* fixed paths before the ones with a parameter: the first match wins */}
              <Route path="/ide" component={IdeasPage} />
              <Route path="/ide/baru" component={IdeaFormPage} />
              <Route path="/ide/:id/ubah" component={IdeaFormPage} />
              <Route path="/ide/:id" component={IdeaPage} />
              <Route path="/kampanye" component={CampaignsPage} />
              <Route path="/kampanye/:id/komite" component={CommitteePage} />
              <Route path="/kampanye/:id" component={CampaignPage} />
              <Route path="/penilaian" component={ReviewsPage} />
              <Route path="/penilaian/:assignmentId" component={ReviewPage} />
              <Route path="/notifikasi" component={NotificationsPage} />
              <Route path="/notifikasi/pengaturan" component={NotificationSettingsPage} />
              <Route path="/dasbor" component={DashboardPage} />
              <Route path="/poin" component={PointsPage} />
              <Route path="/peringkat" component={LeaderboardPage} />
              <Route path="/admin" component={AdminPage} />
              <Route path="/admin/pengguna" component={AdminUsersPage} />
              <Route path="/admin/unit" component={AdminUnitsPage} />
              <Route path="/admin/impor" component={AdminImportPage} />
              <Route path={ACTIVATION_PATH} component={AdminActivationPage} />
              <Route path={ACTIVATE_PATH} component={ActivatePage} />
              <Route path={FORGOT_PASSWORD_PATH} component={ForgotPasswordPage} />
              <Route path={RESET_PASSWORD_PATH} component={ResetPasswordPage} />
              <Route path={UNSUBSCRIBE_PATH} component={UnsubscribePage} />
              <Route path={SETTINGS_PATH} component={AdminSettingsPage} />
              <Route path={RULES_PATH} component={AdminRulesPage} />
              <Route path={MODERATION_PATH} component={AdminModerationPage} />
              <Route path={AUDIT_PATH} component={AdminAuditPage} />
              <Route path={WEBHOOKS_PATH} component={AdminWebhooksPage} />
              <Route path={OIDC_PATH} component={AdminOidcPage} />
              <Route path={SERVICE_TOKENS_PATH} component={AdminServiceTokensPage} />
              <Route path={API_TOKENS_PATH} component={ApiTokensPage} />
              <Route path={PLATFORM_PATH} component={PlatformPage} />
              <Route path={PROBLEMS_PATH} component={ProblemsPage} />
              <Route path={PROBLEM_IMPORT_PATH} component={ProblemImportPage} />
              <Route path={NEW_PROBLEM_PATH} component={NewProblemPage} />
              <Route path="/masalah/:id/kampanye" component={ProblemCampaignPage} />
              <Route path="/masalah/:id" component={ProblemPage} />
              <Route path="/admin/kampanye/baru" component={CampaignEditorPage} />
              <Route path="/admin/kampanye/:id/babak" component={CompetitionPage} />
              <Route path="/admin/kampanye/:id" component={CampaignEditorPage} />
              <Route path={ROUND_REVIEWS_PATH} component={RoundReviewsPage} />
              <Route path={`${ROUND_REVIEWS_PATH}/:id`} component={RoundReviewPage} />
              <Route path="/pustaka" component={LibraryPage} />
              <Route path="/pustaka/instansi/:agency" component={PublicLibraryPage} />
              <Route path="/pustaka/:id" component={LibraryItemPage} />
              <Route path="/verifikasi" component={VerifyPage} />
              <Route path="/verifikasi/:code" component={VerifyPage} />
              <Route path="/rekam-jejak" component={CareerPage} />
              <Route path="/rekam-jejak/bagikan/:code" component={SharedRecordPage} />
              <Route path={HALL_OF_FAME_PATH} component={HallOfFamePage} />
              <Route path={`${HALL_OF_FAME_PATH}/:agency`} component={HallOfFamePage} />
              <Route path={NEW_AWARD_PATH} component={AwardFormPage} />
              <Route path="/penghargaan/:id" component={AwardPage} />
              <Route default component={NotFoundPage} />
            </Router>
          </CrashGuard>
        </Layout>
      </LocationProvider>
    </ErrorBoundary>
  );
}
