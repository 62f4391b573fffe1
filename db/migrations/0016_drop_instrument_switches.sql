-- Keep any switch made before the history existed, as its first event.
INSERT INTO `instrument_switch_events` (`id`, `instrument_id`, `enabled`, `changed_by`, `changed_at`)
SELECT lower(hex(randomblob(16))), `instrument_id`, `enabled`, `changed_by`, `changed_at` FROM `instrument_switches`;
--> statement-breakpoint
DROP TABLE `instrument_switches`;
