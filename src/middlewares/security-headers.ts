import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

const common = {
  strictTransportSecurity: "max-age=31536000; includeSubDomains",
  xFrameOptions: "DENY",
  referrerPolicy: "strict-origin-when-cross-origin",
  crossOriginOpenerPolicy: "same-origin",
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
} satisfies SecureHeadersOptions;

export const DOCS_PATH = "/api/docs";
/** The printable innovation dossier (`GET /api/v1/ideas/{id}/dossier`), styled by `/dossier.css`. */
export const DOSSIER_PATH = /^\/api\/v1\/ideas\/\d+\/dossier$/;

/**
 * Headers for answers of the Worker. JSON gets a CSP that allows nothing; the docs page may load
 * Swagger UI's script and styles from this origin; the dossier, its stylesheet only. HTML from
 * static assets gets the SPA policy from `frontend/public/_headers` (test/security-headers.test.ts
 * checks both).
 */
export function apiSecurityHeaders(): MiddlewareHandler {
  const api = secureHeaders({
    ...common,
    crossOriginResourcePolicy: "same-origin",
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
  });
  const docs = secureHeaders({
    ...common,
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
  });
  // an HTML page with no script at all: its one stylesheet comes from this origin, the agency's
  // emblem is written into the page as a data: image
  const dossier = secureHeaders({
    ...common,
    crossOriginResourcePolicy: "same-origin",
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      styleSrc: ["'self'"],
      imgSrc: ["data:"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
  });
  return function apiSecurityHeaders(c, next) {
    if (c.req.path === DOCS_PATH) return docs(c, next);
    return (DOSSIER_PATH.test(c.req.path) ? dossier : api)(c, next);
  };
}
