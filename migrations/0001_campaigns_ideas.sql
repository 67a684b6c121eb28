CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`idea_id` integer NOT NULL,
	`r2_key` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`kind` text DEFAULT 'attachment' NOT NULL,
	`uploaded_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attachments_r2_key_unique` ON `attachments` (`r2_key`);--> statement-breakpoint
CREATE INDEX `attachments_idea` ON `attachments` (`idea_id`);--> statement-breakpoint
CREATE TABLE `campaign_members` (
	`campaign_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`campaign_id`, `user_id`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaign_members_user` ON `campaign_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`categories` text DEFAULT '[]' NOT NULL,
	`submission_start` integer,
	`submission_end` integer,
	`voting_start` integer,
	`voting_end` integer,
	`review_start` integer,
	`review_end` integer,
	`announcement_at` integer,
	`vote_budget` integer DEFAULT 5 NOT NULL,
	`reviewers_per_idea` integer DEFAULT 3 NOT NULL,
	`blind_review` integer DEFAULT false NOT NULL,
	`exclude_same_unit_reviewers` integer DEFAULT true NOT NULL,
	`hide_votes_until_closed` integer DEFAULT false NOT NULL,
	`passing_grade` integer DEFAULT 70 NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "campaigns_vote_budget" CHECK("campaigns"."vote_budget" BETWEEN 1 AND 100),
	CONSTRAINT "campaigns_reviewers" CHECK("campaigns"."reviewers_per_idea" BETWEEN 1 AND 10),
	CONSTRAINT "campaigns_passing_grade" CHECK("campaigns"."passing_grade" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE INDEX `campaigns_agency` ON `campaigns` (`agency_id`,`kind`);--> statement-breakpoint
CREATE TABLE `comment_mentions` (
	`comment_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`comment_id`, `user_id`),
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comment_mentions_user` ON `comment_mentions` (`user_id`);--> statement-breakpoint
CREATE TABLE `comment_reports` (
	`comment_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`comment_id`, `user_id`),
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `comments` (
	`id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`idea_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`parent_id` integer,
	`body` text NOT NULL,
	`edited_at` integer,
	`deleted_at` integer,
	`hidden_at` integer,
	`hidden_reason` text,
	`hidden_by` integer,
	`report_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hidden_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comments_idea` ON `comments` (`idea_id`,`parent_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `comments_reported` ON `comments` (`agency_id`,`report_count`);--> statement-breakpoint
CREATE TABLE `criteria` (
	`id` integer PRIMARY KEY NOT NULL,
	`campaign_id` integer NOT NULL,
	`key` text NOT NULL,
	`label_id` text NOT NULL,
	`label_en` text NOT NULL,
	`description_id` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`weight` integer NOT NULL,
	`scale_max` integer DEFAULT 5 NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "criteria_weight" CHECK("criteria"."weight" BETWEEN 1 AND 100),
	CONSTRAINT "criteria_scale" CHECK("criteria"."scale_max" BETWEEN 2 AND 10)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `criteria_campaign_key` ON `criteria` (`campaign_id`,`key`);--> statement-breakpoint
CREATE TABLE `follows` (
	`idea_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`idea_id`, `user_id`),
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follows_user` ON `follows` (`user_id`);--> statement-breakpoint
CREATE TABLE `idea_authors` (
	`idea_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	`invited_at` integer NOT NULL,
	`accepted_at` integer,
	PRIMARY KEY(`idea_id`, `user_id`),
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idea_authors_user` ON `idea_authors` (`user_id`,`accepted_at`);--> statement-breakpoint
CREATE TABLE `idea_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`idea_id` integer NOT NULL,
	`actor_id` integer,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`reason` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idea_events_idea` ON `idea_events` (`idea_id`,`at`);--> statement-breakpoint
CREATE INDEX `idea_events_agency_at` ON `idea_events` (`agency_id`,`at`);--> statement-breakpoint
CREATE TABLE `ideas` (
	`id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`title` text NOT NULL,
	`problem` text DEFAULT '' NOT NULL,
	`solution` text DEFAULT '' NOT NULL,
	`benefit` text DEFAULT '' NOT NULL,
	`target_service` text DEFAULT '' NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`listed` integer DEFAULT false NOT NULL,
	`vote_count` integer DEFAULT 0 NOT NULL,
	`comment_count` integer DEFAULT 0 NOT NULL,
	`hot` real DEFAULT 0 NOT NULL,
	`review_score` real,
	`decision_reason` text,
	`merged_into_id` integer,
	`replicates_id` integer,
	`replication_count` integer DEFAULT 0 NOT NULL,
	`submitted_at` integer,
	`decided_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_into_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`replicates_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ideas_counts" CHECK("ideas"."vote_count" >= 0 AND "ideas"."comment_count" >= 0),
	CONSTRAINT "ideas_listed" CHECK("ideas"."listed" = ("ideas"."status" NOT IN ('draft', 'withdrawn', 'merged'))),
	CONSTRAINT "ideas_merged" CHECK(("ideas"."status" = 'merged') = ("ideas"."merged_into_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `ideas_list_new` ON `ideas` (`agency_id`,`listed`,`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `ideas_list_votes` ON `ideas` (`agency_id`,`listed`,`vote_count`,`id`);--> statement-breakpoint
CREATE INDEX `ideas_list_hot` ON `ideas` (`agency_id`,`listed`,`hot`,`id`);--> statement-breakpoint
CREATE INDEX `ideas_list_comments` ON `ideas` (`agency_id`,`listed`,`comment_count`,`id`);--> statement-breakpoint
CREATE INDEX `ideas_list_score` ON `ideas` (`agency_id`,`listed`,`review_score`,`id`);--> statement-breakpoint
CREATE INDEX `ideas_campaign_new` ON `ideas` (`campaign_id`,`listed`,`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `ideas_campaign_votes` ON `ideas` (`campaign_id`,`listed`,`vote_count`,`id`);--> statement-breakpoint
CREATE INDEX `ideas_status` ON `ideas` (`agency_id`,`status`,`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `ideas_author` ON `ideas` (`author_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `ideas_library` ON `ideas` (`status`,`decided_at`);--> statement-breakpoint
CREATE INDEX `ideas_replicates` ON `ideas` (`replicates_id`);--> statement-breakpoint
CREATE TABLE `votes` (
	`id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`idea_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `votes_idea_user` ON `votes` (`idea_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `votes_user_campaign` ON `votes` (`user_id`,`campaign_id`);--> statement-breakpoint
-- Full-text search over ideas (hand-written: drizzle-kit does not model FTS5).
-- External-content table: the text lives once, in ideas; triggers keep the index in step.
-- unicode61 folds case and diacritics; prefix indexes make "layan*" (layanan, pelayanan…) cheap.
CREATE VIRTUAL TABLE `ideas_fts` USING fts5(title, problem, solution, content='ideas', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE TRIGGER `ideas_fts_insert` AFTER INSERT ON `ideas` BEGIN
  INSERT INTO ideas_fts(rowid, title, problem, solution) VALUES (new.id, new.title, new.problem, new.solution);
END;
--> statement-breakpoint
CREATE TRIGGER `ideas_fts_delete` AFTER DELETE ON `ideas` BEGIN
  INSERT INTO ideas_fts(ideas_fts, rowid, title, problem, solution) VALUES ('delete', old.id, old.title, old.problem, old.solution);
END;
--> statement-breakpoint
CREATE TRIGGER `ideas_fts_update` AFTER UPDATE OF title, problem, solution ON `ideas` BEGIN
  INSERT INTO ideas_fts(ideas_fts, rowid, title, problem, solution) VALUES ('delete', old.id, old.title, old.problem, old.solution);
  INSERT INTO ideas_fts(rowid, title, problem, solution) VALUES (new.id, new.title, new.problem, new.solution);
END;
--> statement-breakpoint
-- Every agency has its always-open Kotak Ide (new agencies get one when they are created).
INSERT INTO `campaigns` (agency_id, kind, title, description, categories)
SELECT id, 'open', 'Kotak Ide', 'Ide perbaikan layanan kapan saja, di luar kompetisi.', '["Pelayanan Publik","Digitalisasi","Efisiensi Kerja","Lainnya"]'
FROM agencies WHERE NOT EXISTS (SELECT 1 FROM campaigns c WHERE c.agency_id = agencies.id AND c.kind = 'open');
