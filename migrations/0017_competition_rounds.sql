CREATE TABLE `competition_entries` (
	`id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`idea_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`entry_group` text NOT NULL,
	`operating_since` text NOT NULL,
	`year` integer NOT NULL,
	`entered_by` integer NOT NULL,
	`entered_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `competition_entries_idea` ON `competition_entries` (`campaign_id`,`idea_id`);--> statement-breakpoint
CREATE INDEX `competition_entries_idea_year` ON `competition_entries` (`idea_id`,`year`);--> statement-breakpoint
CREATE INDEX `competition_entries_unit` ON `competition_entries` (`campaign_id`,`unit_id`,`entry_group`);--> statement-breakpoint
CREATE TABLE `competition_rounds` (
	`id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`weight` integer NOT NULL,
	`advance_mode` text NOT NULL,
	`advance_value` integer,
	`items` text NOT NULL,
	`blind` integer DEFAULT true NOT NULL,
	`normalised` integer DEFAULT false NOT NULL,
	`slot_start` integer,
	`slot_minutes` integer,
	`state` text DEFAULT 'draft' NOT NULL,
	`opened_at` integer,
	`closed_at` integer,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "competition_rounds_weight" CHECK("competition_rounds"."weight" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `competition_rounds_position` ON `competition_rounds` (`campaign_id`,`position`);--> statement-breakpoint
CREATE TABLE `competitions` (
	`campaign_id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`gates` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `guest_reviewers` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`institution` text NOT NULL,
	`expertise` text DEFAULT '' NOT NULL,
	`invited_by` integer NOT NULL,
	`invited_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `guest_reviewers_agency` ON `guest_reviewers` (`agency_id`,`invited_at`);--> statement-breakpoint
CREATE TABLE `round_assignments` (
	`id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`round_id` integer NOT NULL,
	`entry_id` integer NOT NULL,
	`reviewer_id` integer NOT NULL,
	`conflict` text DEFAULT 'undeclared' NOT NULL,
	`conflict_reason` text DEFAULT '' NOT NULL,
	`scores` text DEFAULT '{}' NOT NULL,
	`score` real,
	`note` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`submitted_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `competition_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `competition_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `round_assignments_sheet` ON `round_assignments` (`round_id`,`entry_id`,`reviewer_id`);--> statement-breakpoint
CREATE INDEX `round_assignments_reviewer` ON `round_assignments` (`reviewer_id`,`round_id`);--> statement-breakpoint
CREATE TABLE `round_entries` (
	`round_id` integer NOT NULL,
	`entry_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`outcome` text DEFAULT 'pending' NOT NULL,
	`score` real,
	`raw_score` real,
	`rank` integer,
	`scheduled_at` integer,
	PRIMARY KEY(`round_id`, `entry_id`),
	FOREIGN KEY (`round_id`) REFERENCES `competition_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `competition_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `round_entries_entry` ON `round_entries` (`entry_id`);--> statement-breakpoint
CREATE TABLE `round_members` (
	`round_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`round_id`, `user_id`),
	FOREIGN KEY (`round_id`) REFERENCES `competition_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `round_members_user` ON `round_members` (`user_id`);