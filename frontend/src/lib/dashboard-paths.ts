/** The dashboard, for the navigation and the page; `?kampanye=<id>` narrows it to one campaign. */
export const DASHBOARD_PATH = "/dasbor";

export const dashboardPath = (campaignId?: number | null) =>
  campaignId ? `${DASHBOARD_PATH}?kampanye=${campaignId}` : DASHBOARD_PATH;
