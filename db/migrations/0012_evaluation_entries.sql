CREATE TABLE `counter_volumes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` text NOT NULL,
	`procedure_id` text NOT NULL,
	`month` text NOT NULL,
	`count` integer NOT NULL,
	`entered_by` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `counter_volumes_agency_procedure_month_idx` ON `counter_volumes` (`agency_id`,`procedure_id`,`month`);--> statement-breakpoint
CREATE INDEX `counter_volumes_month_idx` ON `counter_volumes` (`month`);--> statement-breakpoint
CREATE TABLE `plan_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ministry_id` text NOT NULL,
	`title` text NOT NULL,
	`procedure_id` text,
	`figure` text NOT NULL,
	`comparison` text NOT NULL,
	`target` real NOT NULL,
	`due_date` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `plan_items_ministry_idx` ON `plan_items` (`ministry_id`,`due_date`);--> statement-breakpoint
CREATE TABLE `unit_costs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`procedure_id` text DEFAULT '' NOT NULL,
	`yen` integer NOT NULL,
	`set_by` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unit_costs_channel_procedure_idx` ON `unit_costs` (`channel`,`procedure_id`);--> statement-breakpoint
ALTER TABLE `procedure_requests` ADD `items_typed` integer;--> statement-breakpoint
CREATE INDEX `cases_created_idx` ON `cases` (`created_at`);