DROP INDEX `point_totals_board`;--> statement-breakpoint
CREATE INDEX `point_totals_user_board` ON `point_totals` (`agency_id`,`period`,`points`) WHERE subject_type = 'user';--> statement-breakpoint
-- written by hand: drizzle-kit 0.31 splits an expression index at its comma and quotes the parts as columns
CREATE INDEX `campaigns_in_play` ON `campaigns` (`kind`,coalesce(announcement_at, 9007199254740991));