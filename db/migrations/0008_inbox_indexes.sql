DROP INDEX `procedure_requests_agency_status_idx`;--> statement-breakpoint
CREATE INDEX `procedure_requests_agency_status_deadline_idx` ON `procedure_requests` (`agency_id`,`status`,`deadline`,`created_at`);--> statement-breakpoint
CREATE INDEX `procedure_events_request_status_idx` ON `procedure_events` (`procedure_request_id`,`to_status`);