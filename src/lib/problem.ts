/**
 * RFC 9457 problem details. Handlers `throw` an {@link ApiError}; the one `onError`
 * in `createApp()` turns it into `application/problem+json`. Nobody builds error JSON by hand.
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type FieldError = { path: string; message: string; code: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  requestId?: string;
  errors?: FieldError[];
  /** where this person signs in instead (`auth.password_sign_in_disabled`) */
  signIn?: SignInElsewhere;
};

/** The agency sign-in page a refused password sign-in points to: `/masuk?instansi=<agencySlug>`. */
export type SignInElsewhere = { agencySlug: string; providerName: string };

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  readonly signIn: SignInElsewhere | undefined;

  /**
   * @param status HTTP status of the answer
   * @param code stable machine-readable code, e.g. `vote.budget_exhausted`
   * @param detail human-readable explanation (English; the client translates by `code`)
   * @example throw new ApiError(409, "vote.phase_closed", "Voting is closed for this campaign")
   */
  constructor(
    status: ContentfulStatusCode,
    code: string,
    detail?: string,
    options: { errors?: FieldError[]; headers?: Record<string, string>; signIn?: SignInElsewhere } = {},
  ) {
    super(detail ?? code);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.signIn = options.signIn;
  }

  toProblem(requestId: string | undefined): Problem {
    return {
      type: `urn:gagas:problem:${this.code}`,
      title: TITLES[this.status] ?? "Error",
      status: this.status,
      detail: this.message,
      code: this.code,
      ...(requestId ? { requestId } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...(this.signIn ? { signIn: this.signIn } : {}),
    };
  }
}

export const notFound = (what = "resource") => new ApiError(404, "not_found", `The ${what} does not exist`);
export const forbidden = (detail = "You are not allowed to do this") => new ApiError(403, "forbidden", detail);
export const unauthorized = () => new ApiError(401, "auth.required", "Sign in first");
export const conflict = (code: string, detail: string) => new ApiError(409, code, detail);

/** One 422 for a whole set of field errors. */
export function validationError(errors: FieldError[]): ApiError {
  return new ApiError(422, "validation_failed", "Some fields are not valid", { errors });
}
