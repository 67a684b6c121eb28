import { ReasonDialog } from "../../components/reason-dialog";
import { t } from "../../i18n";
import { ConfirmDialog } from "../committee/confirm-dialog";

/** What the admin is about to do, to what. */
export type Pending = {
  action: "hide" | "restore" | "dismiss";
  kind: "idea" | "comment";
  /** does it; the dialog closes once the server agreed */
  run: (reason: string) => Promise<unknown>;
};

const TEXT = {
  hide: {
    idea: { title: "moderation.hideIdeaTitle", text: "moderation.hideIdeaText" },
    comment: { title: "moderation.hideCommentTitle", text: "moderation.hideCommentText" },
  },
  restore: {
    idea: { title: "moderation.restoreTitle", text: "moderation.restoreText" },
    comment: { title: "moderation.restoreTitle", text: "moderation.restoreText" },
  },
} as const;

/**
 * Asks first, saying what will happen: hiding and restoring take a reason the author reads;
 * dismissing reports tells nobody and asks for none.
 */
export function ModerationDialog({ pending, onClose }: { pending: Pending; onClose: () => void }) {
  if (pending.action === "dismiss") {
    return (
      <ConfirmDialog
        id="moderation-dismiss"
        title={t("moderation.dismissTitle")}
        text={t("moderation.dismissText")}
        confirmLabel={t("moderation.dismiss")}
        onConfirm={async () => void (await pending.run(""))}
        onClose={onClose}
      />
    );
  }
  const text = TEXT[pending.action][pending.kind];
  return (
    <ReasonDialog
      id={`moderation-${pending.action}`}
      title={t(text.title)}
      text={t(text.text)}
      submitLabel={t(pending.action === "hide" ? "moderation.hide" : "moderation.restore")}
      danger={pending.action === "hide"}
      submit={pending.run}
      onClose={onClose}
    />
  );
}
