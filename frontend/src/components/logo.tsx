/** The Gagas mark: a lit bulb, an idea. Decorative; the word "Gagas" beside it carries the name. */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg class="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path d="M16 6a7 7 0 0 0-4 12.7V21h8v-2.3A7 7 0 0 0 16 6Z" class="logo-bulb" />
      <path d="M12.5 24h7M13.5 27h5" class="logo-base" />
    </svg>
  );
}
