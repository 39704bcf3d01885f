//! Wall-clock helpers: Unix seconds and the two text formats we print.

use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// Civil date (year, month, day) for days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn split(secs: i64) -> (i64, u32, u32, i64, i64, i64) {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    (y, m, d, rem / 3600, (rem % 3600) / 60, rem % 60)
}

/// `2026-11-22T08:05:03Z`
pub fn rfc3339(secs: i64) -> String {
    let (y, m, d, hh, mm, ss) = split(secs);
    format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}Z")
}

/// True for a column that holds Unix seconds by the schema's naming (`at`, `*_at`, `*_until`).
/// Exports write those as ISO 8601, which a spreadsheet reads as a date.
pub fn is_time_column(name: &str) -> bool {
    name == "at" || name.ends_with("_at") || name.ends_with("_until")
}

/// `20261122-080503123`: a backup's name stamp, to the millisecond and never the same twice in
/// one process (two backups asked for in the same second each get their own file).
pub fn unique_stamp() -> String {
    use std::sync::atomic::{AtomicI64, Ordering};
    static LAST: AtomicI64 = AtomicI64::new(0);
    let ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0);
    // Taken already (same millisecond, or the clock stepped back): one past the last one.
    let mut last = LAST.load(Ordering::SeqCst);
    let ms = loop {
        let next = ms.max(last + 1);
        match LAST.compare_exchange(last, next, Ordering::SeqCst, Ordering::SeqCst) {
            Ok(_) => break next,
            Err(seen) => last = seen,
        }
    };
    format!("{}{:03}", compact(ms.div_euclid(1000)), ms.rem_euclid(1000))
}

/// `20261122-080503`, for file names that sort by time.
pub fn compact(secs: i64) -> String {
    let (y, m, d, hh, mm, ss) = split(secs);
    format!("{y:04}{m:02}{d:02}-{hh:02}{mm:02}{ss:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_stamps_never_repeat_and_sort_in_order() {
        let stamps: Vec<String> = (0..1000).map(|_| unique_stamp()).collect();
        assert!(stamps.windows(2).all(|w| w[0] < w[1]), "{stamps:?}");
        assert_eq!(stamps[0].len(), "20261122-080503123".len());
    }

    #[test]
    fn formats_known_instants() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_795_334_703), "2026-11-22T08:05:03Z");
        assert_eq!(compact(1_795_334_703), "20261122-080503");
        assert_eq!(rfc3339(-1), "1969-12-31T23:59:59Z");
    }
}
