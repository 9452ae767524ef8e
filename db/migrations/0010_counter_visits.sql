CREATE TABLE `counter_bookings` (
	`id` text PRIMARY KEY NOT NULL,
	`slot_id` text NOT NULL,
	`case_id` text NOT NULL,
	`agency_id` text NOT NULL,
	`booked_by` text NOT NULL,
	`created_at` text NOT NULL,
	`cancelled_at` text,
	FOREIGN KEY (`slot_id`) REFERENCES `counter_slots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `counter_bookings_case_agency_active_idx` ON `counter_bookings` (`case_id`,`agency_id`) WHERE "counter_bookings"."cancelled_at" IS NULL;--> statement-breakpoint
CREATE INDEX `counter_bookings_slot_idx` ON `counter_bookings` (`slot_id`);--> statement-breakpoint
CREATE TABLE `counter_offices` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`name_ja` text NOT NULL,
	`name_en` text NOT NULL,
	`address_ja` text NOT NULL,
	`address_en` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `counter_offices_agency_idx` ON `counter_offices` (`agency_id`);--> statement-breakpoint
CREATE TABLE `counter_slots` (
	`id` text PRIMARY KEY NOT NULL,
	`office_id` text NOT NULL,
	`day` text NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`capacity` integer NOT NULL,
	`booked` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `counter_offices`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "counter_slots_capacity_check" CHECK("counter_slots"."booked" >= 0 AND "counter_slots"."booked" <= "counter_slots"."capacity")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `counter_slots_office_day_time_idx` ON `counter_slots` (`office_id`,`day`,`starts_at`);