/**
 * The RFC 9457 body the Worker answers with (`src/lib/problem.ts`). Restated here because the SPA
 * may import only `AppType` from the Worker, and errors are not part of that typed contract.
 */
export type FieldError = { path: string; message: string; code: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  requestId?: string;
  errors?: FieldError[];
  /** `auth.password_sign_in_disabled`: the agency's sign-in page and provider to use instead */
  signIn?: { agencySlug: string; providerName: string };
};

/** The code of the problem made on this side when the server cannot be reached at all. */
export const NETWORK_UNREACHABLE = "network.unreachable";

/**
 * An RFC 9457 problem answered by the API (or, for `network.unreachable`, made here), thrown by
 * every call in `api/` so pages handle one error shape. Show it with `<ProblemMessage>`.
 */
export class ApiProblem extends Error implements Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string | undefined;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly signIn: Problem["signIn"];
  /** Seconds to wait before trying again, from a `Retry-After` header (429, 503). */
  readonly retryAfter: number | undefined;

  constructor(problem: Problem & { retryAfter?: number }, options?: ErrorOptions) {
    super(problem.detail ?? problem.title, options);
    this.name = "ApiProblem";
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.code = problem.code;
    this.requestId = problem.requestId;
    this.errors = problem.errors;
    this.signIn = problem.signIn;
    this.retryAfter = problem.retryAfter;
  }

  /** The request never got an answer: offline, DNS, TLS, or the Worker is down. */
  static unreachable(cause: unknown): ApiProblem {
    return new ApiProblem(
      {
        type: `urn:gagas:problem:${NETWORK_UNREACHABLE}`,
        title: "Network Error",
        status: 0,
        code: NETWORK_UNREACHABLE,
      },
      { cause },
    );
  }

  /** A failed answer without a problem body (a proxy's HTML page, say). */
  static fromStatus(status: number, statusText: string, requestId?: string): ApiProblem {
    const code = status >= 500 ? "internal" : `http.${status}`;
    return new ApiProblem({
      type: "about:blank",
      title: statusText || "Error",
      status,
      code,
      ...(requestId ? { requestId } : {}),
    });
  }
}

export function isProblem(value: unknown): value is Problem {
  if (typeof value !== "object" || value === null) return false;
  const { status, code, title } = value as Record<string, unknown>;
  return typeof status === "number" && typeof code === "string" && typeof title === "string";
}

/**
 * Any thrown value as an `ApiProblem`, so a view never has to ask what kind of error it caught.
 * @example catch (error) { state.value = { kind: "problem", problem: toApiProblem(error) } }
 */
export function toApiProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  return new ApiProblem(
    { type: "about:blank", title: "Client Error", status: 0, code: "client.unexpected" },
    { cause: error },
  );
}
