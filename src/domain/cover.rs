//! A story's cover when its author picked none: the first drawn page as an SVG (vector drawings
//! stay small and sharp at any size), or, for a story with no drawing at all, a title card in a
//! colour of its own. Every story in the library then has a cover that looks like it.
//!
//! The SVG is served as an image (`<img src>`), where it cannot run scripts or fetch anything;
//! all text is escaped all the same, and a background photo is embedded as a `data:` URL
//! because an SVG shown as an image may not load other files.

use std::fmt::Write;

use super::drawing::{Drawing, Item};

/// Where a story's cover is: the picture its author chose, or the one made here. `updated_at`
/// versions the made one, so browsers can keep it for a year and still see a changed page.
pub fn url(story_id: i64, chosen: Option<&str>, updated_at: i64) -> String {
    match chosen {
        Some(media) => format!("/media/{media}"),
        None => format!("/covers/{story_id}?v={updated_at}"),
    }
}

/// A photo under the drawing: its type and bytes (embedded whole).
pub struct Photo<'a> {
    pub mime: &'a str,
    pub bytes: &'a [u8],
}

/// The cover of a story with a drawing: the drawing as the browser's canvas paints it.
pub fn from_drawing(d: &Drawing, photo: Option<Photo<'_>>) -> String {
    let (w, h) = (d.width.max(1), d.height.max(1));
    let mut out = String::with_capacity(4096);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="320" height="{}" preserveAspectRatio="xMidYMid slice">"#,
        (320 * h).div_ceil(w)
    );
    let bg = d
        .background
        .as_deref()
        .filter(|c| is_colour(c))
        .unwrap_or("#fffaf0");
    let _ = write!(out, r#"<rect width="{w}" height="{h}" fill="{bg}"/>"#);
    if let Some(p) = photo {
        use base64::Engine;
        let data = base64::engine::general_purpose::STANDARD.encode(p.bytes);
        let _ = write!(
            out,
            r#"<image width="{w}" height="{h}" preserveAspectRatio="xMidYMid meet" href="data:{};base64,{data}"/>"#,
            escape(p.mime)
        );
    }
    // Items are painted bottom to top. An eraser rubs out what was drawn before it (never the
    // background or photo): everything so far goes under a mask with the eraser's line cut out.
    let mut body = String::new();
    let mut defs = String::new();
    for (n, item) in d.items.iter().enumerate() {
        if let Item::Stroke {
            tool,
            width,
            points,
            ..
        } = item
            && tool == "eraser"
        {
            let _ = write!(
                defs,
                r##"<mask id="e{n}" maskUnits="userSpaceOnUse" x="-4096" y="-4096" width="12288" height="12288"><rect x="-4096" y="-4096" width="12288" height="12288" fill="#fff"/><polyline points="{}" fill="none" stroke="#000" stroke-width="{}" stroke-linecap="round" stroke-linejoin="round"/></mask>"##,
                point_list(points),
                num(*width)
            );
            body = format!(r#"<g mask="url(#e{n})">{body}</g>"#);
            continue;
        }
        item_svg(&mut body, item);
    }
    if !defs.is_empty() {
        let _ = write!(out, "<defs>{defs}</defs>");
    }
    out.push_str(&body);
    out.push_str("</svg>");
    out
}

/// The cover of a story with no drawing: its title on a colour picked by its id, with the
/// genre's picture.
pub fn title_card(story_id: i64, title: &str, genre: Option<&str>) -> String {
    const COLOURS: &[(&str, &str)] = &[
        ("#ffd8a8", "#7a3a0a"),
        ("#d0ebff", "#0b4a80"),
        ("#d3f9d8", "#1e5b2a"),
        ("#f3d9fa", "#5f1d70"),
        ("#fff3bf", "#6b4f00"),
        ("#ffe3e3", "#7d1f1f"),
        ("#c5f6fa", "#0b5560"),
        ("#e5dbff", "#3b2a80"),
    ];
    let (bg, ink) = COLOURS[story_id.rem_euclid(COLOURS.len() as i64) as usize];
    let emoji = match genre.unwrap_or("") {
        "adventure" => "🗺️",
        "fantasy" => "🐉",
        "animals" => "🐾",
        "friendship" => "🤝",
        "family" => "🏡",
        "mystery" => "🔍",
        "science" => "🔬",
        "funny" => "😂",
        "fairy_tale" => "🏰",
        _ => "📖",
    };
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 240" width="320" height="240"><rect width="320" height="240" fill="{bg}"/><rect x="10" y="10" width="300" height="220" rx="18" fill="none" stroke="{ink}" stroke-width="4" stroke-dasharray="10 8" opacity="0.35"/><text x="160" y="92" font-size="64" text-anchor="middle">{emoji}</text>"#
    );
    let lines = wrap(title, 18, 3);
    let first = 150 + if lines.len() == 1 { 10 } else { 0 };
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(
            out,
            r#"<text x="160" y="{}" font-family="Trebuchet MS, system-ui, sans-serif" font-size="24" font-weight="700" fill="{ink}" text-anchor="middle">{}</text>"#,
            first + 28 * i,
            escape(line)
        );
    }
    out.push_str("</svg>");
    out
}

fn item_svg(out: &mut String, item: &Item) {
    match item {
        Item::Stroke {
            color,
            width,
            opacity,
            points,
            ..
        } => {
            if points.len() < 2 || !is_colour(color) {
                return;
            }
            let mut pts = point_list(points);
            // A dot: the canvas draws a tiny line so the round cap shows.
            if points.len() == 2 {
                let _ = write!(pts, " {},{}", num(points[0] + 0.1), num(points[1]));
            }
            let alpha = opacity
                .filter(|o| *o < 1.0)
                .map(|o| format!(r#" opacity="{}""#, num(o)))
                .unwrap_or_default();
            let _ = write!(
                out,
                r#"<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="{}" stroke-linecap="round" stroke-linejoin="round"{alpha}/>"#,
                num(*width)
            );
        }
        Item::Line {
            color,
            width,
            x1,
            y1,
            x2,
            y2,
            ..
        } if is_colour(color) => {
            let _ = write!(
                out,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{color}" stroke-width="{}" stroke-linecap="round"/>"#,
                num(*x1),
                num(*y1),
                num(*x2),
                num(*y2),
                num(*width)
            );
        }
        Item::Rect {
            color,
            width,
            x,
            y,
            w,
            h,
            fill,
            ..
        } if is_colour(color) => {
            // A rectangle dragged up or left has a negative size on the canvas.
            let (x, w) = if *w < 0.0 { (x + w, -w) } else { (*x, *w) };
            let (y, h) = if *h < 0.0 { (y + h, -h) } else { (*y, *h) };
            let _ = write!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="{}" {}/>"#,
                num(x),
                num(y),
                num(w),
                num(h),
                paint(color, *width, fill.as_deref())
            );
        }
        Item::Ellipse {
            color,
            width,
            x,
            y,
            w,
            h,
            fill,
            ..
        } if is_colour(color) => {
            let _ = write!(
                out,
                r#"<ellipse cx="{}" cy="{}" rx="{}" ry="{}" {}/>"#,
                num(x + w / 2.0),
                num(y + h / 2.0),
                num((w / 2.0).abs()),
                num((h / 2.0).abs()),
                paint(color, *width, fill.as_deref())
            );
        }
        Item::Text {
            x,
            y,
            text,
            size,
            color,
            ..
        } if is_colour(color) => {
            let _ = write!(
                out,
                r#"<text x="{}" y="{}" font-size="{}" font-family="system-ui, sans-serif" dominant-baseline="hanging" fill="{color}">{}</text>"#,
                num(*x),
                num(*y),
                num(*size),
                escape(text)
            );
        }
        Item::Sticker {
            emoji,
            x,
            y,
            size,
            rotation,
            ..
        } => {
            let turn = rotation
                .filter(|r| *r != 0.0)
                .map(|r| format!(r#" transform="rotate({} {} {})""#, num(r), num(*x), num(*y)))
                .unwrap_or_default();
            let _ = write!(
                out,
                r#"<text x="{}" y="{}" font-size="{}" text-anchor="middle" dominant-baseline="central"{turn}>{}</text>"#,
                num(*x),
                num(*y),
                num(*size),
                escape(emoji)
            );
        }
        _ => {}
    }
}

fn paint(color: &str, width: f64, fill: Option<&str>) -> String {
    let fill = fill.filter(|f| is_colour(f)).unwrap_or("none");
    if width > 0.0 {
        format!(
            r#"fill="{fill}" stroke="{color}" stroke-width="{}""#,
            num(width)
        )
    } else {
        format!(r#"fill="{fill}""#)
    }
}

// Points a cover cannot tell apart (closer than 2 px on a 1024 px page) are left out: a
// scribbled page stays a few kilobytes.
fn point_list(points: &[f64]) -> String {
    let mut out = String::with_capacity(points.len() * 4);
    let mut last: Option<(f64, f64)> = None;
    let pairs: Vec<(f64, f64)> = points.chunks_exact(2).map(|p| (p[0], p[1])).collect();
    for (i, &(x, y)) in pairs.iter().enumerate() {
        let keep = match last {
            None => true,
            Some((lx, ly)) => (x - lx).hypot(y - ly) >= 2.0 || i + 1 == pairs.len(),
        };
        if keep {
            if !out.is_empty() {
                out.push(' ');
            }
            let _ = write!(out, "{},{}", num(x), num(y));
            last = Some((x, y));
        }
    }
    out
}

fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

// Colours are checked when a drawing is saved; a cover checks again rather than trust it.
fn is_colour(c: &str) -> bool {
    (c.len() == 7 || c.len() == 9)
        && c.starts_with('#')
        && c[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML does not allow at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Up to `max_lines` lines of at most `width` characters, breaking between words; a title too
/// long for them ends with "…".
fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let word: String = word.chars().take(width).collect();
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while last.chars().count() + 1 > width {
                last.pop();
            }
            last.push('…');
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawing(items: serde_json::Value) -> Drawing {
        serde_json::from_value(
            serde_json::json!({"v": 1, "width": 1024, "height": 768, "items": items}),
        )
        .expect("drawing")
    }

    #[test]
    fn a_drawing_becomes_an_svg_of_its_strokes_shapes_and_stickers() {
        let d = drawing(serde_json::json!([
            {"type": "stroke", "tool": "pen", "color": "#1c7ed6", "width": 6, "points": [10, 20, 14, 25, 14.04, 25, 40, 60]},
            {"type": "rect", "color": "#000000", "width": 4, "x": 100, "y": 100, "w": -50, "h": 40, "fill": "#ffd23f"},
            {"type": "sticker", "emoji": "🐉", "x": 200, "y": 120, "size": 96},
            {"type": "text", "x": 40, "y": 60, "text": "<script>&", "size": 32, "color": "#2b2340"}
        ]));
        let svg = from_drawing(&d, None);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"points="10,20 14,25 40,60""#), "{svg}");
        assert!(svg.contains(r#"<rect x="50" y="100" width="50""#), "{svg}");
        assert!(svg.contains("🐉"));
        assert!(svg.contains("&lt;script&gt;&amp;") && !svg.contains("<script"));
    }

    #[test]
    fn an_eraser_masks_only_what_was_drawn_before_it() {
        let d = drawing(serde_json::json!([
            {"type": "stroke", "tool": "pen", "color": "#1c7ed6", "width": 6, "points": [0, 0, 100, 100]},
            {"type": "stroke", "tool": "eraser", "color": "#000000", "width": 20, "points": [50, 0, 50, 100]},
            {"type": "stroke", "tool": "pen", "color": "#d9480f", "width": 6, "points": [0, 100, 100, 0]}
        ]));
        let svg = from_drawing(&d, None);
        let masked = svg.find(r##"mask="url(#e1)""##).expect("mask used");
        assert!(svg[masked..].find("#1c7ed6") < svg[masked..].find("#d9480f"));
        assert!(svg.ends_with(r##"stroke="#d9480f" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/></svg>"##), "{svg}");
    }

    #[test]
    fn title_cards_differ_by_story_and_wrap_long_titles() {
        let a = title_card(
            1,
            "A Very Long Title About A Dragon And A Mango Tree And More",
            Some("fantasy"),
        );
        let b = title_card(
            2,
            "A Very Long Title About A Dragon And A Mango Tree And More",
            Some("fantasy"),
        );
        assert_ne!(a, b);
        assert_eq!(a.matches("<text").count(), 4, "{a}");
        assert!(a.contains('…') && a.contains("🐉"));
        assert!(title_card(3, "Tom & <Jerry>", None).contains("Tom &amp; &lt;Jerry&gt;"));
    }

    #[test]
    fn chosen_covers_are_media_and_made_ones_are_versioned() {
        assert_eq!(url(7, Some("ab"), 5), "/media/ab");
        assert_eq!(url(7, None, 5), "/covers/7?v=5");
    }
}
