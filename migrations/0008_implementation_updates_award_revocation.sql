CREATE TABLE `implementation_updates` (
	`id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`idea_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`body` text NOT NULL,
	`figures` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idea_id`) REFERENCES `implementation_reports`(`idea_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `implementation_updates_idea` ON `implementation_updates` (`idea_id`,`id`);--> statement-breakpoint
ALTER TABLE `awards` ADD `revoked_at` integer;--> statement-breakpoint
ALTER TABLE `awards` ADD `revoked_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `awards` ADD `revocation_reason` text;--> statement-breakpoint
ALTER TABLE `implementation_reports` ADD `results` text;