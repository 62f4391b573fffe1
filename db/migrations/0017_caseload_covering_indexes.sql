DROP INDEX `urges_user_occurred_idx`;--> statement-breakpoint
CREATE INDEX `urges_user_occurred_idx` ON `urges` (`user_id`,`occurred_at`,`intensity`);--> statement-breakpoint
CREATE INDEX `module_progress_user_value_idx` ON `module_progress` (`user_id`,json_extract(state, '$.value'));