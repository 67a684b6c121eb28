import { hasMessage, t, type MessageKey } from "./index";

type CodeKey = Extract<MessageKey, `code.${string}`>;

const isCodeKey = (key: string): key is CodeKey => key.startsWith("code.") && hasMessage(key);

/**
 * A problem `code` in the person's language. A code without a translation gets a generic
 * sentence, never the server's English `detail`.
 * @example problemText("auth.required") // "Silakan masuk terlebih dahulu."
 */
export function problemText(code: string): string {
  const key = `code.${code}`;
  return isCodeKey(key) ? t(key) : t("problem.generic");
}
