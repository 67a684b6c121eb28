DROP INDEX `point_totals_board`;--> statement-breakpoint
CREATE INDEX `point_totals_user_board` ON `point_totals` (`agency_id`,`period`,`points`) WHERE subject_type = 'user';--> statement-breakpoint
CREATE INDEX `campaigns_in_play` ON `campaigns` (`kind`,coalesce(announcement_at, 9007199254740991));