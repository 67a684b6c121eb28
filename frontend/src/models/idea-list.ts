import { listIdeas, type IdeaQuery, type IdeaSummary } from "../api/ideas";
import { createPagedList } from "./paged-list";

/** The idea list of `/ide`, kept while the person opens an idea and comes back. */
export const ideaList = createPagedList<IdeaSummary, IdeaQuery>(
  (query, cursor) => listIdeas(query, cursor),
  (query) => JSON.stringify(query),
);
