import type { Messages } from "./messages";

/** English: must have exactly the keys of `id.ts` (the type checker enforces it). */
export const en = {
  "app.name": "Gagas",
  "app.tagline": "Innovation ideas platform for civil servants",

  "a11y.skipToContent": "Skip to main content",
  "a11y.mainNav": "Main navigation",
  "a11y.language": "Language",
  "a11y.home": "Gagas — home",

  "nav.home": "Home",
  "nav.about": "About",

  "language.id": "ID",
  "language.idName": "Bahasa Indonesia",
  "language.en": "EN",
  "language.enName": "English",

  "footer.tagline": "Gagas — innovation ideas platform for civil servants",
  "footer.apiDocs": "API documentation",
  "footer.version": "Version {version}",

  "loading.label": "Loading…",
  "action.retry": "Try again",
  "action.reload": "Reload the page",

  "home.title": "Your idea, a better public service",
  "home.lead":
    "Gagas is where civil servants (ASN) submit innovation ideas, discuss them with colleagues, and are recognised for ideas that improve public services.",
  "home.stepsTitle": "How it works",
  "home.step1.title": "Submit an idea",
  "home.step1.text": "Describe a problem you see at work and how you would fix it.",
  "home.step2.title": "Support & discuss",
  "home.step2.text": "Fellow civil servants back the idea and help it mature with their feedback.",
  "home.step3.title": "Reviewed & recognised",
  "home.step3.text": "Reviewers assess the best ideas, and their authors are rewarded.",
  "home.statusTitle": "Service status",

  "status.loading": "Checking the service…",
  "status.ok": "The service is running normally.",
  "status.degraded": "The service is disrupted; some features may not work yet.",

  "about.title": "About Gagas",
  "about.p1":
    "Gagas supports the Public Service Innovation Competition (KIPP): every civil servant can contribute ideas, not only their agency's innovation team.",
  "about.p2":
    "In the era of digital civil servants, innovation comes from the people who serve citizens every day. Gagas helps those ideas be seen, discussed openly and judged fairly.",
  "about.p3":
    "Gagas is available in Bahasa Indonesia and English, and is designed to be comfortable to use on a phone.",

  "notFound.title": "Page not found",
  "notFound.text": "The address you opened does not exist or has moved.",
  "notFound.back": "Back to the home page",

  "problem.title": "Something went wrong",
  "problem.reference": "Reference code: {requestId}",
  "problem.generic": "The request could not be processed. Please try again later.",
  // Problem `code`s from the API (and `network.unreachable`, `client.unexpected` made here).
  "code.network.unreachable": "Cannot reach the server. Check your internet connection and try again.",
  "code.not_found": "What you are looking for was not found.",
  "code.forbidden": "You are not allowed to do this.",
  "code.validation_failed": "Some fields are not valid. Check them and send again.",
  "code.request.malformed_json": "The server could not read the request.",
  "code.request.too_large": "The data you sent is too large.",
  "code.request.unsupported_media_type": "The type of data you sent is not supported.",
  "code.http.method_not_allowed": "This action is not supported at that address.",
  "code.internal": "Something went wrong on our side. Please try again later.",
  "code.auth.required": "Please sign in first.",
  "code.auth.invalid_credentials": "Wrong NIP/email or password.",
  "code.auth.throttled": "Too many sign-in attempts. Wait a moment and try again.",
  "code.auth.password_change_required": "Change your password before you continue.",
  "code.csrf.cross_origin":
    "The request was refused because it did not come from this site. Reload the page and try again.",
  "code.client.unexpected": "This page ran into an error. Reload to try again.",
} as const satisfies Messages;
