//! Schema creation and upgrades, tracked in `PRAGMA user_version`.
//!
//! A new database is created from `schema.sql` (the whole current schema) in one transaction.
//! An older one runs each numbered step after its version, each in its own transaction. A
//! database newer than this binary is refused: running old code on a new schema loses data.

use rusqlite::Connection;

/// The whole current schema.
pub const SCHEMA: &str = include_str!("../../schema.sql");

/// Numbered upgrade steps; step N takes a database from version N-1 to N. Never edit a step
/// that has shipped: add a new one (and update `schema.sql`).
pub const STEPS: &[(&str, &str)] = &[
    ("initial", include_str!("migrations/0001_initial.sql")),
    (
        "stories_social",
        include_str!("migrations/0002_stories_social.sql"),
    ),
    ("realtime", include_str!("migrations/0003_realtime.sql")),
    ("grownups", include_str!("migrations/0004_grownups.sql")),
    ("games", include_str!("migrations/0005_games.sql")),
    ("age_band", include_str!("migrations/0006_age_band.sql")),
    ("safety", include_str!("migrations/0007_safety.sql")),
    ("classroom", include_str!("migrations/0008_classroom.sql")),
    ("delight", include_str!("migrations/0009_delight.sql")),
];

/// The schema version this binary writes.
pub const SCHEMA_VERSION: i64 = STEPS.len() as i64;

/// What `migrate` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Fresh database created from `schema.sql`.
    Created,
    /// Upgraded from this version.
    Upgraded { from: i64 },
    /// Already current.
    Current,
}

/// Why a database cannot be used.
#[derive(Debug)]
pub enum MigrateError {
    /// The file was written by a newer PixelTales.
    TooNew { found: i64, supported: i64 },
    /// SQLite refused a statement.
    Sql(rusqlite::Error),
}

impl std::fmt::Display for MigrateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MigrateError::TooNew { found, supported } => write!(
                f,
                "the database has schema version {found} but this pixeltales understands up to \
                 {supported}; run a newer pixeltales (or restore an older backup)"
            ),
            MigrateError::Sql(e) => write!(f, "migration failed: {e}"),
        }
    }
}

impl From<rusqlite::Error> for MigrateError {
    fn from(e: rusqlite::Error) -> Self {
        MigrateError::Sql(e)
    }
}

/// Reads `PRAGMA user_version`.
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

fn has_tables(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%')",
        [],
        |r| r.get(0),
    )
}

/// Brings `conn`'s database to [`SCHEMA_VERSION`].
pub fn migrate(conn: &mut Connection) -> Result<Outcome, MigrateError> {
    // Decide inside the write lock: a CLI command and a server starting on the same empty data
    // dir must not both create the schema. The whole upgrade commits or none of it does.
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let found = version(&tx)?;
    if found > SCHEMA_VERSION {
        return Err(MigrateError::TooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    let outcome = if found == SCHEMA_VERSION {
        Outcome::Current
    } else if found == 0 && !has_tables(&tx)? {
        tx.execute_batch(SCHEMA)?;
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        Outcome::Created
    } else {
        apply_steps(&tx, found)?;
        Outcome::Upgraded { from: found }
    };
    tx.commit()?;
    Ok(outcome)
}

/// Runs the steps after `from`.
fn apply_steps(conn: &Connection, from: i64) -> Result<(), MigrateError> {
    for (i, (_name, sql)) in STEPS.iter().enumerate() {
        let step = i as i64 + 1;
        if step > from {
            conn.execute_batch(sql)?;
            conn.pragma_update(None, "user_version", step)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A structural description (columns, keys, indexes, triggers) that ignores formatting and
    /// comments, so an `ALTER TABLE` step compares equal to the same column in `schema.sql`.
    fn schema_of(conn: &Connection) -> Vec<String> {
        let strings = |sql: &str| -> Vec<String> {
            let mut stmt = conn.prepare(sql).expect("prepare");
            stmt.query_map([], |r| r.get::<_, String>(0))
                .expect("query")
                .collect::<Result<Vec<String>, _>>()
                .expect("rows")
        };
        let mut out = Vec::new();
        let tables = strings(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        );
        for t in &tables {
            out.extend(strings(&format!(
                "SELECT '{t} col ' || name || ' ' || type || ' ' || \"notnull\" || ' ' || \
                 ifnull(dflt_value, '-') || ' ' || pk FROM pragma_table_xinfo('{t}') ORDER BY name"
            )));
            out.extend(strings(&format!(
                "SELECT '{t} fk ' || \"from\" || ' ' || \"table\" || ' ' || ifnull(\"to\", '-') || ' ' \
                 || on_delete FROM pragma_foreign_key_list('{t}') ORDER BY \"from\""
            )));
            out.extend(strings(&format!(
                "SELECT '{t} index ' || il.\"unique\" || ' ' || il.origin || ' ' || \
                 (SELECT group_concat(ifnull(name, 'expr'), ',') FROM pragma_index_info(il.name)) \
                 FROM pragma_index_list('{t}') il ORDER BY 1"
            )));
        }
        out.extend(strings(
            "SELECT type || ' ' || name FROM sqlite_schema WHERE type IN ('trigger', 'view') ORDER BY name",
        ));
        out.sort();
        out
    }

    #[test]
    fn schema_sql_and_steps_agree() {
        let mut fresh = Connection::open_in_memory().expect("open");
        assert_eq!(migrate(&mut fresh).expect("create"), Outcome::Created);

        let stepped = Connection::open_in_memory().expect("open");
        apply_steps(&stepped, 0).expect("steps");

        assert_eq!(schema_of(&fresh), schema_of(&stepped));
        assert_eq!(version(&fresh).expect("v"), SCHEMA_VERSION);
        assert_eq!(version(&stepped).expect("v"), SCHEMA_VERSION);
        assert_eq!(migrate(&mut fresh).expect("again"), Outcome::Current);
    }

    #[test]
    fn the_safety_step_keeps_family_and_ends_adult_child_friendships_from_a_v6_database() {
        let mut conn = Connection::open_in_memory().expect("open");
        for (_, sql) in &STEPS[..6] {
            conn.execute_batch(sql).expect("step");
        }
        conn.pragma_update(None, "user_version", 6).expect("v6");
        conn.execute_batch(
            "INSERT INTO users (id, username, password_hash, role, created_at, updated_at, password_changed_at)
             VALUES (1, 'kid', 'x', 'child', 0, 0, 0), (2, 'mum', 'x', 'parent', 0, 0, 0),
                    (3, 'lurker', 'x', 'parent', 0, 0, 0), (4, 'pal', 'x', 'child', 0, 0, 0),
                    (5, 'teach', 'x', 'teacher', 0, 0, 0);
             INSERT INTO profiles (user_id, display_name) VALUES (1, 'Kid'), (2, 'Mum'), (3, 'L'), (4, 'Pal'), (5, 'T');
             INSERT INTO family_links (parent_id, child_id, created_at) VALUES (2, 1, 0);
             INSERT INTO friends (user_id, friend_id, since) VALUES
                 (1, 2, 0), (2, 1, 0), (1, 3, 0), (3, 1, 0), (1, 4, 0), (4, 1, 0);
             INSERT INTO friend_requests (from_id, to_id, created_at) VALUES (5, 4, 0);",
        )
        .expect("v6 data");
        assert_eq!(
            migrate(&mut conn).expect("upgrade"),
            Outcome::Upgraded { from: 6 }
        );
        let pairs: Vec<(i64, i64)> = conn
            .prepare("SELECT user_id, friend_id FROM friends ORDER BY 1, 2")
            .expect("prepare")
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows");
        assert_eq!(
            pairs,
            vec![(1, 2), (1, 4), (2, 1), (4, 1)],
            "family and child friends stay"
        );
        let status: String = conn
            .query_row("SELECT status FROM friend_requests", [], |r| r.get(0))
            .expect("request");
        assert_eq!(status, "cancelled");
        let (users, pending): (i64, i64) = conn
            .query_row(
                "SELECT count(*), sum(pending_approval) FROM users",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("users");
        assert_eq!(
            (users, pending),
            (5, 0),
            "teachers who were already teaching stay approved"
        );
    }

    #[test]
    fn refuses_a_newer_database() {
        let mut conn = Connection::open_in_memory().expect("open");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .expect("set");
        let err = migrate(&mut conn).expect_err("too new");
        assert!(matches!(err, MigrateError::TooNew { .. }));
        assert!(err.to_string().contains("newer pixeltales"));
    }

    #[test]
    fn profanity_triggers_bump_the_version() {
        let mut conn = Connection::open_in_memory().expect("open");
        migrate(&mut conn).expect("create");
        let v = |c: &Connection| -> Option<String> {
            c.query_row(
                "SELECT value FROM settings WHERE key = 'profanity_version'",
                [],
                |r| r.get(0),
            )
            .ok()
        };
        assert_eq!(v(&conn), None);
        conn.execute(
            "INSERT INTO profanity_words (word, language, created_at, updated_at) VALUES ('x', 'en', 0, 0)",
            [],
        )
        .expect("insert");
        assert_eq!(v(&conn).as_deref(), Some("1"));
        conn.execute("UPDATE profanity_words SET hits = hits + 1", [])
            .expect("hits");
        assert_eq!(
            v(&conn).as_deref(),
            Some("1"),
            "hit counting is not a list change"
        );
        conn.execute("UPDATE profanity_words SET active = 0", [])
            .expect("deactivate");
        assert_eq!(v(&conn).as_deref(), Some("2"));
        conn.execute("DELETE FROM profanity_words", [])
            .expect("delete");
        assert_eq!(v(&conn).as_deref(), Some("3"));
    }
}
