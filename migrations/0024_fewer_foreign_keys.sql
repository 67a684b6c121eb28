-- Issue 22: every foreign key costs a read of the row it points at, on every insert. A vote and
-- a ledger row copy the agency, campaign and unit from the rows they are written from, so those
-- keys checked nothing the write had not just read; the idea, the person paid and the actor keep
-- theirs. SQLite cannot drop a foreign key, so both tables are rebuilt (nothing references them).
CREATE TABLE `__new_point_ledger` (
	`id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`points` integer NOT NULL,
	`event_type` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` integer NOT NULL,
	`rule_key` text NOT NULL,
	`rules_version` integer NOT NULL,
	`idempotency_key` text NOT NULL,
	`actor_id` integer,
	`day` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_point_ledger`("id", "agency_id", "user_id", "unit_id", "points", "event_type", "subject_type", "subject_id", "rule_key", "rules_version", "idempotency_key", "actor_id", "day", "at") SELECT "id", "agency_id", "user_id", "unit_id", "points", "event_type", "subject_type", "subject_id", "rule_key", "rules_version", "idempotency_key", "actor_id", "day", "at" FROM `point_ledger`;--> statement-breakpoint
DROP TABLE `point_ledger`;--> statement-breakpoint
ALTER TABLE `__new_point_ledger` RENAME TO `point_ledger`;--> statement-breakpoint
CREATE UNIQUE INDEX `point_ledger_idempotency_key_unique` ON `point_ledger` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `point_ledger_user_at` ON `point_ledger` (`user_id`,`at`);--> statement-breakpoint
CREATE INDEX `point_ledger_user_rule_day_points` ON `point_ledger` (`user_id`,`rule_key`,`day`,`points`);--> statement-breakpoint
CREATE TABLE `__new_votes` (
	`id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`idea_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_votes`("id", "agency_id", "campaign_id", "idea_id", "user_id", "unit_id", "created_at") SELECT "id", "agency_id", "campaign_id", "idea_id", "user_id", "unit_id", "created_at" FROM `votes`;--> statement-breakpoint
DROP TABLE `votes`;--> statement-breakpoint
ALTER TABLE `__new_votes` RENAME TO `votes`;--> statement-breakpoint
CREATE UNIQUE INDEX `votes_idea_user` ON `votes` (`idea_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `votes_user_campaign` ON `votes` (`user_id`,`campaign_id`);--> statement-breakpoint
-- the rebuild dropped the triggers of 0020_burst_findings: a kept finding is that of the idea's
-- current votes, so every vote and retraction forgets it
CREATE TRIGGER `votes_forget_burst_insert` AFTER INSERT ON `votes` BEGIN
  DELETE FROM idea_burst_findings WHERE idea_id = new.idea_id;
END;
--> statement-breakpoint
CREATE TRIGGER `votes_forget_burst_delete` AFTER DELETE ON `votes` BEGIN
  DELETE FROM idea_burst_findings WHERE idea_id = old.idea_id;
END;
