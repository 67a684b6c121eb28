CREATE TABLE `award_ideas` (
	`award_id` integer NOT NULL,
	`idea_id` integer NOT NULL,
	PRIMARY KEY(`award_id`, `idea_id`),
	FOREIGN KEY (`award_id`) REFERENCES `awards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `award_recipients` (
	`id` integer PRIMARY KEY NOT NULL,
	`award_id` integer NOT NULL,
	`user_id` integer,
	`unit_id` integer,
	`certificate_code` text NOT NULL,
	FOREIGN KEY (`award_id`) REFERENCES `awards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "award_recipients_one" CHECK(("award_recipients"."user_id" IS NULL) <> ("award_recipients"."unit_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `award_recipients_certificate_code_unique` ON `award_recipients` (`certificate_code`);--> statement-breakpoint
CREATE INDEX `award_recipients_award` ON `award_recipients` (`award_id`);--> statement-breakpoint
CREATE INDEX `award_recipients_user` ON `award_recipients` (`user_id`);--> statement-breakpoint
CREATE TABLE `awards` (
	`id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`title` text NOT NULL,
	`citation` text NOT NULL,
	`period_label` text NOT NULL,
	`bonus_points` integer DEFAULT 0 NOT NULL,
	`announced_by` integer NOT NULL,
	`announced_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`announced_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `awards_agency_at` ON `awards` (`agency_id`,`announced_at`);--> statement-breakpoint
CREATE TABLE `campaign_phase_events` (
	`campaign_id` integer NOT NULL,
	`phase` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`campaign_id`, `phase`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `implementation_reports` (
	`idea_id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`implemented_on` text NOT NULL,
	`unit_id` integer NOT NULL,
	`summary` text NOT NULL,
	`evidence_attachment_id` integer,
	`reported_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evidence_attachment_id`) REFERENCES `attachments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notification_mutes` (
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	PRIMARY KEY(`user_id`, `kind`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`dedupe_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe_key_unique` ON `notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notifications_user` ON `notifications` (`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_unread` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE TABLE `point_ledger` (
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
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `point_ledger_idempotency_key_unique` ON `point_ledger` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `point_ledger_user_at` ON `point_ledger` (`user_id`,`at`);--> statement-breakpoint
CREATE INDEX `point_ledger_user_rule_day` ON `point_ledger` (`user_id`,`rule_key`,`day`);--> statement-breakpoint
CREATE TABLE `point_totals` (
	`agency_id` integer NOT NULL,
	`period` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` integer NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`agency_id`, `period`, `subject_type`, `subject_id`),
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `point_totals_board` ON `point_totals` (`agency_id`,`period`,`subject_type`,`points`);--> statement-breakpoint
CREATE TABLE `review_assignments` (
	`id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`idea_id` integer NOT NULL,
	`reviewer_id` integer NOT NULL,
	`due_at` integer NOT NULL,
	`assigned_by` integer,
	`created_at` integer NOT NULL,
	`reminded_at` integer,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_assignments_idea_reviewer` ON `review_assignments` (`idea_id`,`reviewer_id`);--> statement-breakpoint
CREATE INDEX `review_assignments_reviewer` ON `review_assignments` (`reviewer_id`,`due_at`);--> statement-breakpoint
CREATE INDEX `review_assignments_campaign` ON `review_assignments` (`campaign_id`,`reviewer_id`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` integer PRIMARY KEY NOT NULL,
	`assignment_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`idea_id` integer NOT NULL,
	`reviewer_id` integer NOT NULL,
	`scores` text DEFAULT '{}' NOT NULL,
	`score` real,
	`note` text DEFAULT '' NOT NULL,
	`recommendation` text,
	`state` text DEFAULT 'draft' NOT NULL,
	`submitted_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `review_assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_assignment_id_unique` ON `reviews` (`assignment_id`);--> statement-breakpoint
CREATE INDEX `reviews_idea` ON `reviews` (`idea_id`,`state`);--> statement-breakpoint
CREATE INDEX `reviews_campaign_reviewer` ON `reviews` (`campaign_id`,`reviewer_id`,`state`);--> statement-breakpoint
CREATE TABLE `reward_rules` (
	`agency_id` integer NOT NULL,
	`version` integer NOT NULL,
	`rules` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`agency_id`, `version`),
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `user_badges` (
	`user_id` integer NOT NULL,
	`badge_key` text NOT NULL,
	`agency_id` integer NOT NULL,
	`cause` text DEFAULT '{}' NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `badge_key`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
