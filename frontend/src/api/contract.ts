/**
 * The API's enums and limits, from the same pure module the route schemas use
 * (`src/domain/contract.ts`): the SPA shows the server's values instead of restating them.
 * @example <input maxLength={IDEA_LIMITS.title[1]} />
 */
export * from "../../../src/domain/contract";
