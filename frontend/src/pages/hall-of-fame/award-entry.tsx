import { t } from "../../i18n";
import { awardPath } from "../../lib/award-paths";
import { formatDate, formatNumber } from "../../lib/format";
import type { ShownAward, ShownRecipient } from "../../models/awards";
import { verifyPath } from "../verify/paths";

/** A recipient's certificate: a plain download link, and its code with a link to verify it. */
function Certificate({ recipient }: { recipient: ShownRecipient }) {
  const certificate = recipient.certificate;
  if (!certificate) return null;
  return (
    <div class="award-certificate">
      <a class="button button-secondary award-download" href={certificate.href} download>
        {t("award.download")}
        <span class="visually-hidden"> {t("award.downloadFor", { name: recipient.name })}</span>
      </a>
      {certificate.code && (
        <p class="award-code">
          {t("award.code")} <code>{certificate.code}</code>{" "}
          <a href={verifyPath(certificate.code)}>
            {t("award.verify")}
            <span class="visually-hidden"> {t("award.verifyFor", { name: recipient.name })}</span>
          </a>
        </p>
      )}
    </div>
  );
}

function Recipient({ recipient }: { recipient: ShownRecipient }) {
  return (
    <li class="award-recipient">
      <p class="award-recipient-name">
        <strong>{recipient.name}</strong>
        {recipient.kind === "unit" && <span class="award-kind">{t("award.unitKind")}</span>}
      </p>
      {recipient.position !== null && (
        <p class="award-recipient-detail">{[recipient.position, recipient.unitName].filter(Boolean).join(" · ")}</p>
      )}
      <Certificate recipient={recipient} />
    </li>
  );
}

type Props = {
  award: ShownAward;
  /**
   * `entry`: one of a list, titled (h2) and linked to its page when `linked`; `page`: the body
   * of the award's own page, whose h1 is the title.
   */
  as: "entry" | "page";
  linked?: boolean;
};

/** An award as a certificate would tell it: title, period, citation, recipients, ideas, who signed. */
export function AwardEntry({ award, as, linked = false }: Props) {
  const Section = as === "entry" ? "h3" : "h2";
  const titleId = `award-${award.id}-title`;
  return (
    <article class="card award-entry" aria-labelledby={as === "entry" ? titleId : undefined}>
      <p class="award-when">
        <span class="award-period">{t("award.period", { period: award.periodLabel })}</span>
        <span>{t("award.announcedOn", { date: formatDate(award.announcedAt, award.timeZone) })}</span>
      </p>
      {as === "entry" && (
        <h2 id={titleId} class="award-title">
          {linked ? <a href={awardPath(award.id)}>{award.title}</a> : award.title}
        </h2>
      )}
      <blockquote class="award-citation">
        <p>{award.citation}</p>
      </blockquote>
      <Section class="award-section-title">{t("award.recipients")}</Section>
      <ul class="award-recipients">
        {award.recipients.map((recipient) => (
          <Recipient key={recipient.key} recipient={recipient} />
        ))}
      </ul>
      {award.bonusPoints !== null && award.bonusPoints > 0 && (
        <p class="award-bonus">{t("award.bonus", { points: formatNumber(award.bonusPoints) })}</p>
      )}
      {award.ideas.length > 0 && (
        <>
          <Section class="award-section-title">{t("award.ideas")}</Section>
          <ul class="award-ideas">
            {award.ideas.map((idea) => (
              <li key={idea.key}>{idea.href ? <a href={idea.href}>{idea.title}</a> : idea.title}</li>
            ))}
          </ul>
        </>
      )}
      <p class="award-signer">
        {t("award.announcedBy", { name: award.announcedBy.name, position: award.announcedBy.position })}
      </p>
    </article>
  );
}
