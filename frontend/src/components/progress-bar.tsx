/**
 * A bar filled to `value / max`. Decorative: the words beside it say the same, so screen readers
 * skip it.
 * @example <ProgressBar value={3} max={4} /> <span>3 dari 4 terkirim</span>
 */
export function ProgressBar({ value, max, tone }: { value: number; max: number; tone?: "ok" | "warn" }) {
  const share = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <span class={`progress${tone ? ` progress-${tone}` : ""}`} aria-hidden="true">
      <span style={{ width: `${share * 100}%` }} />
    </span>
  );
}
