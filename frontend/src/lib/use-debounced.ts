import { useEffect, useState } from "preact/hooks";

/**
 * `value`, once it has stopped changing for `delay` ms: for searches while typing.
 * @example const q = useDebounced(input, 400)
 */
export function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
