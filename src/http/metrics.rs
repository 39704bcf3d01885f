//! Counters for `/metrics`, kept as atomics so recording never blocks.

use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};

use hyper::StatusCode;

/// Process-wide counters.
#[derive(Debug, Default)]
pub struct Metrics {
    requests: [AtomicU64; 5],
    /// Connections accepted and still open.
    pub connections_open: AtomicU64,
    /// Connections refused because the connection limit was reached.
    pub connections_refused: AtomicU64,
    /// Requests answered 429.
    pub rate_limited: AtomicU64,
    /// Handlers that panicked (answered 500).
    pub panics: AtomicU64,
}

impl Metrics {
    /// Counts one response by status class.
    pub fn record(&self, status: StatusCode) {
        let class = (status.as_u16() / 100).clamp(1, 5) as usize - 1;
        self.requests[class].fetch_add(1, Ordering::Relaxed);
        if status == StatusCode::TOO_MANY_REQUESTS {
            self.rate_limited.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Total requests answered.
    pub fn requests_total(&self) -> u64 {
        self.requests
            .iter()
            .map(|c| c.load(Ordering::Relaxed))
            .sum()
    }

    /// Renders Prometheus text with the extra gauges given by the caller.
    pub fn render(&self, gauges: &[(&str, &str, f64)]) -> String {
        let mut out = String::with_capacity(2048);
        let _ = writeln!(
            out,
            "# HELP pixeltales_http_requests_total HTTP responses by status class."
        );
        let _ = writeln!(out, "# TYPE pixeltales_http_requests_total counter");
        for (i, c) in self.requests.iter().enumerate() {
            let _ = writeln!(
                out,
                "pixeltales_http_requests_total{{class=\"{}xx\"}} {}",
                i + 1,
                c.load(Ordering::Relaxed)
            );
        }
        let counters = [
            (
                "pixeltales_http_connections_refused_total",
                "Connections refused at the limit.",
                &self.connections_refused,
            ),
            (
                "pixeltales_http_rate_limited_total",
                "Requests answered 429.",
                &self.rate_limited,
            ),
            (
                "pixeltales_http_panics_total",
                "Handlers that panicked.",
                &self.panics,
            ),
        ];
        for (name, help, c) in counters {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}",
                c.load(Ordering::Relaxed)
            );
        }
        let open = self.connections_open.load(Ordering::Relaxed) as f64;
        let mut all: Vec<(&str, &str, f64)> = vec![(
            "pixeltales_http_connections_open",
            "Open HTTP connections (WebSockets included).",
            open,
        )];
        all.extend_from_slice(gauges);
        for (name, help, v) in all {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {v}");
        }
        out
    }
}
