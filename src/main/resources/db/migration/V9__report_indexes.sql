-- The municipal diagnosis and the monthly reports count a unit's cases by when they were opened: without
-- this index PostgreSQL reads every case of the unit (ix_case_file_owning_unit) and filters by date,
-- which at a city's size (50,000 closed cases) is most of the table for a busy unit. With it, a month of
-- one unit is a range scan (see the diagnosis benchmark, DiagnosisBench).
CREATE INDEX ix_case_file_unit_opened ON case_file (owning_unit, opened_at);
