/**
 * The line that says, politely, what the last action did ("Tersimpan."); empty until then, so a
 * screen reader hears each new message once.
 */
export function StatusLine({ text }: { text: string | null }) {
  return (
    <p role="status" aria-live="polite" class="status-line">
      {text}
    </p>
  );
}
