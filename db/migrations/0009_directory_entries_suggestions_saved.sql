CREATE TABLE `directory_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`online` integer DEFAULT false NOT NULL,
	`address` text,
	`town` text,
	`postcode_district` text,
	`phone` text,
	`website` text,
	`opening_hours` text,
	`schedule` text,
	`time_zone` text DEFAULT 'Europe/London' NOT NULL,
	`accessibility` text,
	`languages` text,
	`last_verified` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `directory_entries_kind_idx` ON `directory_entries` (`kind`);--> statement-breakpoint
CREATE TABLE `saved_services` (
	`client_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`client_id`, `entry_id`),
	FOREIGN KEY (`client_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entry_id`) REFERENCES `directory_entries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `service_suggestions` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`worker_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`dismissed_at` integer,
	FOREIGN KEY (`client_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`worker_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entry_id`) REFERENCES `directory_entries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_suggestions_client_entry_unique` ON `service_suggestions` (`client_id`,`entry_id`);