CREATE TABLE `idea_reports` (
	`idea_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`idea_id`, `user_id`),
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `agencies` ADD `time_zone` text DEFAULT 'Asia/Jakarta' NOT NULL;--> statement-breakpoint
ALTER TABLE `agencies` ADD `active` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `agencies` ADD `deactivated_at` integer;--> statement-breakpoint
ALTER TABLE `agencies` ADD `emblem_key` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `hidden_at` integer;--> statement-breakpoint
ALTER TABLE `ideas` ADD `hidden_reason` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `hidden_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `ideas` ADD `report_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `ideas_reported` ON `ideas` (`agency_id`,`report_count`);--> statement-breakpoint
CREATE INDEX `ideas_hidden` ON `ideas` (`agency_id`,`hidden_at`) WHERE hidden_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `audit_log_actor_at` ON `audit_log` (`actor_id`,`at`);--> statement-breakpoint
CREATE INDEX `comments_hidden` ON `comments` (`agency_id`,`hidden_at`) WHERE hidden_at IS NOT NULL;