CREATE TABLE `search_synonyms` (
	`id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`terms` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `search_synonyms_agency` ON `search_synonyms` (`agency_id`,`id`);--> statement-breakpoint
ALTER TABLE `ideas` ADD `search_title` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `search_problem` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `search_solution` text;--> statement-breakpoint
CREATE INDEX `ideas_search_pending` ON `ideas` (`id`) WHERE search_title IS NULL OR search_problem IS NULL OR search_solution IS NULL;--> statement-breakpoint
CREATE INDEX `award_ideas_idea` ON `award_ideas` (`idea_id`);--> statement-breakpoint
CREATE INDEX `users_never_signed_in` ON `users` (`agency_id`,`created_at`) WHERE last_login_at IS NULL AND active = 1;--> statement-breakpoint
-- Search through one normaliser (src/domain/search-normalise.ts). The index now reads the
-- normalised text of ideas (search_*), or the raw text while that is still null; the scheduler
-- normalises pending ideas (ideas_search_pending) in batches, the triggers keep the index in step.
DROP TRIGGER IF EXISTS `ideas_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `ideas_fts_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `ideas_fts_update`;
--> statement-breakpoint
DROP TABLE IF EXISTS `ideas_fts`;
--> statement-breakpoint
CREATE VIEW `ideas_search` AS SELECT id, coalesce(search_title, title) AS title, coalesce(search_problem, problem) AS problem, coalesce(search_solution, solution) AS solution FROM ideas;
--> statement-breakpoint
CREATE VIRTUAL TABLE `ideas_fts` USING fts5(title, problem, solution, content='ideas_search', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE TRIGGER `ideas_fts_insert` AFTER INSERT ON `ideas` BEGIN
  INSERT INTO ideas_fts(rowid, title, problem, solution) VALUES (new.id, coalesce(new.search_title, new.title), coalesce(new.search_problem, new.problem), coalesce(new.search_solution, new.solution));
END;
--> statement-breakpoint
CREATE TRIGGER `ideas_fts_delete` AFTER DELETE ON `ideas` BEGIN
  INSERT INTO ideas_fts(ideas_fts, rowid, title, problem, solution) VALUES ('delete', old.id, coalesce(old.search_title, old.title), coalesce(old.search_problem, old.problem), coalesce(old.search_solution, old.solution));
END;
--> statement-breakpoint
CREATE TRIGGER `ideas_fts_update` AFTER UPDATE OF title, problem, solution, search_title, search_problem, search_solution ON `ideas` BEGIN
  INSERT INTO ideas_fts(ideas_fts, rowid, title, problem, solution) VALUES ('delete', old.id, coalesce(old.search_title, old.title), coalesce(old.search_problem, old.problem), coalesce(old.search_solution, old.solution));
  INSERT INTO ideas_fts(rowid, title, problem, solution) VALUES (new.id, coalesce(new.search_title, new.title), coalesce(new.search_problem, new.problem), coalesce(new.search_solution, new.solution));
END;
--> statement-breakpoint
INSERT INTO ideas_fts(ideas_fts) VALUES ('rebuild');
