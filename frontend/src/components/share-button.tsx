import { useState } from "preact/hooks";
import { t } from "../i18n";
import { Dialog } from "./dialog";

type Props = {
  /** what is shared, for the button's accessible name */
  title: string;
  /** the message before the link, e.g. "Ide “Antrean daring” di Gagas:" */
  text: string;
  /** the page's address; relative addresses are made absolute */
  url: string;
  /** where the dialog's ids start; unique on the page */
  id?: string;
};

/**
 * The WhatsApp link that opens a chat with the message filled in, on a phone or WhatsApp Web.
 * @example whatsappLink("Ide di Gagas:", "https://gagas.example/ide/7") // "https://wa.me/?text=Ide%20di%20Gagas%3A%20https%3A%2F%2Fgagas.example%2Fide%2F7"
 */
export const whatsappLink = (text: string, url: string) =>
  `https://wa.me/?text=${encodeURIComponent(`${text} ${url}`)}`;

type Copy = "idle" | "copied" | "failed";

/**
 * "Bagikan": the phone's own share sheet (Web Share API) where the browser has one, so the person
 * picks WhatsApp, Telegram or e-mail as they always do; elsewhere a small dialog with the link to
 * copy and a WhatsApp link.
 */
export function ShareButton({ title, text, url, id = "share" }: Props) {
  const [open, setOpen] = useState(false);
  const [copy, setCopy] = useState<Copy>("idle");
  const absolute = new URL(url, location.href).href;

  async function share() {
    if (typeof navigator.share === "function") {
      try {
        await navigator.share({ title, text, url: absolute });
        return;
      } catch (error) {
        // the person closed the sheet: nothing to say
        if (error instanceof DOMException && error.name === "AbortError") return;
      }
    }
    setCopy("idle");
    setOpen(true);
  }

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(absolute);
      setCopy("copied");
    } catch {
      setCopy("failed");
      document.getElementById(`${id}-url`)?.focus();
    }
  }

  return (
    <>
      <button
        type="button"
        class="button button-secondary share-button"
        aria-label={t("share.buttonLabel", { title })}
        onClick={() => void share()}
      >
        <svg width="18" height="18" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <circle cx="15" cy="4.5" r="2.5" fill="none" stroke="currentColor" stroke-width="1.8" />
          <circle cx="5" cy="10" r="2.5" fill="none" stroke="currentColor" stroke-width="1.8" />
          <circle cx="15" cy="15.5" r="2.5" fill="none" stroke="currentColor" stroke-width="1.8" />
          <path d="M7.2 8.8l5.6-3.1M7.2 11.2l5.6 3.1" stroke="currentColor" stroke-width="1.8" />
        </svg>
        {t("share.button")}
      </button>
      {open && (
        <Dialog id={id} title={t("share.title")} text={t("share.text")} onClose={() => setOpen(false)}>
          <div class="share-sheet">
            <label for={`${id}-url`}>{t("share.link")}</label>
            <input
              id={`${id}-url`}
              type="url"
              readOnly
              value={absolute}
              onFocus={(event) => event.currentTarget.select()}
            />
            <div class="button-row">
              <button type="button" class="button" data-autofocus onClick={() => void copyLink()}>
                {t("share.copy")}
              </button>
              <a
                class="button button-whatsapp"
                href={whatsappLink(text, absolute)}
                target="_blank"
                rel="noopener noreferrer"
              >
                {t("share.whatsapp")}
              </a>
            </div>
            <p class="share-status" role="status">
              {copy === "copied" ? t("share.copied") : copy === "failed" ? t("share.copyFailed") : ""}
            </p>
          </div>
        </Dialog>
      )}
    </>
  );
}
