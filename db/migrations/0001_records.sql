CREATE TABLE `data_subjects` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `record_attributes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_id` text NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	`source_kind` text NOT NULL,
	`source_ref` text,
	`recorded_at` text NOT NULL,
	`superseded_at` text,
	FOREIGN KEY (`subject_id`) REFERENCES `data_subjects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `record_attributes_subject_idx` ON `record_attributes` (`subject_id`,`key`,`superseded_at`);