-- Indexes for queries that scanned a whole table: meetings held in a place
-- (topic timelines of a place name).
CREATE INDEX meetings_place ON meetings(place_id) WHERE place_id IS NOT NULL;
