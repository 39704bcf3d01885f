//! The vector drawing document a page (or a character) holds, and its validation.
//!
//! ```json
//! { "v": 1, "width": 1024, "height": 768, "background": "#fffaf0",
//!   "background_media": "<sha256 of an uploaded image>",
//!   "items": [
//!     {"type": "stroke", "tool": "pen", "color": "#1c7ed6", "width": 6, "points": [10, 20, 14, 25]},
//!     {"type": "line", "color": "#000000", "width": 4, "x1": 0, "y1": 0, "x2": 50, "y2": 50},
//!     {"type": "rect", "color": "#000000", "width": 4, "x": 5, "y": 5, "w": 80, "h": 40, "fill": "#ffd23f"},
//!     {"type": "ellipse", "color": "#000000", "width": 4, "x": 5, "y": 5, "w": 80, "h": 40},
//!     {"type": "text", "x": 40, "y": 60, "text": "Hello!", "size": 32, "color": "#2b2340"},
//!     {"type": "sticker", "emoji": "🐉", "x": 200, "y": 120, "size": 96}
//!   ] }
//! ```
//! Shapes are strict (unknown fields and types are refused), every number is finite and within
//! bounds, and the whole document is bounded in items and points. Validation never panics: it
//! is a fuzz target.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::accounts::FieldError;

/// Largest stored document, in bytes of JSON.
pub const MAX_BYTES: usize = 512 * 1024;
/// Most items in one drawing.
pub const MAX_ITEMS: usize = 5000;
/// Most numbers across all stroke point lists.
pub const MAX_POINT_NUMBERS: usize = 200_000;
/// Most characters across all text boxes (they all go through the profanity filter).
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Coordinates may sit a little outside the canvas (strokes that leave the edge).
const COORD_MIN: f64 = -4096.0;
const COORD_MAX: f64 = 8192.0;

/// A validated drawing.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Drawing {
    /// Format version (1).
    pub v: u32,
    /// Canvas width in px.
    pub width: u32,
    /// Canvas height in px.
    pub height: u32,
    /// Background colour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background: Option<String>,
    /// An uploaded image under the drawing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background_media: Option<String>,
    /// What is drawn, bottom to top.
    #[serde(default)]
    pub items: Vec<Item>,
}

/// One drawn thing. `id` is the client's stable id for undo and collaboration.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Item {
    Stroke {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        tool: String,
        color: String,
        width: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        opacity: Option<f64>,
        points: Vec<f64>,
    },
    Line {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        color: String,
        width: f64,
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
    },
    Rect {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        color: String,
        width: f64,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fill: Option<String>,
    },
    Ellipse {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        color: String,
        width: f64,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fill: Option<String>,
    },
    Text {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        x: f64,
        y: f64,
        text: String,
        size: f64,
        color: String,
    },
    Sticker {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        emoji: String,
        x: f64,
        y: f64,
        size: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rotation: Option<f64>,
    },
}

/// Stroke tools.
pub const TOOLS: &[&str] = &["pen", "brush", "marker", "crayon", "eraser"];

fn bad(message: impl Into<String>) -> FieldError {
    FieldError {
        field: "drawing",
        code: "invalid_drawing",
        message: message.into(),
    }
}

fn color(what: &str, c: &str) -> Result<(), FieldError> {
    let ok = (c.len() == 7 || c.len() == 9)
        && c.starts_with('#')
        && c[1..].bytes().all(|b| b.is_ascii_hexdigit());
    if ok {
        Ok(())
    } else {
        Err(bad(format!("{what}: colours look like #1c7ed6")))
    }
}

fn coord(what: &str, v: f64) -> Result<(), FieldError> {
    if v.is_finite() && (COORD_MIN..=COORD_MAX).contains(&v) {
        Ok(())
    } else {
        Err(bad(format!("{what}: a position is off the page")))
    }
}

fn within(what: &str, v: f64, lo: f64, hi: f64) -> Result<(), FieldError> {
    if v.is_finite() && (lo..=hi).contains(&v) {
        Ok(())
    } else {
        Err(bad(format!("{what} must be between {lo} and {hi}")))
    }
}

fn item_id(what: &str, id: &Option<String>) -> Result<(), FieldError> {
    match id {
        Some(s) if s.is_empty() || s.len() > 64 || s.chars().any(char::is_control) => {
            Err(bad(format!("{what}: an id has 1 to 64 characters")))
        }
        _ => Ok(()),
    }
}

/// Checks one item on its own (a live drawing op) with the same rules as a whole document.
pub fn check_item(item: &Item) -> Result<(), FieldError> {
    Drawing {
        v: 1,
        width: 4096,
        height: 4096,
        background: None,
        background_media: None,
        items: vec![item.clone()],
    }
    .check()
}

/// Is this a media id (sha256 hex)?
pub fn is_media_id(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl Drawing {
    /// Parses and validates a document from JSON.
    pub fn from_value(value: Value) -> Result<Drawing, FieldError> {
        let d: Drawing = serde_json::from_value(value).map_err(|e| {
            let text = e.to_string();
            bad(format!(
                "The drawing is not in the right shape: {}",
                text.split(" at line ").next().unwrap_or(&text)
            ))
        })?;
        d.check()?;
        Ok(d)
    }

    fn check(&self) -> Result<(), FieldError> {
        if self.v != 1 {
            return Err(bad("Only drawing format version 1 is understood."));
        }
        if !(1..=4096).contains(&self.width) || !(1..=4096).contains(&self.height) {
            return Err(bad("A canvas is 1 to 4096 pixels wide and high."));
        }
        if let Some(c) = &self.background {
            color("background", c)?;
        }
        if let Some(m) = &self.background_media
            && !is_media_id(m)
        {
            return Err(bad(
                "background_media must be the id of an uploaded picture.",
            ));
        }
        if self.items.len() > MAX_ITEMS {
            return Err(bad(format!(
                "A drawing can have at most {MAX_ITEMS} parts."
            )));
        }
        let mut numbers = 0usize;
        let mut text_chars = 0usize;
        for (i, item) in self.items.iter().enumerate() {
            let what = format!("item {}", i + 1);
            match item {
                Item::Stroke {
                    id,
                    tool,
                    color: c,
                    width,
                    opacity,
                    points,
                } => {
                    item_id(&what, id)?;
                    if !TOOLS.contains(&tool.as_str()) {
                        return Err(bad(format!(
                            "{what}: tool must be one of {}",
                            TOOLS.join(", ")
                        )));
                    }
                    color(&what, c)?;
                    within(&format!("{what} width"), *width, 0.5, 200.0)?;
                    if let Some(o) = opacity {
                        within(&format!("{what} opacity"), *o, 0.0, 1.0)?;
                    }
                    if points.len() < 2 || points.len() % 2 != 0 {
                        return Err(bad(format!("{what}: points come in x,y pairs")));
                    }
                    numbers += points.len();
                    if numbers > MAX_POINT_NUMBERS {
                        return Err(bad(
                            "The drawing has too many points. Try fewer, shorter lines.",
                        ));
                    }
                    for p in points {
                        coord(&what, *p)?;
                    }
                }
                Item::Line {
                    id,
                    color: c,
                    width,
                    x1,
                    y1,
                    x2,
                    y2,
                } => {
                    item_id(&what, id)?;
                    color(&what, c)?;
                    within(&format!("{what} width"), *width, 0.5, 200.0)?;
                    for v in [x1, y1, x2, y2] {
                        coord(&what, *v)?;
                    }
                }
                Item::Rect {
                    id,
                    color: c,
                    width,
                    x,
                    y,
                    w,
                    h,
                    fill,
                }
                | Item::Ellipse {
                    id,
                    color: c,
                    width,
                    x,
                    y,
                    w,
                    h,
                    fill,
                } => {
                    item_id(&what, id)?;
                    color(&what, c)?;
                    if let Some(f) = fill {
                        color(&what, f)?;
                    }
                    within(&format!("{what} width"), *width, 0.0, 200.0)?;
                    coord(&what, *x)?;
                    coord(&what, *y)?;
                    within(&format!("{what} size"), *w, -8192.0, 8192.0)?;
                    within(&format!("{what} size"), *h, -8192.0, 8192.0)?;
                }
                Item::Text {
                    id,
                    x,
                    y,
                    text,
                    size,
                    color: c,
                } => {
                    item_id(&what, id)?;
                    coord(&what, *x)?;
                    coord(&what, *y)?;
                    within(&format!("{what} size"), *size, 4.0, 400.0)?;
                    color(&what, c)?;
                    let n = text.chars().count();
                    text_chars += n;
                    if text_chars > MAX_TEXT_CHARS {
                        return Err(bad(format!(
                            "A drawing can hold at most {MAX_TEXT_CHARS} letters of text."
                        )));
                    }
                    if n == 0 || n > 500 || super::text::has_unshowable(text, true) {
                        return Err(bad(format!("{what}: a text box holds 1 to 500 characters")));
                    }
                }
                Item::Sticker {
                    id,
                    emoji,
                    x,
                    y,
                    size,
                    rotation,
                } => {
                    item_id(&what, id)?;
                    let n = emoji.chars().count();
                    if n == 0
                        || n > 8
                        || emoji.len() > 32
                        || emoji
                            .chars()
                            .any(|c| c.is_alphanumeric() || c.is_whitespace() || c.is_control())
                    {
                        return Err(bad(format!("{what}: a sticker is one emoji")));
                    }
                    coord(&what, *x)?;
                    coord(&what, *y)?;
                    within(&format!("{what} size"), *size, 4.0, 1200.0)?;
                    if let Some(r) = rotation {
                        within(&format!("{what} rotation"), *r, -360.0, 360.0)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Words written in the drawing (text boxes), for the profanity filter.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.items.iter().filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }

    /// Canonical JSON for storage; `Err` when it is larger than [`MAX_BYTES`].
    pub fn to_json(&self) -> Result<String, FieldError> {
        let json =
            serde_json::to_string(self).map_err(|_| bad("The drawing could not be stored."))?;
        if json.len() > MAX_BYTES {
            return Err(bad(format!(
                "The drawing is too big (over {} KiB). Try fewer, shorter lines.",
                MAX_BYTES / 1024
            )));
        }
        Ok(json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> Value {
        json!({
            "v": 1, "width": 800, "height": 600, "background": "#fffaf0",
            "items": [
                {"type": "stroke", "id": "s1", "tool": "pen", "color": "#1c7ed6", "width": 6, "points": [10, 20, 14.5, 25]},
                {"type": "line", "color": "#000000", "width": 4, "x1": 0, "y1": 0, "x2": 50, "y2": 50},
                {"type": "rect", "color": "#000000", "width": 4, "x": 5, "y": 5, "w": 80, "h": 40, "fill": "#ffd23fcc"},
                {"type": "ellipse", "color": "#000000", "width": 2, "x": 5, "y": 5, "w": 80, "h": 40},
                {"type": "text", "x": 40, "y": 60, "text": "Hello!", "size": 32, "color": "#2b2340"},
                {"type": "sticker", "emoji": "🐉", "x": 200, "y": 120, "size": 96, "rotation": 15}
            ]
        })
    }

    #[test]
    fn a_good_drawing_round_trips() {
        let d = Drawing::from_value(sample()).expect("valid");
        assert_eq!(d.items.len(), 6);
        assert_eq!(d.texts().collect::<Vec<_>>(), vec!["Hello!"]);
        let again =
            Drawing::from_value(serde_json::from_str(&d.to_json().expect("json")).expect("parse"))
                .expect("valid");
        assert_eq!(d, again);
    }

    #[test]
    fn bad_shapes_and_numbers_are_refused() {
        let mut cases = Vec::new();
        let mut with = |path: &str, v: Value| {
            let mut d = sample();
            let (item, key) = path.split_once('.').unwrap_or(("", path));
            if item.is_empty() {
                d[key] = v;
            } else {
                let i: usize = item.parse().expect("index");
                d["items"][i][key] = v;
            }
            cases.push((path.to_string(), d));
        };
        with("v", json!(2));
        with("width", json!(0));
        with("width", json!(5000));
        with("background", json!("red"));
        with("background_media", json!("../etc/passwd"));
        with("0.tool", json!("flamethrower"));
        with("0.points", json!([1, 2, 3]));
        with("0.points", json!([]));
        with("0.points", json!([1e9, 2]));
        with("0.points", json!(["1", 2]));
        with("0.width", json!(-1));
        with("0.opacity", json!(2));
        with("0.color", json!("#12345"));
        with("0.extra", json!(true));
        with("1.x2", json!(1e300));
        with("4.text", json!(""));
        with("4.text", json!("x".repeat(501)));
        with("4.size", json!(1000));
        with("5.emoji", json!("abc"));
        with("5.rotation", json!(720));
        with("0.type", json!("laser"));
        with("0.id", json!(""));
        with("items", json!("not a list"));
        for (what, d) in cases {
            let e = Drawing::from_value(d).expect_err(&what);
            assert_eq!(e.code, "invalid_drawing", "{what}");
        }
    }

    #[test]
    fn size_limits_hold() {
        let many: Vec<Value> = (0..MAX_ITEMS + 1)
            .map(|_| json!({"type": "line", "color": "#000000", "width": 1, "x1": 0, "y1": 0, "x2": 1, "y2": 1}))
            .collect();
        let d = json!({"v": 1, "width": 10, "height": 10, "items": many});
        assert!(Drawing::from_value(d).is_err());
        let points: Vec<f64> = (0..MAX_POINT_NUMBERS + 2)
            .map(|i| (i % 100) as f64)
            .collect();
        let d = json!({"v": 1, "width": 10, "height": 10, "items": [{"type": "stroke", "tool": "pen", "color": "#000000", "width": 1, "points": points}]});
        assert!(Drawing::from_value(d).is_err());
        // Within the point budget but over the byte budget.
        let points: Vec<f64> = (0..150_000)
            .map(|i| (i % 8000) as f64 + 0.123_456_789_1)
            .collect();
        let d = json!({"v": 1, "width": 10, "height": 10, "items": [{"type": "stroke", "tool": "pen", "color": "#000000", "width": 1, "points": points}]});
        let parsed = Drawing::from_value(d).expect("shape ok");
        assert!(parsed.to_json().is_err());
    }

    #[test]
    fn never_panics_on_odd_json() {
        for v in [
            json!(null),
            json!([]),
            json!("x"),
            json!(1),
            json!({}),
            json!({"v": 1}),
            json!({"v": 1, "width": 1, "height": 1, "items": [null, 1, "x"]}),
        ] {
            let _ = Drawing::from_value(v);
        }
    }
}
