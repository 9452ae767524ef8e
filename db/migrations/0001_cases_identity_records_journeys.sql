CREATE TABLE `agency_endpoints` (
	`agency_id` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`secret` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `auth_challenges` (
	`id` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`challenge` text NOT NULL,
	`user_id` text,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `authorisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`subject_name` text NOT NULL,
	`relationship` text NOT NULL,
	`granted_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `authorisations_user_idx` ON `authorisations` (`user_id`,`subject_id`);--> statement-breakpoint
CREATE TABLE `callback_receipts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` text NOT NULL,
	`event_id` text NOT NULL,
	`signature` text NOT NULL,
	`procedure_request_id` text NOT NULL,
	`received_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `callback_receipts_signature_unique` ON `callback_receipts` (`signature`);--> statement-breakpoint
CREATE UNIQUE INDEX `callback_receipts_agency_event_idx` ON `callback_receipts` (`agency_id`,`event_id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`life_event_id` text NOT NULL,
	`flow_version` integer NOT NULL,
	`applicant_id` text NOT NULL,
	`acted_by` text NOT NULL,
	`on_behalf_of` text,
	`status` text NOT NULL,
	`answers` text NOT NULL,
	`consent` text NOT NULL,
	`snapshot` text NOT NULL,
	`snapshot_version` integer DEFAULT 0 NOT NULL,
	`submission_token` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_reference_unique` ON `cases` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_submission_token_unique` ON `cases` (`submission_token`);--> statement-breakpoint
CREATE INDEX `cases_applicant_idx` ON `cases` (`applicant_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `data_subjects` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `journeys` (
	`id` text PRIMARY KEY NOT NULL,
	`subject_id` text NOT NULL,
	`actor_id` text NOT NULL,
	`life_event_id` text NOT NULL,
	`flow_version` integer NOT NULL,
	`status` text NOT NULL,
	`snapshot` text NOT NULL,
	`submission_token` text,
	`case_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`subject_id`) REFERENCES `data_subjects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `journeys_subject_idx` ON `journeys` (`subject_id`,`life_event_id`,`status`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`procedure_request_id` text NOT NULL,
	`kind` text NOT NULL,
	`delivery` integer NOT NULL,
	`idempotency_key` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`lease_owner` text,
	`lease_expires_at` text,
	`last_error` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`procedure_request_id`) REFERENCES `procedure_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency_key_unique` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_request_delivery_idx` ON `outbox` (`procedure_request_id`,`delivery`);--> statement-breakpoint
CREATE TABLE `passkeys` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`public_key` text NOT NULL,
	`counter` integer DEFAULT 0 NOT NULL,
	`transports` text DEFAULT '[]' NOT NULL,
	`device_type` text NOT NULL,
	`backed_up` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`last_used_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `passkeys_user_idx` ON `passkeys` (`user_id`);--> statement-breakpoint
CREATE TABLE `procedure_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`procedure_request_id` text NOT NULL,
	`case_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`detail` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`procedure_request_id`) REFERENCES `procedure_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `procedure_events_request_idx` ON `procedure_events` (`procedure_request_id`,`id`);--> statement-breakpoint
CREATE INDEX `procedure_events_at_idx` ON `procedure_events` (`at`);--> statement-breakpoint
CREATE TABLE `procedure_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`procedure_id` text NOT NULL,
	`agency_id` text NOT NULL,
	`status` text NOT NULL,
	`payload` text NOT NULL,
	`data_items` text NOT NULL,
	`deadline` text,
	`in_person` integer NOT NULL,
	`agency_reference` text,
	`decision_reference` text,
	`information_question` text,
	`information_answer` text,
	`rejection_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `procedure_requests_case_procedure_idx` ON `procedure_requests` (`case_id`,`procedure_id`);--> statement-breakpoint
CREATE INDEX `procedure_requests_agency_status_idx` ON `procedure_requests` (`agency_id`,`status`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`window_started_at` text NOT NULL,
	`locked_until` text
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
CREATE INDEX `record_attributes_subject_idx` ON `record_attributes` (`subject_id`,`key`,`superseded_at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`stage` text NOT NULL,
	`acting_for` text,
	`method` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`login_id` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`person_id` text,
	`agency_id` text,
	`password_hash` text,
	`totp_secret` text,
	`totp_last_step` integer,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_login_id_unique` ON `users` (`login_id`);