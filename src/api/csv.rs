//! CSV downloads (class reports, admin exports, the audit log).

use hyper::header::{CONTENT_DISPOSITION, HeaderValue};
use serde_json::Value;

use crate::http::response::{Response, with_body};

/// Builds a CSV document row by row.
#[derive(Default)]
pub struct Csv {
    out: String,
}

impl Csv {
    /// A document starting with a header row.
    pub fn new(header: &[&str]) -> Csv {
        let mut csv = Csv::default();
        csv.row(header.iter().map(|h| Value::from(*h)));
        csv
    }

    /// Appends one row; strings are quoted as needed, `null` is empty.
    pub fn row(&mut self, fields: impl IntoIterator<Item = Value>) {
        for (i, f) in fields.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            let text = match f {
                Value::Null => String::new(),
                Value::String(s) => s,
                other => other.to_string(),
            };
            push_field(&mut self.out, &text);
        }
        self.out.push_str("\r\n");
    }

    /// A download response named `filename`.
    pub fn into_response(self, filename: &str) -> Response {
        let mut resp = with_body(hyper::StatusCode::OK, "text/csv; charset=utf-8", self.out);
        if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
            resp.headers_mut().insert(CONTENT_DISPOSITION, v);
        }
        resp
    }
}

fn push_field(out: &mut String, text: &str) {
    // A cell starting with these is run as a formula by spreadsheet programs: children's text
    // must never become one.
    let guard = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = guard || text.contains([',', '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    for ch in text.chars() {
        if ch == '"' {
            out.push('"');
        }
        out.push(ch);
    }
    if quote {
        out.push('"');
    }
}

/// Whether the request asked for CSV (`?format=csv`).
pub fn wants_csv(req: &crate::http::request::Request) -> bool {
    req.query("format").as_deref() == Some("csv")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn quotes_and_defuses_formulas() {
        let mut c = Csv::new(&["a", "b"]);
        c.row([json!("x,y"), json!("say \"hi\"")]);
        c.row([json!("=1+1"), json!(null)]);
        c.row([json!(3), json!(true)]);
        assert_eq!(
            c.out,
            "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\"'=1+1\",\r\n3,true\r\n"
        );
    }
}
