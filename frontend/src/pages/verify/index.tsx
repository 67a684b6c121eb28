import { useRoute } from "preact-iso";
import { t } from "../../i18n";
import { usePageTitle } from "../../lib/use-page-title";
import { RecordResult } from "./record-result";
import { VerifyForm } from "./verify-form";
import { VerifyResult } from "./verify-result";
import "../../styles/verify.css";

/** The code from the address, as it was encoded there; a malformed escape is kept as typed. */
function codeOf(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** A `GGR-` code is an innovation record's (rekam jejak), any other a certificate's. */
const isRecordCode = (code: string) => code.trim().toUpperCase().startsWith("GGR");

/**
 * `/verifikasi/:code` (where a certificate's QR code points) and `/verifikasi` (a form for a code
 * read off the paper): anyone, signed in or not, learns whether a certificate or an innovation
 * record is genuine.
 */
export default function VerifyPage() {
  usePageTitle("verify.title");
  const code = codeOf(useRoute().params.code);
  return (
    <article class="verify-page">
      <header class="verify-head">
        <h1>{t("verify.title")}</h1>
        <p class="card-lead">{t("verify.lead")}</p>
      </header>
      {code && (isRecordCode(code) ? <RecordResult key={code} code={code} /> : <VerifyResult key={code} code={code} />)}
      <div class="card">
        <VerifyForm again={code !== null} />
      </div>
      <p class="card-note">{t("verify.privacy")}</p>
    </article>
  );
}
