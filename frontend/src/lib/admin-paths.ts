/** Paths of the administration pages, shared by the navigation, the pages and their links. */
export const ADMIN_PATH = "/admin";
export const PLATFORM_PATH = "/platform";
export const SETTINGS_PATH = "/admin/pengaturan";
export const RULES_PATH = "/admin/poin";
export const MODERATION_PATH = "/admin/moderasi";
export const AUDIT_PATH = "/admin/audit";
export const UNITS_PATH = "/admin/unit";

/** An agency's public library, by its short name (its slug). */
export const publicLibraryPath = (agencySlug: string) => `/pustaka/instansi/${encodeURIComponent(agencySlug)}`;
export const WEBHOOKS_PATH = "/admin/webhook";
/** The agency's own identity provider (OpenID Connect) and whether passwords still sign in. */
export const OIDC_PATH = "/admin/sso";
export const SERVICE_TOKENS_PATH = "/admin/token-layanan";
