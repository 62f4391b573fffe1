CREATE TABLE `instrument_switch_events` (
	`id` text PRIMARY KEY NOT NULL,
	`instrument_id` text NOT NULL,
	`enabled` integer NOT NULL,
	`changed_by` text NOT NULL,
	`changed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `instrument_switch_events_idx` ON `instrument_switch_events` (`instrument_id`,`changed_at`);