/**
 * The SPA's one form-submit rule (frontend/src/lib/form-submit.ts, the core of `useFormSubmit`): a
 * refusal the form can place goes under its fields, any other problem above the form.
 */
import { describe, expect, it } from "vitest";
import { ApiProblem } from "../frontend/src/api/problem";
import { sendForm } from "../frontend/src/lib/form-submit";

const refusal = (errors?: { path: string; code: string; message: string }[], code = "validation_failed") =>
  new ApiProblem({
    type: "about:blank",
    title: "Refused",
    status: errors ? 422 : 409,
    code,
    ...(errors ? { errors } : {}),
  });

/** A form's mapper (the forms use `mapFormErrors`, which needs the i18n of a browser): field → code. */
const byField = (p: ApiProblem) =>
  p.errors ? Object.fromEntries(p.errors.map((e) => [e.path.replace(/^json\./, ""), e.code])) : null;

describe("sendForm", () => {
  it("answers sent when the send went through", async () => {
    let sent = 0;
    expect(await sendForm(async () => void sent++, byField)).toEqual({ kind: "sent" });
    expect(sent).toBe(1);
  });

  it("places a refusal that names a field under that field, as the form's mapper words it", async () => {
    const outcome = await sendForm(async () => {
      throw refusal([{ path: "json.name", code: "token.name_taken", message: "Name taken" }]);
    }, byField);
    expect(outcome).toEqual({ kind: "refused", errors: { name: "token.name_taken" } });
  });

  it("shows a refusal the form cannot place as a problem above the form", async () => {
    const limit = refusal(undefined, "token.limit_reached");
    const outcome = await sendForm(async () => {
      throw limit;
    }, byField);
    expect(outcome).toEqual({ kind: "problem", problem: limit });
  });

  it("turns anything that is not a problem+json answer into the generic client problem", async () => {
    const outcome = await sendForm(async () => {
      throw new TypeError("boom");
    }, byField);
    expect(outcome.kind === "problem" && outcome.problem.code).toBe("client.unexpected");
  });
});
