/**
 * Who may do what. One table of rules; routes ask through guards (`middlewares/guard.ts`) and
 * handlers through {@link decide}. Tenancy first: an object of another agency is "not_found"
 * (404, so ids do not leak), never "forbidden".
 */
import type { Role } from "./roles";

export type Actor = {
  userId: number;
  agencyId: number;
  unitId: number;
  roles: readonly Role[];
};

/** What the rule needs to know about the object acted on. */
export type Target = { agencyId?: number; ownerId?: number };

export type Decision = "allow" | "forbidden" | "not_found";

const has = (actor: Actor, ...roles: Role[]) => roles.some((r) => actor.roles.includes(r));
const isSelf = (actor: Actor, target: Target) => target.ownerId !== undefined && target.ownerId === actor.userId;

const RULES = {
  /** platform: list and create agencies */
  "agency.manage": (a: Actor) => has(a, "superadmin"),
  /** read the agency's unit tree and colleagues (names, units, positions) */
  "directory.read": () => true,
  "unit.manage": (a: Actor) => has(a, "admin"),
  "user.manage": (a: Actor) => has(a, "admin"),
  /** NIP and e-mail: the admin of the agency, or the person themself (UU PDP) */
  "user.read_private": (a: Actor, t: Target) => has(a, "admin") || isSelf(a, t),
  "audit.read": (a: Actor) => has(a, "admin"),
  "self.manage": (a: Actor, t: Target) => isSelf(a, t),
} satisfies Record<string, (actor: Actor, target: Target) => boolean>;

export type Action = keyof typeof RULES;
export const ACTIONS = Object.keys(RULES) as Action[];

/**
 * @param actor the signed-in person
 * @param action what they want to do
 * @param target the object's agency and owner, when there is one
 * @example decide(actor, "user.manage", { agencyId: user.agencyId }) // "allow" | "forbidden" | "not_found"
 */
export function decide(actor: Actor, action: Action, target: Target = {}): Decision {
  const crossAgency = target.agencyId !== undefined && target.agencyId !== actor.agencyId;
  if (crossAgency && !(action === "agency.manage" && has(actor, "superadmin"))) return "not_found";
  return RULES[action](actor, target) ? "allow" : "forbidden";
}

export const can = (actor: Actor, action: Action, target: Target = {}) => decide(actor, action, target) === "allow";
