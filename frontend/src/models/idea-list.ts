import { listIdeas, type IdeaQuery, type IdeaSummary } from "../api/ideas";
import { withCopy } from "./offline-copies";
import { createPagedList } from "./paged-list";

/** The idea list of `/ide`, kept while the person opens an idea and comes back. */
export const ideaList = createPagedList<IdeaSummary, IdeaQuery>(
  // the first page of each list opened is kept on this device, so it reads offline too
  (query, cursor) =>
    cursor ? listIdeas(query, cursor) : withCopy(`ideas:${JSON.stringify(query)}`, () => listIdeas(query)),
  (query) => JSON.stringify(query),
);
