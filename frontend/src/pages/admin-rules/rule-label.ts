import { locale } from "../../i18n";

/** A rule's words in the person's language, as the server sent them in both. */
export const labelOf = (label: { id: string; en: string }) => (locale.value === "en" ? label.en : label.id);
