import { api } from "./client";
import { readJson } from "./read-json";

const ideas = api.api.v1.ideas;
const idea = (id: number) => ({ param: { id: String(id) } });

/** Invite a colleague to co-author. @throws ApiProblem 409 `team.*`, 422 `idea.coauthor_unknown` */
export async function inviteCoauthor(ideaId: number, userId: number) {
  return readJson(await ideas[":id"].coauthors.$post({ ...idea(ideaId), json: { userId } }));
}

/** Accept my invitation. @throws ApiProblem 409 `team.voted` (take your vote back first) */
export async function acceptInvitation(ideaId: number) {
  return readJson(await ideas[":id"].coauthors.accept.$post(idea(ideaId)));
}

/** Leave the team, decline an invitation, or (the author) remove a co-author. */
export async function removeFromTeam(ideaId: number, userId: number) {
  const res = await ideas[":id"].coauthors[":userId"].$delete({
    param: { id: String(ideaId), userId: String(userId) },
  });
  if (!res.ok) await readJson(res as never);
}

/** Remove an attachment (its uploader or an author, while the idea is a draft or submitted). @throws ApiProblem 403, 404, 409 `attachment.closed` */
export async function removeAttachment(ideaId: number, attachmentId: number) {
  const res = await ideas[":id"].attachments[":attachmentId"].$delete({
    param: { id: String(ideaId), attachmentId: String(attachmentId) },
  });
  if (!res.ok) await readJson(res as never);
}

/** @throws ApiProblem 413 `attachment.too_large`, 415 `attachment.unsupported_type`, 409 `attachment.limit_reached` */
export async function uploadAttachment(ideaId: number, file: File) {
  return readJson(await ideas[":id"].attachments.$post({ ...idea(ideaId), form: { file } }));
}
