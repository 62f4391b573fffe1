-- "No use today" could be written twice for one day when two posts raced (logNoUse checked
-- outside any transaction). Before the index that forbids it, keep the earliest such row of each
-- client's day (by created_at, then rowid) and delete the others. Rows with a substance are use
-- entries and are never touched.
DELETE FROM `use_entries` WHERE `substance` IS NULL AND EXISTS (
  SELECT 1 FROM `use_entries` AS `earlier`
  WHERE `earlier`.`substance` IS NULL
    AND `earlier`.`user_id` = `use_entries`.`user_id`
    AND `earlier`.`local_date` = `use_entries`.`local_date`
    AND (`earlier`.`created_at` < `use_entries`.`created_at`
      OR (`earlier`.`created_at` = `use_entries`.`created_at` AND `earlier`.`rowid` < `use_entries`.`rowid`))
);--> statement-breakpoint
CREATE UNIQUE INDEX `use_entries_no_use_once_a_day` ON `use_entries` (`user_id`,`local_date`) WHERE substance is null;