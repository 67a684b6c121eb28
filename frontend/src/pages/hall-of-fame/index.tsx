import { useEffect } from "preact/hooks";
import { useRoute } from "preact-iso";
import type { Me } from "../../api/auth";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { NEW_AWARD_PATH } from "../../lib/award-paths";
import { formatNumber } from "../../lib/format";
import { NEW_IDEA_PATH } from "../../lib/idea-paths";
import { SIGN_IN_PATH, withNext } from "../../lib/paths";
import { usePageTitle } from "../../lib/use-page-title";
import { useInView } from "../../lib/use-in-view";
import { hallOfFame, publicAgencies, type HallSource, type ShownAward } from "../../models/awards";
import type { PagedState } from "../../models/paged-list";
import { loadSession, session } from "../../models/session";
import { VERIFY_PATH } from "../verify/paths";
import { AwardEntry } from "./award-entry";
import { ShareButton } from "../../components/share-button";
import "../../styles/ideas.css";
import "../../styles/awards.css";

type Ready = Extract<PagedState<ShownAward>, { kind: "ready" }>;

const isLeader = (user: Me | null) => user?.can.announceAwards === true;

/** "Muat lebih banyak", pressed by itself when it scrolls into view; its own problem if a page fails. */
function LoadMore({ state }: { state: Ready }) {
  const loading = state.more === "loading";
  const sentinel = useInView<HTMLDivElement>(() => void hallOfFame.loadMore(), state.more === "idle");
  return (
    <div class="load-more" ref={sentinel}>
      {typeof state.more === "object" && (
        <>
          <p class="load-more-failed">{t("hof.loadMoreFailed")}</p>
          <ProblemMessage problem={state.more} />
        </>
      )}
      <button
        type="button"
        class="button button-secondary"
        aria-disabled={loading ? "true" : undefined}
        onClick={() => void hallOfFame.loadMore()}
      >
        {loading ? t("hof.loadingMore") : t("hof.loadMore")}
      </button>
    </div>
  );
}

/** No award yet: what will appear here, and what the person can do meanwhile. */
function EmptyHall({ user }: { user: Me | null }) {
  return (
    <div class="empty-state">
      <h2>{t("hof.emptyTitle")}</h2>
      <p>{t("hof.emptyText")}</p>
      {isLeader(user) ? (
        <>
          <p>{t("hof.emptyLeader")}</p>
          <a class="button" href={NEW_AWARD_PATH}>
            {t("nav.announceAward")}
          </a>
        </>
      ) : (
        user && (
          <a class="button" href={NEW_IDEA_PATH}>
            {t("ideas.new")}
          </a>
        )
      )}
    </div>
  );
}

/** A public Hall of Fame that is not there: an unknown agency, or one that keeps it to its people. */
function Unavailable({ slug }: { slug: string }) {
  return (
    <div class="empty-state">
      <h2>{t("hof.unavailableTitle")}</h2>
      <p>{t("hof.unavailableText", { slug })}</p>
      {session.value.kind !== "signed-in" && (
        <a class="button" href={withNext(SIGN_IN_PATH, location.pathname)}>
          {t("nav.signIn")}
        </a>
      )}
    </div>
  );
}

function statusText(state: PagedState<ShownAward>): string {
  if (state.kind !== "ready") return "";
  const count = formatNumber(state.items.length);
  return state.nextCursor ? t("hof.countMore", { count }) : t("hof.count", { count });
}

function Awards({ source, user }: { source: HallSource; user: Me | null }) {
  const state = hallOfFame.state.value;
  const retry = () => void hallOfFame.load(source, true);
  return (
    <>
      <p class="results-count" role="status">
        {statusText(state)}
      </p>
      {state.kind === "loading" && <Loading label={t("hof.loading")} />}
      {state.kind === "problem" &&
        (source.kind === "public" && state.problem.status === 404 ? (
          <Unavailable slug={source.slug} />
        ) : (
          <ProblemMessage problem={state.problem} onRetry={retry} />
        ))}
      {state.kind === "ready" && state.items.length === 0 && <EmptyHall user={user} />}
      {state.kind === "ready" && state.items.length > 0 && (
        <ol class="award-list">
          {state.items.map((award) => (
            <li key={award.id}>
              <AwardEntry award={award} as="entry" linked={source.kind === "mine"} />
            </li>
          ))}
        </ol>
      )}
      {state.kind === "ready" && state.nextCursor && <LoadMore state={state} />}
      {state.kind === "ready" && source.kind === "public" && <p class="card-note">{t("hof.publicNote")}</p>}
    </>
  );
}

function Hall({ source, user }: { source: HallSource; user: Me | null }) {
  const key = JSON.stringify(source);
  useEffect(() => void hallOfFame.load(source), [key]);
  const agency = source.kind === "mine" ? user?.agency.name : publicAgencies.value.get(source.slug)?.name;
  return (
    <>
      <div class="page-head">
        <div>
          <h1>{t("hof.title")}</h1>
          {agency && <p class="lead">{t("hof.lead", { agency })}</p>}
        </div>
        <div class="button-row">
          {agency && (
            <ShareButton
              id="hof-share"
              title={t("hof.title")}
              text={t("share.hallText", { agency })}
              url={location.pathname}
            />
          )}
          {source.kind === "mine" && isLeader(user) && (
            <a class="button" href={NEW_AWARD_PATH}>
              {t("nav.announceAward")}
            </a>
          )}
        </div>
      </div>
      <Awards source={source} user={user} />
      <p class="card-note">
        {t("hof.verifyText")} <a href={VERIFY_PATH}>{t("hof.verifyLink")}</a>
      </p>
    </>
  );
}

/** Signed out without an agency in the address: whose Hall of Fame it would be is unknown. */
function SignedOut() {
  return (
    <>
      <h1>{t("hof.title")}</h1>
      <div class="empty-state">
        <h2>{t("hof.signedOutTitle")}</h2>
        <p>{t("hof.signedOutText")}</p>
        <a class="button" href={withNext(SIGN_IN_PATH, location.pathname)}>
          {t("nav.signIn")}
        </a>
      </div>
      <p class="card-note">
        {t("hof.verifyText")} <a href={VERIFY_PATH}>{t("hof.verifyLink")}</a>
      </p>
    </>
  );
}

/**
 * `/galeri-penghargaan` (my agency's, signed in) and `/galeri-penghargaan/:agency` (an agency's
 * public Hall of Fame, for anyone; my own agency's in full when I am one of its people).
 */
export default function HallOfFamePage() {
  usePageTitle("hof.title");
  const slug = useRoute().params.agency ?? null;
  const state = session.value;
  const user = state.kind === "signed-in" ? state.user : null;
  let body;
  if (state.kind === "loading") body = <Loading />;
  else if (user && (slug === null || slug === user.agency.slug)) body = <Hall source={{ kind: "mine" }} user={user} />;
  else if (slug !== null) body = <Hall source={{ kind: "public", slug }} user={user} />;
  else if (state.kind === "problem")
    body = <ProblemMessage problem={state.problem} onRetry={() => void loadSession()} />;
  else body = <SignedOut />;
  return <div class="hall-page">{body}</div>;
}
