CREATE TABLE `participants` (
	`agency_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`activity` text NOT NULL,
	`unit_id` integer NOT NULL,
	PRIMARY KEY(`agency_id`, `campaign_id`, `activity`, `user_id`),
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `stats_counters` (
	`agency_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`metric` text NOT NULL,
	`bucket` text NOT NULL,
	`value` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`agency_id`, `campaign_id`, `metric`, `bucket`),
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ideas_replicated` ON `ideas` (`agency_id`,`replication_count`);--> statement-breakpoint
CREATE INDEX `review_assignments_due` ON `review_assignments` (`due_at`);--> statement-breakpoint
INSERT INTO `job_watermarks` (name, last_id) VALUES ('stats_idea_events', 0), ('stats_votes', 0), ('stats_comments', 0), ('asn_units', 0);
