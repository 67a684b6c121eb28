/**
 * The shape of the authorization matrix. Each feature keeps its rows in `test/authz/<feature>.matrix.ts`
 * (exporting `matrix: MatrixEntry[]`); `test/authz-matrix.test.ts` merges every such file and fails
 * when an operation of `/api/openapi.json` has no row.
 */
import type { createPersonas } from "../fixtures/builders";
import { PERSONA_NAMES } from "../fixtures/builders";

export const MATRIX_PERSONAS = ["anonymous", ...PERSONA_NAMES] as const;
export type MatrixPersona = (typeof MATRIX_PERSONAS)[number];

/** The personas of one agency (each signed in) and the admin of another agency. */
export type MatrixFixtures = Awaited<ReturnType<typeof createPersonas>>;

export type MatrixRequest = {
  /** the concrete path, with this agency's ids in it */
  path: string;
  body?: unknown;
  /** a multipart body instead of JSON */
  form?: FormData;
  headers?: Record<string, string>;
};

export type MatrixEntry = {
  /** `METHOD /api/v1/...` exactly as `/api/openapi.json` names the operation */
  route: `${"GET" | "POST" | "PUT" | "PATCH" | "DELETE"} /api/${string}`;
  /**
   * A valid request for one persona; may create the rows it acts on, so a persona's request
   * never depends on what another persona's request did.
   */
  request: (fx: MatrixFixtures, persona: MatrixPersona) => MatrixRequest | Promise<MatrixRequest>;
  expect: Record<MatrixPersona, number>;
  /**
   * The request ends the caller's sessions: it runs as a freshly signed-in stand-in with the
   * persona's roles, agency and unit, so the shared personas stay signed in.
   */
  standIn?: boolean;
};

/**
 * Expected statuses: the named personas, and `rest` for every other one.
 * @example statuses({ anonymous: 401, admin: 200, otherAdmin: 404 }, 403)
 */
export function statuses(named: Partial<Record<MatrixPersona, number>>, rest: number): Record<MatrixPersona, number> {
  return Object.fromEntries(MATRIX_PERSONAS.map((p) => [p, named[p] ?? rest])) as Record<MatrixPersona, number>;
}
