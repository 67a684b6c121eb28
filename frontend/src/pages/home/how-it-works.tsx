import type { FunctionComponent } from "preact";
import { t, type PlainKey } from "../../i18n";
import { AwardIcon, DiscussIcon, SubmitIcon } from "./step-icons";

type Step = { Icon: FunctionComponent; title: PlainKey; text: PlainKey };

const STEPS: readonly Step[] = [
  { Icon: SubmitIcon, title: "home.step1.title", text: "home.step1.text" },
  { Icon: DiscussIcon, title: "home.step2.title", text: "home.step2.text" },
  { Icon: AwardIcon, title: "home.step3.title", text: "home.step3.text" },
];

/** Ajukan ide → Dukung & diskusikan → Dinilai & diapresiasi, as an ordered list of cards. */
export function HowItWorks() {
  return (
    <section class="how-it-works" aria-labelledby="how-it-works-title">
      <h2 id="how-it-works-title">{t("home.stepsTitle")}</h2>
      <ol class="steps">
        {STEPS.map(({ Icon, title, text }, index) => (
          <li class="step" key={title}>
            <span class="step-icon">
              <Icon />
            </span>
            <span class="step-number" aria-hidden="true">
              {index + 1}
            </span>
            <h3>{t(title)}</h3>
            <p>{t(text)}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
