CREATE TABLE `job_watermarks` (
	`name` text PRIMARY KEY NOT NULL,
	`last_id` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO `job_watermarks` (name, last_id) VALUES ('votes', 0), ('comments', 0), ('idea_events', 0), ('review_assignments', 0), ('point_ledger', 0), ('user_badges', 0), ('award_recipients', 0);
