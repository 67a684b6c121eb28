import type { id } from "./id";

export type MessageKey = keyof typeof id;

/** Every language has exactly the keys of the Indonesian dictionary. */
export type Messages = { readonly [K in MessageKey]: string };

/** `"Versi {version}"` → `"version"`. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * A dictionary whose strings name exactly the placeholders of the Indonesian ones; a key whose
 * placeholders differ becomes `never`, so `satisfies SameParams<typeof en>` fails to compile.
 */
export type SameParams<D extends Messages> = {
  [K in MessageKey]: Same<Placeholders<D[K]>, Placeholders<(typeof id)[K]>> extends true ? D[K] : never;
};

export type ParamsOf<K extends MessageKey> = Record<Placeholders<(typeof id)[K]>, string | number>;

/** Keys whose strings take no parameters: safe to pass around as data (nav items, titles). */
export type PlainKey = {
  [K in MessageKey]: [Placeholders<(typeof id)[K]>] extends [never] ? K : never;
}[MessageKey];
