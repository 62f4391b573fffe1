CREATE TABLE `instrument_switches` (
	`instrument_id` text PRIMARY KEY NOT NULL,
	`enabled` integer NOT NULL,
	`changed_by` text NOT NULL,
	`changed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `studio_audit` (
	`id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text NOT NULL,
	`actor_name` text NOT NULL,
	`action` text NOT NULL,
	`kind` text NOT NULL,
	`item_id` text NOT NULL,
	`version_id` text,
	`hash_before` text,
	`hash_after` text,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `studio_audit_at_idx` ON `studio_audit` (`at`);--> statement-breakpoint
CREATE INDEX `studio_audit_item_idx` ON `studio_audit` (`kind`,`item_id`,`at`);--> statement-breakpoint
CREATE TABLE `studio_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`version_id` text NOT NULL,
	`author_id` text NOT NULL,
	`step_id` text,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `studio_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `studio_comments_version_idx` ON `studio_comments` (`version_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `studio_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`item_id` text NOT NULL,
	`number` integer NOT NULL,
	`document` text NOT NULL,
	`hash` text NOT NULL,
	`status` text NOT NULL,
	`based_on` text,
	`based_on_hash` text,
	`roll_back_of` text,
	`change_note` text,
	`author_id` text NOT NULL,
	`reviewer_id` text,
	`published_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`submitted_at` integer,
	`reviewed_at` integer,
	`published_at` integer,
	`retired_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `studio_versions_item_number_unique` ON `studio_versions` (`kind`,`item_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `studio_versions_one_open` ON `studio_versions` (`kind`,`item_id`) WHERE status in ('draft', 'in-review', 'changes-requested', 'approved');--> statement-breakpoint
CREATE UNIQUE INDEX `studio_versions_one_published` ON `studio_versions` (`kind`,`item_id`) WHERE status = 'published';--> statement-breakpoint
CREATE INDEX `studio_versions_status_idx` ON `studio_versions` (`status`);