import { toApiProblem, type ApiProblem } from "../api/problem";

/** What a form shows after a send: nothing new, its errors (under fields, in a summary), or a problem above it. */
export type SubmitOutcome<E> =
  { kind: "sent" } | { kind: "refused"; errors: E } | { kind: "problem"; problem: ApiProblem };

/**
 * The core of `useFormSubmit`, apart from Preact so it tests without a browser: runs `send` and
 * says what the form shows. A refusal whose errors the form can place (`refused` answers them,
 * usually through `mapFormErrors`) goes under the fields; any other problem goes above the form.
 * Anything that is not a problem+json answer shows as the generic client problem, so a person
 * always reads why nothing happened.
 * @param refused the form's messages for a refusal, or null when they name nothing the form shows
 * @example await sendForm(() => createToken(kind, body), refusedByField)
 */
export async function sendForm<E>(
  send: () => Promise<void>,
  refused: (problem: ApiProblem) => E | null,
): Promise<SubmitOutcome<E>> {
  try {
    await send();
    return { kind: "sent" };
  } catch (error) {
    const problem = toApiProblem(error);
    const errors = refused(problem);
    return errors === null ? { kind: "problem", problem } : { kind: "refused", errors };
  }
}
