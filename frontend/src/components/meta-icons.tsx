/** Small line icons beside counts; decorative, the words next to them say the same. */
const common = {
  width: 16,
  height: 16,
  viewBox: "0 0 16 16",
  fill: "none",
  stroke: "currentColor",
  "stroke-width": 1.6,
  "stroke-linecap": "round",
  "stroke-linejoin": "round",
  "aria-hidden": "true",
  focusable: "false",
} as const;

/** A raised thumb: support (votes). */
export function SupportIcon() {
  return (
    <svg {...common}>
      <path d="M5 7v7H2.5V7H5Zm0 0 2.8-5c1.2 0 1.9.9 1.6 2.1L9 6h3.6a1.4 1.4 0 0 1 1.4 1.7l-1.1 5A1.7 1.7 0 0 1 11.2 14H5" />
    </svg>
  );
}

/** A speech bubble: comments. */
export function CommentIcon() {
  return (
    <svg {...common}>
      <path d="M2.5 3.5h11v7.5H7l-3 2.5V11H2.5Z" />
    </svg>
  );
}

/** A calendar: a date. */
export function CalendarIcon() {
  return (
    <svg {...common}>
      <rect x="2.5" y="3.5" width="11" height="10" rx="1.5" />
      <path d="M2.5 7h11M5.5 2v3M10.5 2v3" />
    </svg>
  );
}

/** Two linked circles: replication between agencies. */
export function ReplicateIcon() {
  return (
    <svg {...common}>
      <circle cx="5" cy="8" r="3" />
      <circle cx="11" cy="8" r="3" />
    </svg>
  );
}
