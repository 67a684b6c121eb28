-- Search scoped inside the index (docs/home-and-search.md, "Search at scale"). The index gains a
-- `scope` column holding the idea's agency as one token (`a12`), so that a query names its agency
-- inside FTS5 (`scope : "a12" AND …`) and never ranks another agency's matches; ranking is bounded
-- to the newest matches by a rowid range FTS5 applies itself. Prefix indexes of 2 to 8 characters:
-- the word being typed is a prefix query, which FTS5 otherwise answers by merging the doclists of
-- every indexed word that starts with it (at L, ~15 ms of CPU for "antre"*).
DROP TRIGGER IF EXISTS `ideas_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `ideas_fts_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `ideas_fts_update`;
--> statement-breakpoint
DROP TABLE IF EXISTS `ideas_fts`;
--> statement-breakpoint
DROP VIEW IF EXISTS `ideas_search`;
--> statement-breakpoint
CREATE VIEW `ideas_search` AS SELECT id, coalesce(search_title, title) AS title, coalesce(search_problem, problem) AS problem, coalesce(search_solution, solution) AS solution, 'a' || agency_id AS scope FROM ideas;
--> statement-breakpoint
CREATE VIRTUAL TABLE `ideas_fts` USING fts5(title, problem, solution, scope, content='ideas_search', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5 6 7 8');
--> statement-breakpoint
CREATE TRIGGER `ideas_fts_insert` AFTER INSERT ON `ideas` BEGIN
  INSERT INTO ideas_fts(rowid, title, problem, solution, scope) VALUES (new.id, coalesce(new.search_title, new.title), coalesce(new.search_problem, new.problem), coalesce(new.search_solution, new.solution), 'a' || new.agency_id);
END;
--> statement-breakpoint
CREATE TRIGGER `ideas_fts_delete` AFTER DELETE ON `ideas` BEGIN
  INSERT INTO ideas_fts(ideas_fts, rowid, title, problem, solution, scope) VALUES ('delete', old.id, coalesce(old.search_title, old.title), coalesce(old.search_problem, old.problem), coalesce(old.search_solution, old.solution), 'a' || old.agency_id);
END;
--> statement-breakpoint
CREATE TRIGGER `ideas_fts_update` AFTER UPDATE OF title, problem, solution, search_title, search_problem, search_solution, agency_id ON `ideas` BEGIN
  INSERT INTO ideas_fts(ideas_fts, rowid, title, problem, solution, scope) VALUES ('delete', old.id, coalesce(old.search_title, old.title), coalesce(old.search_problem, old.problem), coalesce(old.search_solution, old.solution), 'a' || old.agency_id);
  INSERT INTO ideas_fts(rowid, title, problem, solution, scope) VALUES (new.id, coalesce(new.search_title, new.title), coalesce(new.search_problem, new.problem), coalesce(new.search_solution, new.solution), 'a' || new.agency_id);
END;
--> statement-breakpoint
INSERT INTO ideas_fts(ideas_fts) VALUES ('rebuild');
