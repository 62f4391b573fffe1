-- The studio audit is append-only (ADR 0019, H-031): the database itself refuses to change or delete a row.
CREATE TRIGGER `studio_audit_no_update` BEFORE UPDATE ON `studio_audit` BEGIN SELECT RAISE(ABORT, 'studio_audit is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `studio_audit_no_delete` BEFORE DELETE ON `studio_audit` BEGIN SELECT RAISE(ABORT, 'studio_audit is append-only'); END;
