import { competitionsEn } from "./competitions.en.ts";
import { accountEn } from "./account.en.ts";
import { innovationEn } from "./innovation.en.ts";
import { adminEn } from "./admin.en.ts";
import { implementationEn } from "./implementation.en.ts";
import { administrationEn } from "./administration.en.ts";
import { discussionEn } from "./discussion.en.ts";
import { rewardsEn } from "./rewards.en.ts";
import { homeEn } from "./home.en.ts";
import { teamEn } from "./team.en.ts";
import { verifyEn } from "./verify.en.ts";
import { careerEn } from "./career.en.ts";
import { offlineEn } from "./offline.en.ts";
import { dailyEn } from "./daily.en.ts";
import { awardsEn } from "./awards.en.ts";
import { campaignsEn } from "./campaigns.en.ts";
import { dashboardEn } from "./dashboard.en.ts";
import { ideasEn } from "./ideas.en.ts";
import { notificationsEn } from "./notifications.en.ts";
import { reviewsEn } from "./reviews.en.ts";
import { committeeEditorEn } from "./committee-editor.en.ts";
import { pushEn } from "./push.en.ts";
import { oidcEn } from "./oidc.en.ts";
import { problemsEn } from "./problems.en.ts";
import { apiTokensEn } from "./api-tokens.en.ts";
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
  "agencySettings.emblemAlt": "Emblem of {name}",
  "nav.menu": "Menu",
  "notifications.bell": "Notifications",
  "notifications.unreadSuffix": "unread",
  "notifications.announceNew": "{count} new notifications, {total} unread.",
  "notifications.announceOne": "1 new notification, {total} unread.",

  "nav.signIn": "Sign in",
  "account.profileLink": "Profile of {name}",
  "account.signOut": "Sign out",
  "account.signingOut": "Signing out…",
  "account.signOutEverywhere": "Sign out on all devices",

  "form.errorSummary": "There is a problem",
  "form.errorPrefix": "Error:",
  "form.invalidField": "This field is not valid.",
  "form.showPassword": "Show password",

  "signIn.title": "Sign in to Gagas",
  "signIn.lead": "Use your NIP or work e-mail and your password.",
  "signIn.identifier": "NIP or e-mail",
  "signIn.identifierHint": "Your 18-digit NIP or your work e-mail address.",
  "signIn.password": "Password",
  "signIn.submit": "Sign in",
  "signIn.submitting": "Signing in…",
  "signIn.help": "No account yet? Contact the HR admin of your agency.",
  "signIn.identifierRequired": "Enter your NIP or e-mail.",
  "signIn.passwordRequired": "Enter your password.",
  "signIn.invalidCredentials": "Wrong NIP/e-mail or password. Check them and try again.",
  "signIn.throttled": "Too many failed sign-in attempts. Try again in {minutes} minutes.",
  "signIn.throttledMinute": "Too many failed sign-in attempts. Try again in 1 minute.",
  "signIn.signedOut": "You have signed out. See you again!",
  "signIn.signedOutEverywhere": "You have signed out on all devices.",

  "profile.title": "My profile",
  "profile.details": "Personal details",
  "profile.nip": "NIP",
  "profile.email": "E-mail",
  "profile.position": "Position",
  "profile.unit": "Unit",
  "profile.agency": "Agency",
  "profile.roles": "Roles",
  "profile.createdAt": "Account created",
  "profile.lastLogin": "Last signed in",
  "profile.neverSignedIn": "Never",
  "profile.datesLoading": "Loading…",
  "profile.datesFailed": "Could not be loaded. Reload the page to try again.",
  "profile.detailsNote": "Your agency's admin manages these details. Contact them if something is wrong.",
  "profile.sessionsTitle": "Signing out",
  "profile.sessionsText":
    "Signing out on all devices ends your sessions on other phones and computers, for example if you lost a device.",

  "role.asn": "Civil servant (ASN)",
  "role.reviewer": "Reviewer",
  "role.leader": "Leader",
  "role.admin": "Agency admin",
  "role.superadmin": "Platform admin",
  "role.guest": "External reviewer",

  "password.title": "Change password",
  "password.mustChangeTitle": "Create a new password",
  "password.mustChangeLead": "An admin reset your password. Create a new one that only you know before you continue.",
  "password.current": "Current password",
  "password.new": "New password",
  "password.newHint": "8–128 characters. A phrase of a few words is easy to remember and hard to guess.",
  "password.confirm": "Repeat the new password",
  "password.submit": "Save password",
  "password.saving": "Saving…",
  "password.changed": "Your password has been changed. Your sessions on other devices have ended.",
  "password.currentRequired": "Enter your current password.",
  "password.incorrect": "The current password is wrong.",
  "password.tooShort": "The new password must have at least 8 characters.",
  "password.tooLong": "The new password can have at most 128 characters.",
  "password.tooCommon": "This password is too common or easy to guess. Choose another one.",
  "password.confirmRequired": "Repeat your new password.",
  "password.mismatch": "The two new passwords are not the same.",

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
  ...ideasEn,
  ...campaignsEn,
  ...reviewsEn,
  ...committeeEditorEn,
  ...notificationsEn,
  ...dashboardEn,
  ...adminEn,
  ...discussionEn,
  ...rewardsEn,
  ...homeEn,
  ...teamEn,
  ...verifyEn,
  ...careerEn,
  ...offlineEn,
  ...dailyEn,
  ...awardsEn,
  ...administrationEn,
  ...implementationEn,
  ...accountEn,
  ...pushEn,
  ...innovationEn,
  ...oidcEn,
  ...problemsEn,
  ...apiTokensEn,
  ...competitionsEn,
} as const satisfies Messages;
