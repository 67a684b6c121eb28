CREATE TABLE `innovation_evidence` (
	`id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`idea_id` integer NOT NULL,
	`kind` text NOT NULL,
	`indicator_key` text,
	`title` text NOT NULL,
	`url` text,
	`r2_key` text,
	`file_name` text,
	`content_type` text,
	`size` integer,
	`added_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "innovation_evidence_file_or_link" CHECK(("innovation_evidence"."url" IS NULL) <> ("innovation_evidence"."r2_key" IS NULL) AND ("innovation_evidence"."url" IS NULL OR "innovation_evidence"."url" LIKE 'https://%'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `innovation_evidence_r2_key_unique` ON `innovation_evidence` (`r2_key`);--> statement-breakpoint
CREATE INDEX `innovation_evidence_idea` ON `innovation_evidence` (`idea_id`,`id`);--> statement-breakpoint
CREATE TABLE `innovation_profiles` (
	`idea_id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`stage` text NOT NULL,
	`trial_date` text,
	`implementation_date` text,
	`innovation_type` text NOT NULL,
	`form` text NOT NULL,
	`urusan` text NOT NULL,
	`sdgs` text DEFAULT '[]' NOT NULL,
	`objectives` text NOT NULL,
	`target_groups` text NOT NULL,
	`budget_amount` integer,
	`budget_source` text,
	`legal_basis_number` text,
	`legal_basis_date` text,
	`video_url` text,
	`indicators` text DEFAULT '[]' NOT NULL,
	`locked_at` integer,
	`updated_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "innovation_profiles_video_https" CHECK("innovation_profiles"."video_url" IS NULL OR "innovation_profiles"."video_url" LIKE 'https://%')
);
--> statement-breakpoint
CREATE INDEX `innovation_profiles_agency` ON `innovation_profiles` (`agency_id`);