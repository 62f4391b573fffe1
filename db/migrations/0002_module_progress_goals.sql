CREATE TABLE `goals` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`what` text NOT NULL,
	`type` text NOT NULL,
	`substance` text,
	`how_much` text,
	`by_when` text,
	`why` text,
	`area` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`source` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `goals_user_source_unique` ON `goals` (`user_id`,`source`);--> statement-breakpoint
CREATE INDEX `goals_user_created_idx` ON `goals` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `module_progress` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`module_id` text NOT NULL,
	`module_version_id` text NOT NULL,
	`state` text NOT NULL,
	`step_number` integer NOT NULL,
	`step_total` integer NOT NULL,
	`pending_safety` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`module_version_id`) REFERENCES `module_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `module_progress_user_module_unique` ON `module_progress` (`user_id`,`module_id`);--> statement-breakpoint
CREATE INDEX `module_progress_user_updated_idx` ON `module_progress` (`user_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `module_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`module_id` text NOT NULL,
	`version` text NOT NULL,
	`hash` text NOT NULL,
	`definition` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `module_versions_hash_unique` ON `module_versions` (`hash`);--> statement-breakpoint
ALTER TABLE `plan_items` ADD `completed_at` integer;