CREATE TABLE `idea_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`kind` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`message` text,
	`related_idea_id` integer,
	`life_event_id` text,
	`version` integer,
	`actor` text NOT NULL,
	`answered_as` text,
	`at` text NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idea_events_idea_idx` ON `idea_events` (`idea_id`,`id`);--> statement-breakpoint
CREATE INDEX `idea_events_at_idx` ON `idea_events` (`at`);--> statement-breakpoint
CREATE TABLE `idea_supports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idea_supports_idea_user_idx` ON `idea_supports` (`idea_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `ideas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`life_event_id` text,
	`procedure_id` text,
	`question_id` text,
	`author_id` text NOT NULL,
	`show_author_name` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`done_life_event_id` text,
	`done_version` integer,
	`merged_into_id` integer,
	`hidden_at` text,
	`hidden_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ideas_status_idx` ON `ideas` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `ideas_author_idx` ON `ideas` (`author_id`);