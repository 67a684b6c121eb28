/** Line icons for the three steps; decorative, the step titles say the same thing. */
const common = {
  width: 48,
  height: 48,
  viewBox: "0 0 48 48",
  fill: "none",
  stroke: "currentColor",
  "stroke-width": 2.5,
  "stroke-linecap": "round",
  "stroke-linejoin": "round",
  "aria-hidden": "true",
  focusable: "false",
} as const;

/** A bulb with a plus: put an idea forward. */
export function SubmitIcon() {
  return (
    <svg {...common}>
      <path d="M24 6a12 12 0 0 0-7 21.8V32h14v-4.2A12 12 0 0 0 24 6Z" />
      <path d="M19 37h10M21 42h6" />
      <path d="M24 13v10M19 18h10" />
    </svg>
  );
}

/** Two speech bubbles and a heart: colleagues back and discuss it. */
export function DiscussIcon() {
  return (
    <svg {...common}>
      <path d="M6 10h24v16H16l-6 6v-6H6Z" />
      <path d="M34 18h8v16h-4v6l-6-6H20v-4" />
      <path d="M18 21.5l-4.2-4a2.6 2.6 0 0 1 4.2-3 2.6 2.6 0 0 1 4.2 3Z" />
    </svg>
  );
}

/** A medal: the idea is judged and its author rewarded. */
export function AwardIcon() {
  return (
    <svg {...common}>
      <path d="M16 4l-6 12M32 4l6 12M18 4h12" />
      <circle cx="24" cy="29" r="13" />
      <path d="M24 22l2.1 4.3 4.7.7-3.4 3.3.8 4.7-4.2-2.2-4.2 2.2.8-4.7-3.4-3.3 4.7-.7Z" />
    </svg>
  );
}
