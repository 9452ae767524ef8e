CREATE TABLE `agency_channels` (
	`agency_id` text PRIMARY KEY NOT NULL,
	`channel` text NOT NULL,
	`changed_by` text NOT NULL,
	`changed_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `agency_endpoints` ADD `previous_secret` text;--> statement-breakpoint
ALTER TABLE `agency_endpoints` ADD `previous_secret_expires_at` text;