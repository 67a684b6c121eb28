/**
 * After a write removed the control that had focus (a decision button, "Tarik"), focus would fall to
 * the page's body and a keyboard or screen reader user would lose their place: move it to `id`.
 * Waits a frame, so the re-render and a closing dialog's own focus return have happened.
 * @example focusIfLost(`rank-idea-${ideaId}`)
 */
export function focusIfLost(id: string): void {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    document.getElementById(id)?.focus();
  });
}
