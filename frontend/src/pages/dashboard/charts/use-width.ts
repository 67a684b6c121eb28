import { useLayoutEffect, useRef, useState } from "preact/hooks";

/**
 * The width of the returned element in CSS pixels, following resizes: charts draw at the size they
 * are shown, so their text stays the size of the page's text on a phone and on a wide screen.
 * @param fallback the width before the first measurement
 */
export function useWidth<E extends HTMLElement>(fallback = 320) {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(200, Math.floor(element.getBoundingClientRect().width)));
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/** Roughly how many characters of 13 px text fit in `px` (for labels SVG cannot wrap). */
export const charsIn = (px: number) => Math.max(8, Math.floor(px / 7));

/**
 * A label cut to `max` characters with an ellipsis; the whole label stays in the chart's text alternative.
 * @example clip("Dinas Kependudukan dan Pencatatan Sipil", 20) // "Dinas Kependudukan …"
 */
export function clip(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}
