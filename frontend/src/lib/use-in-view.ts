import { useEffect, useRef } from "preact/hooks";

/**
 * Calls `onVisible` whenever the returned element scrolls into view (with a margin, so the next
 * page arrives before the person reaches the end). Does nothing where IntersectionObserver is missing.
 * @example const sentinel = useInView(() => list.loadMore(), canLoadMore)
 */
export function useInView<E extends Element>(onVisible: () => void, enabled: boolean) {
  const ref = useRef<E>(null);
  const callback = useRef(onVisible);
  callback.current = onVisible;
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) callback.current();
      },
      { rootMargin: "0px 0px 400px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled]);
  return ref;
}
