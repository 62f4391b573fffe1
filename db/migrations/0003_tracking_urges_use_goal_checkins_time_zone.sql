CREATE TABLE `goal_check_ins` (
	`id` text PRIMARY KEY NOT NULL,
	`goal_id` text NOT NULL,
	`user_id` text NOT NULL,
	`local_date` text NOT NULL,
	`outcome` text NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `goal_check_ins_goal_date_unique` ON `goal_check_ins` (`goal_id`,`local_date`);--> statement-breakpoint
CREATE INDEX `goal_check_ins_user_date_idx` ON `goal_check_ins` (`user_id`,`local_date`);--> statement-breakpoint
CREATE TABLE `urges` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`time_zone` text NOT NULL,
	`local_date` text NOT NULL,
	`local_hour` integer NOT NULL,
	`local_weekday` integer NOT NULL,
	`intensity` integer NOT NULL,
	`trigger` text,
	`trigger_note` text,
	`place` text,
	`with_whom` text,
	`feeling` text,
	`thought` text,
	`coping` text DEFAULT '[]' NOT NULL,
	`coping_note` text,
	`outcome` text,
	`used_substance` text,
	`used_amount` real,
	`used_unit` text,
	`note` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `urges_user_date_idx` ON `urges` (`user_id`,`local_date`);--> statement-breakpoint
CREATE INDEX `urges_user_occurred_idx` ON `urges` (`user_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `use_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`time_zone` text NOT NULL,
	`local_date` text NOT NULL,
	`local_hour` integer NOT NULL,
	`local_weekday` integer NOT NULL,
	`substance` text,
	`amount` real,
	`unit` text,
	`alcohol_units` real,
	`spend_pence` integer,
	`note` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `use_entries_user_date_idx` ON `use_entries` (`user_id`,`local_date`);--> statement-breakpoint
CREATE INDEX `use_entries_user_occurred_idx` ON `use_entries` (`user_id`,`occurred_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `time_zone` text DEFAULT 'Europe/London' NOT NULL;