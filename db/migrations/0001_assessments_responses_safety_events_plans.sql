CREATE TABLE `assessment_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`user_id` text NOT NULL,
	`instrument_id` text NOT NULL,
	`instrument_version` text NOT NULL,
	`answers` text NOT NULL,
	`total` integer,
	`band` text,
	`updated_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `responses_assessment_instrument_unique` ON `assessment_responses` (`assessment_id`,`instrument_id`);--> statement-breakpoint
CREATE INDEX `responses_user_instrument_idx` ON `assessment_responses` (`user_id`,`instrument_id`,`completed_at`);--> statement-breakpoint
CREATE TABLE `assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`content_version` text NOT NULL,
	`substances` text NOT NULL,
	`main_substance` text NOT NULL,
	`page_index` integer DEFAULT 0 NOT NULL,
	`pending_safety` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `assessments_user_idx` ON `assessments` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `plan_items` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`ref` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_items_user_ref_unique` ON `plan_items` (`user_id`,`kind`,`ref`);--> statement-breakpoint
CREATE TABLE `safety_events` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`rule` text NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `safety_events_user_idx` ON `safety_events` (`user_id`,`created_at`);