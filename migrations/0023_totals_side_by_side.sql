PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_point_totals` (
	`agency_id` integer NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` integer NOT NULL,
	`all_points` integer DEFAULT 0 NOT NULL,
	`year_key` text NOT NULL,
	`year_points` integer DEFAULT 0 NOT NULL,
	`quarter_key` text NOT NULL,
	`quarter_points` integer DEFAULT 0 NOT NULL,
	`month_key` text NOT NULL,
	`month_points` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`agency_id`, `subject_type`, `subject_id`),
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Issue 22: one row per person and unit, all four periods side by side. The rows are those the fold
-- (src/db/queries/reward-totals.queries.ts) makes of every ledger row it has folded: all time, and the
-- newest year, quarter and month of each subject's rows (`day` is already the agency's local day).
-- The fold's watermark stays where it is.
INSERT INTO `__new_point_totals`("agency_id", "subject_type", "subject_id", "all_points", "year_key", "year_points", "quarter_key", "quarter_points", "month_key", "month_points")
SELECT agency_id AS "agency_id", kind AS "subject_type", subject AS "subject_id",
sum(points) AS "all_points",
substr(newest, 1, 4) AS "year_key", sum(CASE WHEN substr(m, 1, 4) = substr(newest, 1, 4) THEN points ELSE 0 END) AS "year_points",
substr(newest, 1, 4) || '-Q' || ((CAST(substr(newest, 6, 2) AS INTEGER) + 2) / 3) AS "quarter_key", sum(CASE WHEN substr(m, 1, 4) || '-Q' || ((CAST(substr(m, 6, 2) AS INTEGER) + 2) / 3) = substr(newest, 1, 4) || '-Q' || ((CAST(substr(newest, 6, 2) AS INTEGER) + 2) / 3) THEN points ELSE 0 END) AS "quarter_points",
newest AS "month_key", sum(CASE WHEN m = newest THEN points ELSE 0 END) AS "month_points"
FROM (SELECT "l"."agency_id" AS agency_id, k.kind AS kind, CASE k.kind WHEN 'user' THEN "l"."user_id" ELSE "l"."unit_id" END AS subject, substr("l".day, 1, 7) AS m,
sum("l"."points") AS points, max(substr("l".day, 1, 7)) OVER (PARTITION BY "l"."agency_id", k.kind, CASE k.kind WHEN 'user' THEN "l"."user_id" ELSE "l"."unit_id" END) AS newest
FROM "point_ledger" "l" CROSS JOIN (SELECT 'user' AS kind UNION ALL SELECT 'unit') k
WHERE l.id <= coalesce((SELECT last_id FROM job_watermarks WHERE name = 'point_totals'), 0)
GROUP BY 1, 2, 3, 4)
WHERE true
GROUP BY 1, 2, 3;--> statement-breakpoint
DROP TABLE `point_totals`;--> statement-breakpoint
ALTER TABLE `__new_point_totals` RENAME TO `point_totals`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `point_totals_month_board` ON `point_totals` (`agency_id`,`month_key`,`month_points`) WHERE subject_type = 'user';--> statement-breakpoint
CREATE INDEX `point_totals_quarter_board` ON `point_totals` (`agency_id`,`quarter_key`,`quarter_points`) WHERE subject_type = 'user';--> statement-breakpoint
CREATE INDEX `point_totals_year_board` ON `point_totals` (`agency_id`,`year_key`,`year_points`) WHERE subject_type = 'user';--> statement-breakpoint
CREATE INDEX `point_totals_all_board` ON `point_totals` (`agency_id`,`all_points`) WHERE subject_type = 'user';