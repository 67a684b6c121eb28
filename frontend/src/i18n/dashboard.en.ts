import type { dashboardId } from "./dashboard.id.ts";

/** English for the dashboard: exactly the keys of `dashboard.id.ts`. */
export const dashboardEn = {
  "nav.dashboard": "Dashboard",

  "dashboard.title": "Innovation dashboard",
  "dashboard.lead":
    "How the innovation culture of your agency grows: civil servants taking part, the flow of ideas, and innovations others adopt.",
  "dashboard.loading": "Loading the dashboard…",
  "dashboard.downloadsTitle": "Download data (CSV)",
  "dashboard.downloadsLead": "For Excel or LibreOffice. Votes are counted per unit, never with the voters' names.",
  "dashboard.downloadsCampaign":
    "Ideas and votes of the chosen campaign; awards and points of the whole agency. Votes never name the voters.",
  "dashboard.downloadIdeas": "List of ideas",
  "dashboard.downloadVotes": "Votes per unit",
  "dashboard.downloadAwards": "Awards and certificates",
  "dashboard.downloadLedger": "Point ledger",
  "dashboard.forbidden": "The dashboard is for the agency's leaders and admins.",
  "dashboard.scope": "Scope",
  "dashboard.wholeAgency": "Whole agency",
  "dashboard.asnTotal": "Active civil servants",
  "dashboard.participation": "Participation",
  "dashboard.participationNote": "{any} of {asn} civil servants submitted, supported or commented",
  "dashboard.submitted": "Ideas submitted",
  "dashboard.daysToDecision": "Average time to a decision",
  "dashboard.days": "{days} days",
  "dashboard.noDecisions": "No decisions yet",
  "dashboard.funnelTitle": "Flow of ideas",
  "dashboard.funnelLead": "How many ideas ever reached each step, and their share of the ideas submitted.",
  "dashboard.monthsTitle": "Ideas submitted per month (last 12 months)",
  "dashboard.categoriesTitle": "Ideas per category",
  "dashboard.unitsTitle": "Ideas per unit",
  "dashboard.noCategory": "No category",
  "dashboard.participationTitle": "Participation per unit",
  "dashboard.participationLead":
    "The share of each unit's civil servants who submitted, supported or commented on ideas.",
  "dashboard.shareOf": "{share} · {any} of {asn}",
  "dashboard.replicatedTitle": "Most replicated innovations",
  "dashboard.replicatedEmpty": "No innovation of this agency has been replicated by another agency yet.",
  "dashboard.replicatedBy": "replicated {count} times",

  "funnel.submitted": "Submitted",
  "funnel.in_review": "Reviewed",
  "funnel.shortlisted": "Shortlisted",
  "funnel.approved": "Approved",
  "funnel.implemented": "Implemented",
  "funnel.rejected": "Rejected",

  "chart.showData": "Show the data as a table",
  "chart.empty": "no data yet",
  "chart.step": "Step",
  "chart.ideas": "Ideas",
  "chart.month": "Month",
  "chart.name": "Name",
  "chart.unit": "Unit",
  "chart.participation": "Participation",
} as const satisfies Record<keyof typeof dashboardId, string>;
