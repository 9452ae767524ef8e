CREATE TABLE `delivery_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outbox_id` text NOT NULL,
	`procedure_request_id` text NOT NULL,
	`agency_id` text NOT NULL,
	`attempt` integer NOT NULL,
	`at` text NOT NULL,
	`outcome` text NOT NULL,
	`http_status` integer,
	`error` text,
	`response_excerpt` text,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `delivery_attempts_outbox_idx` ON `delivery_attempts` (`outbox_id`,`id`);--> statement-breakpoint
CREATE INDEX `delivery_attempts_agency_at_idx` ON `delivery_attempts` (`agency_id`,`at`);--> statement-breakpoint
ALTER TABLE `procedure_requests` ADD `closing_reason` text;