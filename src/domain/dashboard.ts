/**
 * Dashboard figures from the scheduler's counters (pure): the funnel, ideas per month (the last 12,
 * zeros included), per category and unit, participation per unit and the mean time to a decision.
 */
import { localMonth, type TimeZone } from "./time-zone.ts";

export type CounterRow = { metric: string; bucket: string; value: number };
export type UnitRow = { id: number; name: string };

const FUNNEL = ["submitted", "in_review", "shortlisted", "approved", "implemented", "rejected"] as const;
const ACTIVITIES = ["submitted", "voted", "commented", "any"] as const;
const DAY_MS = 86_400_000;

/** The 12 months up to and including `now`'s month on the agency's clock, oldest first. */
export function lastMonths(now: number, zone: TimeZone, count = 12): string[] {
  const [year, month] = localMonth(now, zone).split("-").map(Number) as [number, number];
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(year, month - 1 - i, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`);
  }
  return months;
}

/**
 * @param counters the scope's counters (agency or campaign)
 * @param unitSizes the agency's `asn_unit` counters (active ASN per unit)
 */
export function buildDashboard(
  counters: CounterRow[],
  unitSizes: CounterRow[],
  units: UnitRow[],
  clock: { now: number; zone: TimeZone },
) {
  const get = (metric: string, bucket: string) =>
    counters.find((c) => c.metric === metric && c.bucket === bucket)?.value ?? 0;
  const of = (metric: string) => counters.filter((c) => c.metric === metric);
  const unitName = new Map(units.map((u) => [String(u.id), u.name]));

  const participation = units
    .map((u) => {
      const asn = unitSizes.find((s) => s.bucket === String(u.id))?.value ?? 0;
      const counts = Object.fromEntries(ACTIVITIES.map((a) => [a, get("participants_unit", `${a}:${u.id}`)])) as Record<
        (typeof ACTIVITIES)[number],
        number
      >;
      return { unitId: u.id, unitName: u.name, asn, ...counts, share: asn > 0 ? Math.min(1, counts.any / asn) : 0 };
    })
    .filter((row) => row.asn > 0 || row.any > 0)
    .sort((a, b) => b.share - a.share || a.unitName.localeCompare(b.unitName));
  const total = (key: "asn" | (typeof ACTIVITIES)[number]) => participation.reduce((sum, row) => sum + row[key], 0);
  const decisions = get("decision_count", "all");

  return {
    participation: {
      asnTotal: total("asn"),
      submitted: total("submitted"),
      voted: total("voted"),
      commented: total("commented"),
      any: total("any"),
      byUnit: participation,
    },
    funnel: Object.fromEntries(FUNNEL.map((step) => [step, get("funnel", step)])) as Record<
      (typeof FUNNEL)[number],
      number
    >,
    ideasPerMonth: lastMonths(clock.now, clock.zone).map((month) => ({ month, count: get("submitted_month", month) })),
    ideasPerCategory: of("submitted_category")
      .map((c) => ({ category: c.bucket, count: c.value }))
      .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
    ideasPerUnit: of("submitted_unit")
      .map((c) => ({ unitId: Number(c.bucket), unitName: unitName.get(c.bucket) ?? "", count: c.value }))
      .sort((a, b) => b.count - a.count || a.unitName.localeCompare(b.unitName)),
    averageDaysToDecision:
      decisions > 0 ? Math.round((get("decision_ms_sum", "all") / decisions / DAY_MS) * 10) / 10 : null,
  };
}
