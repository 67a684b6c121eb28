import { signal } from "@preact/signals";
import type { ComponentType } from "preact";
import { ErrorBoundary, LocationProvider, Route, Router, lazy } from "preact-iso";
import { CrashGuard } from "./components/crash-guard";
import { Layout } from "./components/layout";
import { Loading } from "./components/loading";
import { PageLoadFailed } from "./components/page-load-failed";
import { CHANGE_PASSWORD_PATH, PROFILE_PATH, SIGN_IN_PATH } from "./lib/paths";

/**
 * A page's code arrives on demand; if its chunk cannot be fetched (offline, a deploy replaced it)
 * the page says so instead of leaving the old one on screen.
 */
const lazyPage = (load: () => Promise<{ default: ComponentType }>) =>
  lazy(() => load().catch((error: unknown) => ({ default: () => <PageLoadFailed error={error} /> })));

const HomePage = lazyPage(() => import("./pages/home/index"));
const AboutPage = lazyPage(() => import("./pages/about/index"));
const NotFoundPage = lazyPage(() => import("./pages/not-found/index"));
const SignInPage = lazyPage(() => import("./pages/sign-in/index"));
const ProfilePage = lazyPage(() => import("./pages/profile/index"));
const ChangePasswordPage = lazyPage(() => import("./pages/change-password/index"));

/** `/api/*` belongs to the Worker (docs, JSON): let the browser load it instead of the router. */
const SPA_SCOPE = /^\/(?!api(\/|$))/;

const routeLoading = signal(false);

/** Its own component, so a route starting or ending to load re-renders only this. */
function RouteLoading() {
  return routeLoading.value ? <Loading /> : null;
}

/** After a navigation (never the first load) focus moves to the new page, so screen readers announce it. */
function onRouteChange() {
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
              <Route path={PROFILE_PATH} component={ProfilePage} />
              <Route path={CHANGE_PASSWORD_PATH} component={ChangePasswordPage} />
              <Route default component={NotFoundPage} />
            </Router>
          </CrashGuard>
        </Layout>
      </LocationProvider>
    </ErrorBoundary>
  );
}
