import { useWidth } from "./use-width";

export type Column = {
  label: string;
  /** under the label: the year at its first month and in January */ sub?: string;
  value: number;
};

const HEIGHT = 200;
const TOP = 20;
const AXIS = 36;

/**
 * Vertical columns (ideas per month): the value above each column, the month below; every
 * label is kept, so on a narrow screen the labels shrink rather than disappear.
 * @param labelledBy the id of the sentence that names every number
 */
export function ColumnChart({ columns, labelledBy }: { columns: readonly Column[]; labelledBy: string }) {
  const { ref, width } = useWidth<HTMLDivElement>();
  const top = Math.max(1, ...columns.map((c) => c.value));
  const step = width / Math.max(1, columns.length);
  const barWidth = Math.max(6, Math.min(40, step * 0.62));
  const plot = HEIGHT - TOP - AXIS;
  const small = step < 30;
  return (
    <div ref={ref} class="chart-canvas">
      <svg
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-labelledby={labelledBy}
        class={`column-chart${small ? " column-chart-small" : ""}`}
      >
        <line x1={0} x2={width} y1={TOP + plot + 0.5} y2={TOP + plot + 0.5} class="chart-axis" />
        {columns.map((column, index) => {
          const h = (column.value / top) * plot;
          const cx = step * index + step / 2;
          const y = TOP + plot - h;
          return (
            <g key={`${index}-${column.label}`}>
              {column.value > 0 && (
                <rect x={cx - barWidth / 2} y={y} width={barWidth} height={h} rx={2} class="chart-bar chart-bar-main" />
              )}
              <text x={cx} y={y - 5} text-anchor="middle" class="chart-value">
                {column.value}
              </text>
              <text x={cx} y={TOP + plot + 16} text-anchor="middle" class="chart-label chart-axis-label">
                {column.label}
              </text>
              {column.sub && (
                <text x={cx} y={TOP + plot + 31} text-anchor="middle" class="chart-sub">
                  {column.sub}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
