import type { ComponentChildren } from "preact";
import { t } from "../../../i18n";

export type DataRow = { label: string; value: string };

type Props = {
  id: string;
  title: string;
  /** one sentence with every number, for screen readers (the SVG's accessible name) */
  summary: string;
  /** the same numbers as a table, for anyone who would rather read them */
  rows: readonly DataRow[];
  columns: readonly [string, string];
  /** the SVG, drawn with `role="img"` and `aria-labelledby={`${id}-summary`}` */
  children: ComponentChildren;
  class?: string;
};

/**
 * A chart in a `<figure>`: its title as the caption, the drawing, a hidden sentence naming every
 * number, and a "show the data" table that opens on demand.
 */
export function ChartFigure({ id, title, summary, rows, columns, children, class: extra }: Props) {
  return (
    <figure class={`card chart${extra ? ` ${extra}` : ""}`} aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} class="chart-title">
        {title}
      </figcaption>
      <p id={`${id}-summary`} class="visually-hidden">
        {summary}
      </p>
      {children}
      <details class="chart-data">
        <summary>{t("chart.showData")}</summary>
        <table class="chart-table">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{columns[0]}</th>
              <th scope="col">{columns[1]}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={`${index}-${row.label}`}>
                <th scope="row">{row.label}</th>
                <td>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
