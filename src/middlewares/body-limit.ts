import { bodyLimit } from "hono/body-limit";
import { ApiError } from "../lib/problem";

export const JSON_BODY_LIMIT = 256 * 1024;
export const UPLOAD_BODY_LIMIT = 11 * 1024 * 1024;

/** Caps request bodies: JSON small, multipart (uploads, CSV import) larger. */
export function apiBodyLimit() {
  const tooLarge = (max: number) => () => {
    throw new ApiError(413, "request.too_large", `The request body exceeds ${max} bytes`);
  };
  const json = bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: tooLarge(JSON_BODY_LIMIT) });
  const upload = bodyLimit({ maxSize: UPLOAD_BODY_LIMIT, onError: tooLarge(UPLOAD_BODY_LIMIT) });
  return function apiBodyLimit(...args: Parameters<typeof json>) {
    const isMultipart = /^multipart\//i.test(args[0].req.header("content-type") ?? "");
    return (isMultipart ? upload : json)(...args);
  };
}
