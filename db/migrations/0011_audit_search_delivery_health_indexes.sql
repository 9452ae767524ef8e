CREATE INDEX `audit_entries_actor_idx` ON `audit_entries` (`actor`,`id`);--> statement-breakpoint
CREATE INDEX `audit_entries_agency_idx` ON `audit_entries` (`agency_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_entries_action_idx` ON `audit_entries` (`action`,`id`);--> statement-breakpoint
CREATE INDEX `audit_entries_subject_idx` ON `audit_entries` (`subject_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_entries_at_idx` ON `audit_entries` (`at`);--> statement-breakpoint
CREATE INDEX `delivery_attempts_outcome_at_idx` ON `delivery_attempts` (`outcome`,`at`);--> statement-breakpoint
CREATE INDEX `outbox_created_idx` ON `outbox` (`created_at`);