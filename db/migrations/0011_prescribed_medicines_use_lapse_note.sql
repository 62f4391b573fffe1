CREATE TABLE `prescribed_medicines` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `prescribed_medicines_user_idx` ON `prescribed_medicines` (`user_id`);--> statement-breakpoint
ALTER TABLE `use_entries` ADD `lapse_note` text;