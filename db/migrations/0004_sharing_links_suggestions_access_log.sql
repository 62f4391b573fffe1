CREATE TABLE `access_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` text NOT NULL,
	`worker_id` text NOT NULL,
	`worker_name` text NOT NULL,
	`what` text NOT NULL,
	`scopes` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `access_log_client_idx` ON `access_log` (`client_id`,`at`);--> statement-breakpoint
CREATE TABLE `care_links` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`worker_id` text NOT NULL,
	`scope_assessments` integer DEFAULT false NOT NULL,
	`scope_modules` integer DEFAULT false NOT NULL,
	`scope_tracking` integer DEFAULT false NOT NULL,
	`scope_goals` integer DEFAULT false NOT NULL,
	`label` text,
	`created_at` integer NOT NULL,
	`scopes_changed_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`client_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`worker_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `care_links_client_worker_unique` ON `care_links` (`client_id`,`worker_id`);--> statement-breakpoint
CREATE INDEX `care_links_worker_idx` ON `care_links` (`worker_id`) WHERE revoked_at is null;--> statement-breakpoint
CREATE TABLE `module_suggestions` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`worker_id` text NOT NULL,
	`module_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`dismissed_at` integer,
	FOREIGN KEY (`client_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`worker_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `module_suggestions_client_module_unique` ON `module_suggestions` (`client_id`,`module_id`);--> statement-breakpoint
CREATE TABLE `share_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`code_hash` text NOT NULL,
	`scope_assessments` integer DEFAULT false NOT NULL,
	`scope_modules` integer DEFAULT false NOT NULL,
	`scope_tracking` integer DEFAULT false NOT NULL,
	`scope_goals` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`client_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `share_codes_hash_unique` ON `share_codes` (`code_hash`);--> statement-breakpoint
CREATE INDEX `share_codes_client_idx` ON `share_codes` (`client_id`);--> statement-breakpoint
-- The access log is append-only (hazard H-019): no row is ever changed. Rows go only with the
-- client's account (ON DELETE CASCADE); application code has no other delete (a test checks).
-- A DELETE trigger would have to name `users`, which breaks a later rebuild of that table (H-010).
CREATE TRIGGER `access_log_no_update` BEFORE UPDATE ON `access_log`
BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;
