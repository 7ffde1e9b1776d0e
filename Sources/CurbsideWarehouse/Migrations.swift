import GRDB

/// The warehouse schema as ordered, named migrations. A migration is never edited once released;
/// changes come as new migrations at the end.
enum Migrations {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("0001-runs-fetches-partitions") { db in
            try db.execute(
                sql: """
                    CREATE TABLE runs (
                        id INTEGER PRIMARY KEY,
                        command TEXT NOT NULL,
                        as_of TEXT,
                        sample INTEGER NOT NULL DEFAULT 0,
                        started_at REAL NOT NULL,
                        finished_at REAL,
                        status TEXT NOT NULL DEFAULT 'running',
                        error TEXT,
                        stage_seconds TEXT NOT NULL DEFAULT '{}',
                        counters TEXT NOT NULL DEFAULT '{}',
                        version_id TEXT
                    );
                    CREATE TABLE fetches (
                        id INTEGER PRIMARY KEY,
                        run_id INTEGER REFERENCES runs(id),
                        dataset TEXT NOT NULL,
                        partition_key TEXT,
                        url TEXT NOT NULL,
                        params TEXT NOT NULL,
                        status INTEGER,
                        bytes INTEGER NOT NULL DEFAULT 0,
                        sha256 TEXT,
                        started_at REAL NOT NULL,
                        seconds REAL NOT NULL,
                        attempt INTEGER NOT NULL,
                        error TEXT
                    );
                    CREATE INDEX fetches_by_partition ON fetches(dataset, partition_key);
                    CREATE TABLE partitions (
                        dataset TEXT NOT NULL,
                        key TEXT NOT NULL,
                        state TEXT NOT NULL,
                        rows INTEGER NOT NULL DEFAULT 0,
                        hash TEXT,
                        fetched_at REAL,
                        generation INTEGER NOT NULL DEFAULT 0,
                        cleaned_generation INTEGER NOT NULL DEFAULT 0,
                        PRIMARY KEY (dataset, key)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("0002-bronze") { db in
            try db.execute(
                sql: """
                    CREATE TABLE bronze_pages (
                        id INTEGER PRIMARY KEY,
                        dataset TEXT NOT NULL,
                        partition_key TEXT NOT NULL,
                        generation INTEGER NOT NULL,
                        page_index INTEGER NOT NULL,
                        fetch_id INTEGER REFERENCES fetches(id),
                        body BLOB NOT NULL,
                        sha256 TEXT NOT NULL,
                        rows INTEGER NOT NULL
                    );
                    CREATE INDEX bronze_pages_by_partition ON bronze_pages(dataset, partition_key, generation);
                    CREATE TABLE bronze_rows (
                        id INTEGER PRIMARY KEY,
                        page_id INTEGER NOT NULL REFERENCES bronze_pages(id),
                        dataset TEXT NOT NULL,
                        partition_key TEXT NOT NULL,
                        generation INTEGER NOT NULL,
                        row_index INTEGER NOT NULL,
                        record_id TEXT,
                        byte_start INTEGER NOT NULL,
                        byte_length INTEGER NOT NULL
                    );
                    -- Rows are read page by page; one small index keeps loading fast.
                    CREATE INDEX bronze_rows_by_page ON bronze_rows(page_id);
                    -- Each row's exact JSON text, cut from its page: nothing is stored twice.
                    CREATE VIEW bronze_row_json AS
                        SELECT r.id, r.dataset, r.partition_key, r.generation, r.record_id,
                            CAST(substr(p.body, r.byte_start + 1, r.byte_length) AS TEXT) AS json
                        FROM bronze_rows r JOIN bronze_pages p ON p.id = r.page_id;
                    """)
        }
        migrator.registerMigration("0003-silver-quarantine") { db in
            try db.execute(
                sql: """
                    CREATE TABLE silver_nyc_violations (
                        summons_number TEXT PRIMARY KEY,
                        bronze_row_id INTEGER NOT NULL,
                        partition_key TEXT NOT NULL,
                        issue_date TEXT NOT NULL,
                        violation_time_minutes INTEGER,
                        violation TEXT NOT NULL,
                        violation_status TEXT NOT NULL,
                        fine_amount_cents INTEGER NOT NULL,
                        penalty_amount_cents INTEGER NOT NULL,
                        interest_amount_cents INTEGER NOT NULL,
                        reduction_amount_cents INTEGER NOT NULL,
                        payment_amount_cents INTEGER NOT NULL,
                        amount_due_cents INTEGER NOT NULL,
                        judgment_entry_date TEXT,
                        plate TEXT,
                        state TEXT,
                        license_type TEXT,
                        county TEXT,
                        precinct TEXT,
                        issuing_agency TEXT,
                        fine_amount REAL GENERATED ALWAYS AS (fine_amount_cents / 100.0) VIRTUAL,
                        payment_amount REAL GENERATED ALWAYS AS (payment_amount_cents / 100.0) VIRTUAL,
                        amount_due REAL GENERATED ALWAYS AS (amount_due_cents / 100.0) VIRTUAL
                    );
                    CREATE INDEX silver_nyc_by_partition ON silver_nyc_violations(partition_key);
                    CREATE TABLE quarantine (
                        id INTEGER PRIMARY KEY,
                        dataset TEXT NOT NULL,
                        partition_key TEXT NOT NULL,
                        bronze_row_id INTEGER NOT NULL,
                        record_id TEXT,
                        rule TEXT NOT NULL,
                        column_name TEXT,
                        value TEXT
                    );
                    CREATE INDEX quarantine_by_partition ON quarantine(dataset, partition_key);
                    CREATE TABLE superseded (
                        bronze_row_id INTEGER PRIMARY KEY,
                        dataset TEXT NOT NULL,
                        partition_key TEXT NOT NULL,
                        by_bronze_row_id INTEGER,
                        reason TEXT NOT NULL
                    );
                    CREATE INDEX superseded_by_partition ON superseded(dataset, partition_key);
                    """)
        }
        migrator.registerMigration("0004-gold-lineage") { db in
            try db.execute(
                sql: """
                    CREATE TABLE gold_nyc_daily (
                        date TEXT PRIMARY KEY,
                        total_fines_issued REAL NOT NULL,
                        total_paid_amount REAL NOT NULL,
                        total_amount_due REAL NOT NULL,
                        total_outstanding REAL NOT NULL,
                        total_violations INTEGER NOT NULL,
                        percentage_paid REAL NOT NULL
                    );
                    CREATE TABLE gold_nyc_weekly (
                        week_ending TEXT PRIMARY KEY,
                        total_fines_issued REAL NOT NULL,
                        total_paid_amount REAL NOT NULL,
                        total_amount_due REAL NOT NULL,
                        total_outstanding REAL NOT NULL,
                        total_violations INTEGER NOT NULL,
                        days_in_week INTEGER NOT NULL,
                        percentage_paid REAL NOT NULL
                    );
                    CREATE TABLE gold_nyc_top_violations (
                        rank INTEGER PRIMARY KEY,
                        violation TEXT NOT NULL,
                        violations INTEGER NOT NULL
                    );
                    CREATE TABLE gold_nyc_by_agency (
                        issuing_agency TEXT PRIMARY KEY,
                        violations INTEGER NOT NULL,
                        total_fines_issued REAL NOT NULL
                    );
                    CREATE TABLE gold_nyc_by_county (
                        county TEXT PRIMARY KEY,
                        violations INTEGER NOT NULL,
                        total_fines_issued REAL NOT NULL
                    );
                    CREATE TABLE gold_nyc_by_hour (
                        hour INTEGER,
                        violations INTEGER NOT NULL,
                        total_fines_issued REAL NOT NULL
                    );
                    CREATE TABLE gold_meta (
                        name TEXT PRIMARY KEY,
                        value TEXT NOT NULL
                    );
                    CREATE TABLE lineage_edges (
                        id INTEGER PRIMARY KEY,
                        source TEXT NOT NULL,
                        target TEXT NOT NULL,
                        rows INTEGER,
                        hash TEXT,
                        detail TEXT,
                        UNIQUE (source, target)
                    );
                    """)
        }
        migrator.registerMigration("0005-dataset-state") { db in
            try db.execute(
                sql: """
                    CREATE TABLE dataset_state (
                        dataset TEXT PRIMARY KEY,
                        rows_updated_at INTEGER,
                        watermark TEXT,
                        backfill_first TEXT,
                        backfill_last TEXT
                    );
                    """)
        }
        migrator.registerMigration("0006-schema-drift") { db in
            try db.execute(
                sql: """
                    CREATE TABLE schema_drift (
                        id INTEGER PRIMARY KEY,
                        run_id INTEGER,
                        dataset TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        field TEXT NOT NULL,
                        detail TEXT NOT NULL,
                        rows INTEGER NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("0007-chicago-silver-gold-quality") { db in
            try db.execute(
                sql: """
                    -- One row per crash (the latest copy wins), with its vehicles and people rolled up.
                    CREATE TABLE silver_chicago_crashes (
                        crash_record_id TEXT PRIMARY KEY,
                        bronze_row_id INTEGER NOT NULL,
                        partition_key TEXT NOT NULL,
                        crash_date TEXT NOT NULL,
                        crash_day TEXT NOT NULL,
                        crash_hour INTEGER NOT NULL,
                        crash_day_of_week INTEGER NOT NULL,
                        crash_month INTEGER NOT NULL,
                        hour_bin TEXT NOT NULL,
                        is_weekend INTEGER NOT NULL,
                        latitude REAL,
                        longitude REAL,
                        imputed INTEGER NOT NULL,
                        lat_bin TEXT,
                        lng_bin TEXT,
                        grid_id TEXT,
                        weather TEXT NOT NULL,
                        lighting TEXT NOT NULL,
                        surface TEXT NOT NULL,
                        traffic_control TEXT NOT NULL,
                        weather_condition TEXT,
                        lighting_condition TEXT,
                        roadway_surface_cond TEXT,
                        traffic_control_device TEXT,
                        posted_speed_limit INTEGER,
                        speed_capped INTEGER NOT NULL,
                        num_units INTEGER,
                        units_capped INTEGER NOT NULL,
                        hour_from_date INTEGER NOT NULL,
                        crash_type TEXT,
                        first_crash_type TEXT,
                        trafficway_type TEXT,
                        road_defect TEXT,
                        street_direction TEXT,
                        beat_of_occurrence TEXT,
                        prim_contributory_cause TEXT,
                        damage TEXT,
                        most_severe_injury TEXT,
                        injuries_total INTEGER,
                        injuries_fatal INTEGER,
                        injuries_incapacitating INTEGER,
                        injuries_non_incapacitating INTEGER,
                        injuries_reported_not_evident INTEGER,
                        injuries_no_indication INTEGER,
                        hit_and_run_raw TEXT,
                        hit_and_run INTEGER NOT NULL,
                        intersection_related INTEGER NOT NULL,
                        not_right_of_way INTEGER NOT NULL,
                        work_zone INTEGER NOT NULL,
                        private_property INTEGER NOT NULL,
                        dooring INTEGER NOT NULL,
                        vehicles INTEGER NOT NULL,
                        people INTEGER NOT NULL,
                        unit_types TEXT NOT NULL,
                        person_types TEXT NOT NULL,
                        people_fatal INTEGER NOT NULL,
                        people_incapacitating INTEGER NOT NULL,
                        people_non_incapacitating INTEGER NOT NULL,
                        people_reported_not_evident INTEGER NOT NULL,
                        people_no_indication INTEGER NOT NULL,
                        people_injury_unknown INTEGER NOT NULL,
                        drivers_with_age INTEGER NOT NULL,
                        driver_age_min INTEGER,
                        driver_age_max INTEGER,
                        driver_age_mean REAL
                    );
                    CREATE INDEX silver_chicago_by_day ON silver_chicago_crashes(crash_day);
                    CREATE TABLE silver_chicago_vehicles (
                        crash_unit_id TEXT PRIMARY KEY,
                        bronze_row_id INTEGER NOT NULL,
                        partition_key TEXT NOT NULL,
                        crash_record_id TEXT NOT NULL,
                        unit_type TEXT NOT NULL,
                        vehicle_type TEXT,
                        maneuver TEXT
                    );
                    CREATE TABLE silver_chicago_people (
                        person_id TEXT PRIMARY KEY,
                        bronze_row_id INTEGER NOT NULL,
                        partition_key TEXT NOT NULL,
                        crash_record_id TEXT NOT NULL,
                        person_type TEXT NOT NULL,
                        injury_classification TEXT NOT NULL,
                        age INTEGER
                    );
                    CREATE TABLE gold_chicago_daily (
                        date TEXT PRIMARY KEY,
                        crashes INTEGER NOT NULL,
                        injuries_total INTEGER NOT NULL,
                        injuries_fatal INTEGER NOT NULL,
                        hit_and_run INTEGER NOT NULL,
                        hit_and_run_rate REAL
                    );
                    CREATE TABLE gold_chicago_weekly (
                        week_ending TEXT PRIMARY KEY,
                        crashes INTEGER NOT NULL,
                        injuries_total INTEGER NOT NULL,
                        injuries_fatal INTEGER NOT NULL,
                        hit_and_run INTEGER NOT NULL,
                        hit_and_run_rate REAL
                    );
                    CREATE TABLE gold_chicago_hour_weekday (
                        crash_day_of_week INTEGER NOT NULL,
                        crash_hour INTEGER NOT NULL,
                        crashes INTEGER NOT NULL,
                        hit_and_run INTEGER NOT NULL,
                        PRIMARY KEY (crash_day_of_week, crash_hour)
                    );
                    CREATE TABLE gold_chicago_conditions (
                        dimension TEXT NOT NULL,
                        value TEXT NOT NULL,
                        crashes INTEGER NOT NULL,
                        hit_and_run INTEGER NOT NULL,
                        hit_and_run_rate REAL,
                        PRIMARY KEY (dimension, value)
                    );
                    CREATE TABLE gold_chicago_grid (
                        grid_id TEXT PRIMARY KEY,
                        lat_bin REAL NOT NULL,
                        lng_bin REAL NOT NULL,
                        crashes INTEGER NOT NULL,
                        hit_and_run INTEGER NOT NULL,
                        hit_and_run_rate REAL,
                        imputed INTEGER NOT NULL
                    );
                    CREATE TABLE gold_chicago_injuries (
                        injury_class TEXT PRIMARY KEY,
                        people INTEGER NOT NULL,
                        crashes INTEGER NOT NULL
                    );
                    -- The data-quality checks as the warehouse stands (pages read this), and per run (health).
                    CREATE TABLE quality_current (
                        check_id TEXT PRIMARY KEY,
                        dataset TEXT NOT NULL,
                        description TEXT NOT NULL,
                        value REAL NOT NULL,
                        numerator INTEGER NOT NULL,
                        denominator INTEGER NOT NULL,
                        score REAL NOT NULL,
                        threshold REAL,
                        passed INTEGER NOT NULL
                    );
                    CREATE TABLE quality_history (
                        run_id INTEGER NOT NULL,
                        check_id TEXT NOT NULL,
                        value REAL NOT NULL,
                        score REAL NOT NULL,
                        threshold REAL,
                        passed INTEGER NOT NULL,
                        PRIMARY KEY (run_id, check_id)
                    );
                    """)
        }
        migrator.registerMigration("0008-models") { db in
            try db.execute(
                sql: """
                    -- Every model trained, with its artifacts; the current one's figures in model_* for pages.
                    CREATE TABLE models (
                        model_id TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        run_id INTEGER,
                        input_sha256 TEXT NOT NULL,
                        training_data_sha256 TEXT NOT NULL,
                        threshold REAL NOT NULL,
                        test_f1 REAL,
                        test_roc_auc REAL,
                        model_json TEXT NOT NULL,
                        metrics_json TEXT NOT NULL
                    );
                    CREATE TABLE model_current (
                        name TEXT PRIMARY KEY,
                        model_id TEXT NOT NULL REFERENCES models(model_id)
                    );
                    CREATE TABLE model_metrics (
                        model TEXT NOT NULL,
                        metric TEXT NOT NULL,
                        value REAL,
                        PRIMARY KEY (model, metric)
                    );
                    CREATE TABLE model_curves (
                        curve TEXT NOT NULL,
                        ordinal INTEGER NOT NULL,
                        x REAL NOT NULL,
                        y REAL NOT NULL,
                        threshold REAL,
                        PRIMARY KEY (curve, ordinal)
                    );
                    CREATE TABLE model_calibration (
                        bin INTEGER PRIMARY KEY,
                        lower REAL NOT NULL,
                        upper REAL NOT NULL,
                        mean_predicted REAL,
                        observed_rate REAL,
                        rows INTEGER NOT NULL
                    );
                    CREATE TABLE model_importance (
                        rank INTEGER PRIMARY KEY,
                        feature TEXT NOT NULL,
                        gain REAL NOT NULL,
                        share REAL NOT NULL,
                        splits INTEGER NOT NULL
                    );
                    CREATE TABLE model_confusion (
                        actual TEXT NOT NULL,
                        predicted TEXT NOT NULL,
                        rows INTEGER NOT NULL,
                        PRIMARY KEY (actual, predicted)
                    );
                    CREATE TABLE model_splits (
                        ordinal INTEGER PRIMARY KEY,
                        name TEXT NOT NULL,
                        rows INTEGER NOT NULL,
                        positives INTEGER NOT NULL,
                        first_date TEXT NOT NULL,
                        last_date TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("0009-bronze-row-offsets") { db in
            // A bronze row becomes its page's offsets text instead of a table record; ids become
            // page × 2^16 + index, and every table naming a bronze row is moved to the new ids. Bodies
            // stored from now on are zstd frames (`PageBody`); the pages already stored stay as they are.
            try db.execute(
                sql: """
                    ALTER TABLE bronze_pages ADD COLUMN row_offsets TEXT NOT NULL DEFAULT '[]';
                    ALTER TABLE bronze_pages ADD COLUMN body_encoding TEXT NOT NULL DEFAULT 'identity';
                    UPDATE bronze_pages SET row_offsets = (
                        SELECT json_group_array(json_array(byte_start, byte_length, record_id))
                        FROM (SELECT byte_start, byte_length, record_id FROM bronze_rows r
                            WHERE r.page_id = bronze_pages.id ORDER BY r.row_index))
                    WHERE EXISTS (SELECT 1 FROM bronze_rows r WHERE r.page_id = bronze_pages.id);
                    CREATE TEMP TABLE bronze_row_ids (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);
                    INSERT INTO bronze_row_ids SELECT id, page_id * 65536 + row_index FROM bronze_rows;
                    UPDATE silver_nyc_violations SET bronze_row_id = (
                        SELECT new FROM bronze_row_ids WHERE old = bronze_row_id);
                    UPDATE silver_chicago_crashes SET bronze_row_id = (
                        SELECT new FROM bronze_row_ids WHERE old = bronze_row_id);
                    UPDATE silver_chicago_vehicles SET bronze_row_id = (
                        SELECT new FROM bronze_row_ids WHERE old = bronze_row_id);
                    UPDATE silver_chicago_people SET bronze_row_id = (
                        SELECT new FROM bronze_row_ids WHERE old = bronze_row_id);
                    UPDATE quarantine SET bronze_row_id = (
                        SELECT new FROM bronze_row_ids WHERE old = bronze_row_id);
                    -- superseded is keyed by the row id: go through negative ids so no new id meets an old one.
                    UPDATE superseded SET bronze_row_id = -(SELECT new FROM bronze_row_ids WHERE old = bronze_row_id),
                        by_bronze_row_id = (SELECT new FROM bronze_row_ids WHERE old = by_bronze_row_id);
                    UPDATE superseded SET bronze_row_id = -bronze_row_id;
                    DROP TABLE bronze_row_ids;
                    DROP VIEW bronze_row_json;
                    DROP TABLE bronze_rows;
                    CREATE VIEW bronze_rows AS
                        SELECT p.id * 65536 + r.key AS id, p.id AS page_id, p.dataset, p.partition_key, p.generation,
                            r.key AS row_index, r.value ->> 2 AS record_id, r.value ->> 0 AS byte_start,
                            r.value ->> 1 AS byte_length
                        FROM bronze_pages p, json_each(p.row_offsets) r;
                    -- Each row's exact JSON text, cut from its page: nothing is stored twice. bronze_body() is
                    -- Curbside's own SQL function (zstd); the LIMIT keeps SQLite from inlining the subquery, so
                    -- a page is decompressed once, not once per row.
                    CREATE VIEW bronze_row_json AS
                        SELECT p.id * 65536 + r.key AS id, p.dataset, p.partition_key, p.generation,
                            r.value ->> 2 AS record_id,
                            CAST(substr(p.raw, (r.value ->> 0) + 1, r.value ->> 1) AS TEXT) AS json
                        FROM (
                            SELECT id, dataset, partition_key, generation, row_offsets,
                                bronze_body(body, body_encoding) AS raw
                            FROM bronze_pages LIMIT -1
                        ) p, json_each(p.row_offsets) r;
                    """)
        }
        migrator.registerMigration("0010-nyc-partition-totals") { db in
            try db.execute(
                sql: """
                    -- What NYC gold needs from each day's silver rows, kept by cleaning as it writes them, so
                    -- aggregation sums a few thousand rows instead of reading every silver row (and a new day
                    -- re-reads nothing). kind: day (key NULL), violation, agency, county (key the text,
                    -- 'UNKNOWN' when missing) or hour (key the hour 0-23, NULL when the time is missing).
                    CREATE TABLE nyc_partition_totals (
                        partition_key TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        key,
                        violations INTEGER NOT NULL,
                        fines_cents INTEGER NOT NULL,
                        paid_cents INTEGER NOT NULL,
                        due_cents INTEGER NOT NULL,
                        outstanding_cents INTEGER NOT NULL
                    );
                    CREATE INDEX nyc_partition_totals_by_kind ON nyc_partition_totals(kind, partition_key);
                    CREATE INDEX nyc_partition_totals_by_partition ON nyc_partition_totals(partition_key);
                    """)
            for (kind, key) in [
                ("day", "NULL"), ("violation", "violation"), ("agency", "coalesce(issuing_agency, 'UNKNOWN')"),
                ("county", "coalesce(county, 'UNKNOWN')"), ("hour", "violation_time_minutes / 60"),
            ] {
                try db.execute(
                    sql: """
                        INSERT INTO nyc_partition_totals
                        SELECT partition_key, '\(kind)', \(key), count(*), sum(fine_amount_cents),
                            sum(payment_amount_cents), sum(amount_due_cents),
                            sum(CASE WHEN amount_due_cents > 0 AND judgment_entry_date IS NOT NULL
                                THEN amount_due_cents ELSE 0 END)
                        FROM silver_nyc_violations GROUP BY partition_key, 3
                        """)
            }
        }
        migrator.registerMigration("0011-catalog-partition-statistics") { db in
            try db.execute(
                sql: """
                    -- The data catalog's statistics of one partition of a table (CatalogPartitionStatistics),
                    -- kept between builds. Whatever writes a partition's rows forgets its entries
                    -- (Warehouse.forgetCatalogStatistics); a later migration that rewrites rows must empty it.
                    CREATE TABLE catalog_partition_statistics (
                        table_name TEXT NOT NULL,
                        dataset TEXT NOT NULL,
                        partition_key TEXT NOT NULL,
                        rows_sql TEXT NOT NULL,
                        signature TEXT NOT NULL,
                        statistics BLOB NOT NULL,
                        PRIMARY KEY (table_name, dataset, partition_key)
                    );
                    CREATE INDEX catalog_partition_statistics_by_partition
                        ON catalog_partition_statistics(dataset, partition_key);
                    """)
        }
        migrator.registerMigration("0012-silver-nyc-unique-index") { db in
            // summons_number was the PRIMARY KEY, whose index SQLite never lets go of. As a named UNIQUE index (with
            // the partition index) it can be dropped while a whole silver loads and built once after, by sorting:
            // a million rows into three B-trees at random took 8 s of the clean's writing thread, 2.7 s this way.
            // Rows keep their rowids and values, so the catalog's statistics stay true.
            try db.execute(
                sql: """
                    CREATE TABLE silver_nyc_violations_0012 (
                        summons_number TEXT NOT NULL,
                        bronze_row_id INTEGER NOT NULL,
                        partition_key TEXT NOT NULL,
                        issue_date TEXT NOT NULL,
                        violation_time_minutes INTEGER,
                        violation TEXT NOT NULL,
                        violation_status TEXT NOT NULL,
                        fine_amount_cents INTEGER NOT NULL,
                        penalty_amount_cents INTEGER NOT NULL,
                        interest_amount_cents INTEGER NOT NULL,
                        reduction_amount_cents INTEGER NOT NULL,
                        payment_amount_cents INTEGER NOT NULL,
                        amount_due_cents INTEGER NOT NULL,
                        judgment_entry_date TEXT,
                        plate TEXT,
                        state TEXT,
                        license_type TEXT,
                        county TEXT,
                        precinct TEXT,
                        issuing_agency TEXT,
                        fine_amount REAL GENERATED ALWAYS AS (fine_amount_cents / 100.0) VIRTUAL,
                        payment_amount REAL GENERATED ALWAYS AS (payment_amount_cents / 100.0) VIRTUAL,
                        amount_due REAL GENERATED ALWAYS AS (amount_due_cents / 100.0) VIRTUAL
                    );
                    INSERT INTO silver_nyc_violations_0012 (rowid, summons_number, bronze_row_id, partition_key,
                        issue_date, violation_time_minutes, violation, violation_status, fine_amount_cents,
                        penalty_amount_cents, interest_amount_cents, reduction_amount_cents, payment_amount_cents,
                        amount_due_cents, judgment_entry_date, plate, state, license_type, county, precinct,
                        issuing_agency)
                    SELECT rowid, summons_number, bronze_row_id, partition_key, issue_date, violation_time_minutes,
                        violation, violation_status, fine_amount_cents, penalty_amount_cents, interest_amount_cents,
                        reduction_amount_cents, payment_amount_cents, amount_due_cents, judgment_entry_date, plate,
                        state, license_type, county, precinct, issuing_agency
                    FROM silver_nyc_violations ORDER BY rowid;
                    DROP TABLE silver_nyc_violations;
                    ALTER TABLE silver_nyc_violations_0012 RENAME TO silver_nyc_violations;
                    CREATE UNIQUE INDEX silver_nyc_by_summons ON silver_nyc_violations(summons_number);
                    CREATE INDEX silver_nyc_by_partition ON silver_nyc_violations(partition_key);
                    """)
        }
        migrator.registerMigration("0013-bronze-pages-summary-in-index") { db in
            // A page's row count and hash come after its body in the row, so reading them walked the body's overflow
            // pages: the lineage's sum of rows and list of hashes read all bronze, 0.15 s of a 5M-row render. In
            // the partition index they are read from the index alone.
            try db.execute(
                sql: """
                    DROP INDEX bronze_pages_by_partition;
                    CREATE INDEX bronze_pages_by_partition
                        ON bronze_pages(dataset, partition_key, generation, page_index, rows, sha256);
                    """)
        }
        migrator.registerMigration("0014-catalog-hash-slices") { db in
            // A column's hashes with many values are kept apart from its partition's entry, in sixteen slices of the
            // hash space, so the table's distinct count holds a slice of every partition at a time, not all of them
            // (CatalogPartitionStatistics.encoded(keepingApart:)). Entries of the old format are counted again.
            try db.execute(
                sql: """
                    DELETE FROM catalog_partition_statistics;
                    CREATE TABLE catalog_partition_hashes (
                        table_name TEXT NOT NULL,
                        dataset TEXT NOT NULL,
                        partition_key TEXT NOT NULL,
                        column_index INTEGER NOT NULL,
                        slice INTEGER NOT NULL,
                        hashes BLOB NOT NULL,
                        PRIMARY KEY (table_name, dataset, partition_key, column_index, slice)
                    );
                    CREATE INDEX catalog_partition_hashes_by_partition
                        ON catalog_partition_hashes(dataset, partition_key);
                    """)
        }
        return migrator
    }
}
