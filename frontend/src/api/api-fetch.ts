import { BOOKMARK_HEADER, getBookmark, rememberBookmark } from "./bookmark";
import { ApiProblem, isProblem } from "./problem";

const PROBLEM_JSON = /^application\/problem\+json\b/i;
const JSON_TYPE = /^application\/json\b/i;

/**
 * `Retry-After` in seconds: the header holds either seconds or an HTTP date.
 * @returns undefined when the header is missing or unreadable
 */
export function retryAfterSeconds(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

async function problemOf(response: Response): Promise<ApiProblem> {
  const requestId = response.headers.get("x-request-id") ?? undefined;
  if (PROBLEM_JSON.test(response.headers.get("content-type") ?? "")) {
    const body: unknown = await response.json().catch(() => null);
    if (isProblem(body)) {
      return new ApiProblem({
        ...body,
        requestId: body.requestId ?? requestId,
        retryAfter: retryAfterSeconds(response.headers.get("retry-after")),
      });
    }
  }
  return ApiProblem.fromStatus(response.status, response.statusText, requestId);
}

/**
 * The `fetch` behind `hc`: same-origin cookies, the D1 bookmark both ways, and one error shape.
 * Throws `ApiProblem` for problem+json answers, for failed answers that are not JSON, and
 * (`network.unreachable`) when no answer came. A non-2xx JSON answer that the contract declares
 * (health's 503) is returned as is, for the caller to read with its type.
 */
export async function apiFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const headers = new Headers(init?.headers);
  const bookmark = getBookmark();
  if (bookmark) headers.set(BOOKMARK_HEADER, bookmark);

  let response: Response;
  try {
    response = await fetch(input, { ...init, headers, credentials: "same-origin" });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw ApiProblem.unreachable(error);
  }

  rememberBookmark(response);
  if (response.ok || JSON_TYPE.test(response.headers.get("content-type") ?? "")) return response;
  throw await problemOf(response);
}
