CREATE TABLE `latest_scores` (
	`user_id` text NOT NULL,
	`instrument_id` text NOT NULL,
	`rank` integer NOT NULL,
	`total` integer NOT NULL,
	`band` text,
	`completed_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `instrument_id`, `rank`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Backfill from the responses already saved (the same ranking db/latest-scores.ts writes).
INSERT INTO `latest_scores` (`user_id`, `instrument_id`, `rank`, `total`, `band`, `completed_at`)
SELECT `user_id`, `instrument_id`, `rank`, `total`, `band`, `completed_at` FROM (
	SELECT `user_id`, `instrument_id`, `total`, `band`, `completed_at`,
		row_number() OVER (PARTITION BY `user_id`, `instrument_id` ORDER BY `completed_at` DESC) AS `rank`
	FROM `assessment_responses`
	WHERE `completed_at` IS NOT NULL AND `total` IS NOT NULL
) WHERE `rank` <= 2;
