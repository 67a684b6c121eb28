import { useState } from "preact/hooks";
import { listUnits, listUsers, patchUser, resetPassword, type Unit, type User, type UserQuery } from "../../api/admin";
import { ApiProblem, toApiProblem } from "../../api/problem";
import { Dialog } from "../../components/dialog";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { t, type PlainKey } from "../../i18n";
import { useDebounced } from "../../lib/use-debounced";
import { usePageTitle } from "../../lib/use-page-title";
import { useResource } from "../../lib/use-resource";
import { RequireAdmin, fieldText } from "../admin/admin-access";
import { ROLE_CHOICES, UserForm } from "./user-form";

type Notice = { text: string; detail?: string };

function UserRow({ user, units, onChanged }: { user: User; units: Unit[]; onChanged: (notice: Notice) => void }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const act = async (run: () => Promise<Notice>) => {
    try {
      onChanged(await run());
    } catch (error) {
      if (error instanceof ApiProblem)
        onChanged({ text: error.errors?.[0] ? fieldText(error.errors[0]) : fieldText(error) });
      else throw error;
    }
  };
  const reset = () =>
    act(async () => {
      const { temporaryPassword } = await resetPassword(user.id);
      return {
        text: t("users.temporaryPassword", { name: user.name, password: temporaryPassword }),
        detail: t("users.temporaryPasswordHint"),
      };
    });
  const setActive = (active: boolean) =>
    act(async () => {
      await patchUser(user.id, { active });
      return { text: t("users.saved", { name: user.name }) };
    });
  return (
    <li class={`card user-row${user.active ? "" : " is-inactive"}`}>
      <div class="user-row-head">
        <div>
          <strong>{user.name}</strong> {!user.active && <span class="badge">{t("users.inactive")}</span>}{" "}
          {user.mustChangePassword && <span class="badge">{t("users.mustChange")}</span>}
          <p class="muted">
            {user.nip} · {user.email} · {user.position}
          </p>
          <p class="muted">
            {user.unit.name} · {user.roles.map((r) => t(`role.${r}` as PlainKey)).join(", ")}
          </p>
        </div>
        <div class="button-row">
          <button
            class="button button-secondary"
            type="button"
            aria-expanded={editing}
            onClick={() => setEditing(!editing)}
          >
            {t("users.edit")}
            <span class="visually-hidden"> {user.name}</span>
          </button>
          <button
            class="button button-secondary"
            type="button"
            aria-label={t("users.resetLabel", { name: user.name })}
            onClick={() => void reset()}
          >
            {t("users.reset")}
          </button>
          {user.active ? (
            <button class="button button-secondary" type="button" onClick={() => setConfirming(true)}>
              {t("users.deactivate")}
              <span class="visually-hidden"> {user.name}</span>
            </button>
          ) : (
            <button class="button button-secondary" type="button" onClick={() => void setActive(true)}>
              {t("users.activate")}
              <span class="visually-hidden"> {user.name}</span>
            </button>
          )}
        </div>
      </div>
      {editing && (
        <UserForm
          units={units}
          user={user}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            onChanged({ text: t("users.saved", { name: saved.name }) });
          }}
        />
      )}
      {confirming && (
        <Dialog
          id={`deactivate-${user.id}`}
          title={t("users.deactivate")}
          text={t("users.confirmDeactivate", { name: user.name })}
          onClose={() => setConfirming(false)}
        >
          <div class="button-row">
            <button
              class="button"
              type="button"
              onClick={() => {
                setConfirming(false);
                void setActive(false);
              }}
            >
              {t("users.deactivate")}
            </button>
            <button class="button button-secondary" type="button" onClick={() => setConfirming(false)}>
              {t("users.cancel")}
            </button>
          </div>
        </Dialog>
      )}
    </li>
  );
}

function UsersView() {
  const [unitList, reloadUnits] = useResource(listUnits, []);
  const [query, setQuery] = useState<UserQuery>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [adding, setAdding] = useState(false);
  const search = useDebounced(query, 300);
  const [first, reload] = useResource((signal) => listUsers({ ...search, limit: "30" }, signal), [search]);
  // the pages after the first, for the first page shown now
  const [more, setMore] = useState<{ after: object; items: User[]; cursor: string | null } | null>(null);
  const [moreProblem, setMoreProblem] = useState<ApiProblem | null>(null);
  const page = first.kind === "ready" ? first.value : null;
  const extra = more && more.after === page ? more : null;
  const items = page && [...page.items, ...(extra?.items ?? [])];
  const cursor = extra ? extra.cursor : (page?.nextCursor ?? null);

  const loadMore = async () => {
    if (!page || !cursor) return;
    try {
      const next = await listUsers({ ...search, limit: "30", cursor });
      setMore({ after: page, items: [...(extra?.items ?? []), ...next.items], cursor: next.nextCursor });
    } catch (error) {
      setMoreProblem(toApiProblem(error));
    }
  };

  const changed = (next: Notice) => {
    setNotice(next);
    void reload();
  };
  const set = (key: keyof UserQuery) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
    setQuery((q) => ({ ...q, [key]: value || undefined }));
  };

  if (unitList.kind === "problem") return <ProblemMessage problem={unitList.problem} onRetry={reloadUnits} />;
  if (first.kind === "problem") return <ProblemMessage problem={first.problem} onRetry={reload} />;
  if (moreProblem)
    return <ProblemMessage problem={moreProblem} onRetry={() => (setMoreProblem(null), void loadMore())} />;
  if (unitList.kind === "loading") return <Loading />;
  const units = unitList.value;
  return (
    <>
      <div class="filters card" role="search">
        <label>
          {t("users.search")}
          <input type="search" onInput={set("q")} />
        </label>
        <label>
          {t("users.filterUnit")}
          <select onChange={set("unitId")}>
            <option value="">{t("users.any")}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {"— ".repeat(u.depth)}
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("users.filterRole")}
          <select onChange={set("role")}>
            <option value="">{t("users.any")}</option>
            {ROLE_CHOICES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}` as PlainKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("users.filterActive")}
          <select onChange={set("active")}>
            <option value="">{t("users.any")}</option>
            <option value="true">{t("users.activeOnly")}</option>
            <option value="false">{t("users.inactiveOnly")}</option>
          </select>
        </label>
      </div>
      <div role="status" aria-live="polite" class="status-line">
        {notice && (
          <div class="notice notice-ok">
            <p>{notice.text}</p>
            {notice.detail && <p>{notice.detail}</p>}
          </div>
        )}
      </div>
      <button class="button" type="button" aria-expanded={adding} onClick={() => setAdding(!adding)}>
        {t("users.add")}
      </button>
      {adding && (
        <section class="card">
          <UserForm
            units={units}
            onCancel={() => setAdding(false)}
            onSaved={(user, temporaryPassword) => {
              setAdding(false);
              changed({
                text: temporaryPassword
                  ? t("users.temporaryPassword", { name: user.name, password: temporaryPassword })
                  : t("users.created", { name: user.name }),
                detail: t("users.temporaryPasswordHint"),
              });
            }}
          />
        </section>
      )}
      {items === null ? (
        <Loading />
      ) : items.length === 0 ? (
        <p class="empty-state">{t("users.empty")}</p>
      ) : (
        <ul class="user-list">
          {items.map((user) => (
            <UserRow key={user.id} user={user} units={units} onChanged={changed} />
          ))}
        </ul>
      )}
      {cursor && (
        <button class="button button-secondary" type="button" onClick={() => void loadMore()}>
          {t("users.more")}
        </button>
      )}
    </>
  );
}

/** `/admin/pengguna`: the agency's accounts — search, add, edit, roles, deactivate, temporary passwords. */
export default function AdminUsersPage() {
  usePageTitle("users.title");
  return (
    <RequireAdmin ability="manageUsers">
      {() => (
        <div class="admin-page">
          <p class="eyebrow">
            <a href="/admin">{t("admin.title")}</a>
          </p>
          <h1>{t("users.title")}</h1>
          <UsersView />
        </div>
      )}
    </RequireAdmin>
  );
}
