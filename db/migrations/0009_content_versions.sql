CREATE TABLE `content_drafts` (
	`life_event_id` text NOT NULL,
	`key` text NOT NULL,
	`ja` text NOT NULL,
	`en` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `content_drafts_key_idx` ON `content_drafts` (`life_event_id`,`key`);--> statement-breakpoint
CREATE TABLE `content_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`life_event_id` text NOT NULL,
	`version` integer NOT NULL,
	`texts` text NOT NULL,
	`changes` text NOT NULL,
	`reverted_to` integer,
	`published_by` text NOT NULL,
	`published_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `content_versions_version_idx` ON `content_versions` (`life_event_id`,`version`);