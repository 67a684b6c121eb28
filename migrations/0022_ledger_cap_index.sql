-- Issue 22: daily caps count a person's paying rows of a rule today, count badges sum a rule's rows by sign.
-- With `points` in the index both stay inside it, and a cap's count reads the paying rows only (a vote and
-- its retraction leave a positive and a negative row; the cap counts the first).
DROP INDEX `point_ledger_user_rule_day`;--> statement-breakpoint
CREATE INDEX `point_ledger_user_rule_day_points` ON `point_ledger` (`user_id`,`rule_key`,`day`,`points`);
