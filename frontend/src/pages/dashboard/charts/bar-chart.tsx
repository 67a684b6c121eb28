import { charsIn, clip, useWidth } from "./use-width";

export type Bar = {
  label: string;
  /** the bar's length against `max` */
  value: number;
  /** what is written at the bar's end, e.g. "8" or "75% · 3 dari 4" */
  valueText: string;
  tone?: "main" | "muted" | "danger";
};

const ROW = 46;
const LABEL_Y = 15;
const BAR_Y = 22;
const BAR_H = 16;
/** room kept right of the longest bar for its value (13 px bold digits: about 8 px a character) */
const valueWidth = (bars: readonly Bar[]) => 12 + 8 * Math.max(1, ...bars.map((b) => b.valueText.length));

/**
 * Horizontal bars, one per row: the label above its bar, the value at the bar's end. Drawn at the
 * width it is shown; the labels are clipped to fit (the figure's text alternative has them whole).
 * @param max the length of a full bar (the largest value by default; 1 for shares)
 * @param labelledBy the id of the sentence that names every number
 */
export function BarChart({ bars, max, labelledBy }: { bars: readonly Bar[]; max?: number; labelledBy: string }) {
  const { ref, width } = useWidth<HTMLDivElement>();
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  const track = Math.max(40, width - valueWidth(bars));
  const height = Math.max(ROW, bars.length * ROW);
  return (
    <div ref={ref} class="chart-canvas">
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={labelledBy}
        class="bar-chart"
      >
        {bars.map((bar, index) => {
          const y = index * ROW;
          const length = top > 0 ? Math.max(bar.value > 0 ? 3 : 0, (bar.value / top) * track) : 0;
          return (
            <g key={`${index}-${bar.label}`}>
              <text x={0} y={y + LABEL_Y} class="chart-label">
                {clip(bar.label, charsIn(width))}
              </text>
              <rect x={0} y={y + BAR_Y} width={track} height={BAR_H} rx={3} class="chart-track" />
              <rect
                x={0}
                y={y + BAR_Y}
                width={length}
                height={BAR_H}
                rx={3}
                class={`chart-bar chart-bar-${bar.tone ?? "main"}`}
              />
              <text x={length + 6} y={y + BAR_Y + 12.5} class="chart-value">
                {bar.valueText}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
