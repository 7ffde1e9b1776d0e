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
        return migrator
    }
}
