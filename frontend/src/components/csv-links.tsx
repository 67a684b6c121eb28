import { t } from "../i18n";

export type Separator = "comma" | "semicolon";

type Props = {
  /** the download's address with the given separator */
  href: (separator: Separator) => string;
  /** what the plain link says, e.g. "Unduh CSV" */
  label: string;
  /** the links' class: buttons in a page head, plain links in a list */
  linkClass?: string;
};

/**
 * A CSV download twice: as RFC 4180 (commas, for most programs) and for Excel set to Indonesian
 * (`separator=semicolon`: semicolons and decimal commas), which otherwise puts a comma-separated
 * file in one column. Both are plain links: the browser saves the file with the session cookie.
 */
export function CsvLinks({ href, label, linkClass }: Props) {
  return (
    <>
      <a class={linkClass} href={href("comma")} download>
        {label}
      </a>
      <a class={linkClass} href={href("semicolon")} download title={t("csv.excelIdHint")}>
        {t("csv.excelId", { label })}
      </a>
    </>
  );
}
