import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { t } from "../i18n";

type Props = {
  /** Unique on the page; the title is `<id>-title`, the text `<id>-text`. */
  id: string;
  title: string;
  text?: string;
  onClose: () => void;
  children: ComponentChildren;
};

/**
 * A modal dialog on the native `<dialog>`: focus stays inside, Escape and the close button end it,
 * and focus returns to whatever opened it. Mount it to open it; unmount it to close it.
 * @example {open && <Dialog id="reject" title={t("ideaDialog.rejectTitle")} onClose={close}>…</Dialog>}
 */
export function Dialog({ id, title, text, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={text ? `${id}-text` : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div class="dialog-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <button type="button" class="dialog-close" onClick={onClose} aria-label={t("ideaDialog.close")}>
          <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
        </button>
      </div>
      {text && (
        <p id={`${id}-text`} class="dialog-text">
          {text}
        </p>
      )}
      {children}
    </dialog>
  );
}

type ButtonsProps = {
  label: string;
  busy: boolean;
  danger?: boolean;
  /** a button outside a form confirms through this (and takes the focus first); inside a form it submits */
  onConfirm?: () => void;
  onCancel: () => void;
};

/** A dialog's confirm and cancel buttons; the confirm button says it is working while `busy`. */
export function DialogButtons({ label, busy, danger = false, onConfirm, onCancel }: ButtonsProps) {
  return (
    <div class="button-row">
      <button
        type={onConfirm ? "button" : "submit"}
        class={danger ? "button button-danger" : "button"}
        data-autofocus={onConfirm ? true : undefined}
        aria-disabled={busy ? "true" : undefined}
        onClick={onConfirm}
      >
        {busy ? t("idea.working") : label}
      </button>
      <button type="button" class="button button-secondary" onClick={onCancel}>
        {t("ideaAction.cancel")}
      </button>
    </div>
  );
}
