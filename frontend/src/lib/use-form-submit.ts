import { useRef, useState } from "preact/hooks";
import type { ApiProblem } from "../api/problem";
import { sendForm, type SubmitOutcome } from "./form-submit";

/**
 * The busy / errors / problem triplet every form that sends itself repeats, in one place: one send
 * at a time, a send starting clean (no errors, no problem), a refusal shown under the fields
 * ({@link sendForm}) or above the form.
 * @param empty the errors of a form with nothing wrong (`{}` or `[]`)
 * @param refused a refusal's messages for the form (through `mapFormErrors`), or null to show the problem above the form
 * @returns `busy`, `errors`, `problem`; `attempt` counts the failed tries (an error summary speaks again on each);
 *   `fail` shows errors found before sending (a new attempt: the problem above the form goes); `submit(send)` resolves to what the form now shows
 *   (`sent`, `refused`, `problem`), or null when a send was already under way; `setErrors` for a form that clears a message as its field changes
 * @example const { busy, errors, problem, submit } = useFormSubmit<Errors>({}, refusedByField)
 */
export function useFormSubmit<E>(empty: E, refused: (problem: ApiProblem) => E | null) {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<E>(empty);
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const sending = useRef(false);

  const fail = (found: E) => {
    setErrors(found);
    setProblem(null);
    setAttempt((n) => n + 1);
  };

  async function submit(send: () => Promise<void>): Promise<SubmitOutcome<E> | null> {
    if (sending.current) return null;
    sending.current = true;
    setBusy(true);
    setErrors(empty);
    setProblem(null);
    try {
      const outcome = await sendForm(send, refused);
      if (outcome.kind === "refused") fail(outcome.errors);
      else if (outcome.kind === "problem") setProblem(outcome.problem);
      return outcome;
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  return { busy, errors, attempt, problem, fail, submit, setErrors };
}
