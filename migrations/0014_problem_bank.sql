CREATE TABLE `complaints` (
	`id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`problem_id` integer NOT NULL,
	`external_id` text NOT NULL,
	`received_at` integer NOT NULL,
	`channel` text DEFAULT '' NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`text` text NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`unit_id` integer,
	`status` text DEFAULT '' NOT NULL,
	`imported_by` integer,
	`imported_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`problem_id`) REFERENCES `problems`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_agency_external` ON `complaints` (`agency_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `complaints_problem` ON `complaints` (`problem_id`,`received_at`);--> statement-breakpoint
CREATE TABLE `problem_campaigns` (
	`problem_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`problem_id`, `campaign_id`),
	FOREIGN KEY (`problem_id`) REFERENCES `problems`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `problem_campaigns_campaign` ON `problem_campaigns` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `problem_ideas` (
	`problem_id` integer NOT NULL,
	`idea_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`linked_by` integer,
	`linked_at` integer NOT NULL,
	PRIMARY KEY(`problem_id`, `idea_id`),
	FOREIGN KEY (`problem_id`) REFERENCES `problems`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`linked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `problem_ideas_idea` ON `problem_ideas` (`idea_id`);--> statement-breakpoint
CREATE TABLE `problems` (
	`id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`unit_id` integer,
	`category` text DEFAULT '' NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`signature` text DEFAULT '' NOT NULL,
	`complaint_count` integer DEFAULT 0 NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "problems_count" CHECK("problems"."complaint_count" >= 0)
);
--> statement-breakpoint
CREATE INDEX `problems_agency_count` ON `problems` (`agency_id`,`complaint_count`,`id`);--> statement-breakpoint
CREATE INDEX `problems_agency_group` ON `problems` (`agency_id`,`unit_id`,`category`);