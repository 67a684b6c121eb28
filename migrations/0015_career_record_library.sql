CREATE TABLE `career_records` (
	`id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`code` text NOT NULL,
	`content` text NOT NULL,
	`issued_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `career_records_code_unique` ON `career_records` (`code`);--> statement-breakpoint
CREATE INDEX `career_records_user` ON `career_records` (`user_id`,`id`);--> statement-breakpoint
CREATE TABLE `career_shares` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`code` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `career_shares_code_unique` ON `career_shares` (`code`);--> statement-breakpoint
ALTER TABLE `implementation_reports` ADD `form` text;