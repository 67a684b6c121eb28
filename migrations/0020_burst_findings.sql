CREATE TABLE `idea_burst_findings` (
	`idea_id` integer PRIMARY KEY NOT NULL,
	`vote_count` integer NOT NULL,
	`flagged` integer NOT NULL,
	`window_start` integer,
	`window_end` integer,
	`window_votes` integer,
	`window_from_author_unit` integer,
	`computed_at` integer NOT NULL
);
--> statement-breakpoint
-- A kept finding is that of the idea's current votes: every vote and retraction forgets it.
CREATE TRIGGER `votes_forget_burst_insert` AFTER INSERT ON `votes` BEGIN
  DELETE FROM idea_burst_findings WHERE idea_id = new.idea_id;
END;
--> statement-breakpoint
CREATE TRIGGER `votes_forget_burst_delete` AFTER DELETE ON `votes` BEGIN
  DELETE FROM idea_burst_findings WHERE idea_id = old.idea_id;
END;
