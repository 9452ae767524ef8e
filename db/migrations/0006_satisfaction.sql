CREATE TABLE `satisfaction_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`moment` text NOT NULL,
	`rating` integer NOT NULL,
	`comment` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `satisfaction_case_moment_idx` ON `satisfaction_responses` (`case_id`,`moment`);--> statement-breakpoint
CREATE INDEX `satisfaction_created_idx` ON `satisfaction_responses` (`created_at`);