// Indonesian names often carry titles before them ("dr.", "H.", "Drs.", "Ir."): every word
// ending in a full stop is taken for one.
const words = (name: string) => name.split(/\s+/).filter((word) => word && !word.endsWith("."));

/**
 * The first word of a name that is not a title, for narrow screens.
 * @example firstName("dr. Nurhayati Harahap") // "Nurhayati"
 */
export function firstName(name: string): string {
  return words(name)[0] ?? name;
}

/**
 * Two letters for an avatar.
 * @example initialsOf("H. Irwansyah Nasution") // "IN"
 */
export function initialsOf(name: string): string {
  const found = words(name);
  return (found.length ? found : [name])
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? "")
    .join("");
}
