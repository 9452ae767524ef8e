CREATE TABLE `design_scenarios` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`life_event_id` text NOT NULL,
	`name` text NOT NULL,
	`sample_id` text NOT NULL,
	`answers` text,
	`record` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `design_scenarios_life_event_idx` ON `design_scenarios` (`life_event_id`);