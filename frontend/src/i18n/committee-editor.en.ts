import type { committeeEditorId } from "./committee-editor.id.ts";

/** English for the committee editor and the vote-burst flag: exactly the keys of `committee-editor.id.ts`. */
export const committeeEditorEn = {
  "committeeEditor.title": "Review committee",
  "committeeEditor.lead":
    "Appoint the chair (leads the review, decides the shortlist) and the reviewers (score ideas on the rubric). Search by name or NIP, then save the whole committee at once.",
  "committeeEditor.perIdea": "Each idea is reviewed by {count} reviewers (set under Rules above).",
  "committeeEditor.unitRuleOn":
    "Unit conflict rule on: reviewers never review ideas of their own unit or a unit above or below it.",
  "committeeEditor.unitRuleOff": "Unit conflict rule off: reviewers may review ideas of their own unit.",
  "committeeEditor.loading": "Loading the committee…",
  "committeeEditor.empty": "No members yet. Search below to appoint a chair and reviewers.",
  "committeeEditor.membersLabel": "Committee members",
  "committeeEditor.openWork": "{count} reviews not submitted yet",
  "committeeEditor.makeChair": "Make chair",
  "committeeEditor.makeReviewer": "Make reviewer",
  "committeeEditor.makeChairLabel": "Make {name} chair",
  "committeeEditor.makeReviewerLabel": "Make {name} a reviewer",
  "committeeEditor.remove": "Remove",
  "committeeEditor.removeLabel": "Remove {name} from the committee",
  "committeeEditor.noChair": "The committee has no chair. Appoint at least one before saving.",
  "committeeEditor.fewReviewers":
    "The committee has {count} reviewers while each idea needs {needed}. Ideas will be short of reviewers.",
  "committeeEditor.leavingTitle": "Leaving when you save",
  "committeeEditor.leavingWithWork": "Still has {count} unsubmitted reviews: they will pass to other reviewers.",
  "committeeEditor.leavingNoWork": "No open reviews.",
  "committeeEditor.undo": "Undo",
  "committeeEditor.undoLabel": "Keep {name} on the committee",
  "committeeEditor.searchLabel": "Find people",
  "committeeEditor.searchHint": "Type at least 2 letters of a name, or the start of a NIP.",
  "committeeEditor.searching": "Searching…",
  "committeeEditor.noneFound": "No active person matches «{q}».",
  "committeeEditor.found": "{count} people found.",
  "committeeEditor.resultsLabel": "Search results",
  "committeeEditor.nip": "NIP {nip}",
  "committeeEditor.alreadySeated": "Already on the committee.",
  "committeeEditor.addReviewer": "Add as reviewer",
  "committeeEditor.addReviewerLabel": "Add {name} as a reviewer",
  "committeeEditor.addChair": "Add as chair",
  "committeeEditor.addChairLabel": "Add {name} as chair",
  "committeeEditor.noRoleHint":
    "Not a Reviewer yet. Committee members need this role; granting it changes this person's account and is recorded in the audit log.",
  "committeeEditor.grant": "Grant the Reviewer role and add",
  "committeeEditor.grantLabel": "Grant {name} the Reviewer role and add them as a reviewer",
  "committeeEditor.granting": "Granting…",
  "committeeEditor.conflictAuthored":
    "Author or team member of {count} ideas of this campaign: never assigned to review them.",
  "committeeEditor.conflictSameUnit": "Same unit as the authors of {count} ideas: will not review them (unit rule).",
  "committeeEditor.save": "Save committee",
  "committeeEditor.saving": "Saving…",
  "committeeEditor.saved": "Committee saved.",
  "committeeEditor.toBoard": "Open the committee board",
  "committeeEditor.movedTitle": "{count} reviews passed on (the people concerned were notified):",
  "committeeEditor.moved": "«{title}»: from {from} to {to}",
  "committeeEditor.reassignTitle": "Pass on the unsubmitted reviews?",
  "committeeEditor.reassignText":
    "{names} still have {count} unsubmitted reviews. They will move to the remaining reviewers: load spread evenly, never to an author or team member of the idea, and the unit rule respected. Their drafts are deleted; submitted reviews keep counting. Everyone concerned is notified.",
  "committeeEditor.reassignConfirm": "Remove and pass on",

  "code.committee.unknown_user": "This person was not found or their account is inactive in your agency.",
  "code.committee.not_a_reviewer": "This person does not have the Reviewer role yet. Grant it first.",
  "code.committee.duplicate_member": "This person is listed twice.",
  "code.committee.chair_required": "Appoint at least one committee chair.",
  "code.committee.no_eligible_reviewer":
    "No remaining reviewer may take over some of the reviews (they are authors, team members or of the idea's unit). Add another reviewer without a conflict and save again. Nothing has changed.",

  "burst.flag": "Vote burst",
  "burst.short": "{votes} votes within {minutes} minutes, {fromUnit} from the author's unit",
  "burst.title": "Votes arrived all at once",
  "burst.explain":
    "{votes} votes arrived within less than {minutes} minutes ({start} to {end}), {fromUnit} of them from the author's own unit.",
  "burst.meaning":
    "This often happens when colleagues of one office are asked to vote together. It breaks no rule, but this idea's vote count may not reflect interest from other units. Rubric scores are not affected.",
  "burst.rule":
    "Gagas flags an idea with at least {minVotes} votes when {windowShare}% of them arrived within {minutes} minutes and {unitShare}% of those came from the author's unit.",
  "burst.onlyYou": "Only the committee chair and the admin see this flag.",
  "burst.flagLabel": "Vote burst on {title}: {votes} votes within {minutes} minutes, {fromUnit} from the author's unit",
} as const satisfies Record<keyof typeof committeeEditorId, string>;
