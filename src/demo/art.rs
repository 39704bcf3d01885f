//! Simple vector pictures for the demo library, built from the same shapes the drawing editor
//! makes, so every demo page is a real, valid drawing document.

use serde_json::{Value, json};

/// Canvas size of demo pictures.
pub const W: f64 = 800.0;
/// Canvas size of demo pictures.
pub const H: f64 = 600.0;

/// A drawing document with a background colour and items.
pub fn picture(background: &str, items: Vec<Value>) -> Value {
    json!({ "v": 1, "width": W as u32, "height": H as u32, "background": background, "items": items })
}

fn rect(x: f64, y: f64, w: f64, h: f64, fill: &str) -> Value {
    json!({ "type": "rect", "color": fill, "width": 0, "x": x, "y": y, "w": w, "h": h, "fill": fill })
}

fn ellipse(x: f64, y: f64, w: f64, h: f64, fill: &str) -> Value {
    json!({ "type": "ellipse", "color": fill, "width": 0, "x": x, "y": y, "w": w, "h": h, "fill": fill })
}

fn line(x1: f64, y1: f64, x2: f64, y2: f64, color: &str, width: f64) -> Value {
    json!({ "type": "line", "color": color, "width": width, "x1": x1, "y1": y1, "x2": x2, "y2": y2 })
}

fn stroke(points: &[(f64, f64)], color: &str, width: f64) -> Value {
    let flat: Vec<f64> = points.iter().flat_map(|&(x, y)| [x, y]).collect();
    json!({ "type": "stroke", "tool": "brush", "color": color, "width": width, "points": flat })
}

fn sticker(emoji: &str, x: f64, y: f64, size: f64) -> Value {
    json!({ "type": "sticker", "emoji": emoji, "x": x, "y": y, "size": size })
}

/// Green ground across the bottom.
pub fn ground(color: &str) -> Value {
    rect(0.0, 450.0, W, 150.0, color)
}

/// A round sun with rays.
pub fn sun(x: f64, y: f64) -> Vec<Value> {
    let mut v = vec![ellipse(x - 50.0, y - 50.0, 100.0, 100.0, "#ffd23f")];
    for i in 0..8 {
        let a = f64::from(i) * std::f64::consts::FRAC_PI_4;
        v.push(line(
            x + a.cos() * 65.0,
            y + a.sin() * 65.0,
            x + a.cos() * 95.0,
            y + a.sin() * 95.0,
            "#ffb000",
            6.0,
        ));
    }
    v
}

/// A crescent moon and a few stars.
pub fn night_sky() -> Vec<Value> {
    let mut v = vec![
        ellipse(600.0, 60.0, 110.0, 110.0, "#fff3bf"),
        ellipse(630.0, 45.0, 110.0, 110.0, "#1b1f3b"),
    ];
    for (x, y) in [
        (100.0, 80.0),
        (220.0, 150.0),
        (340.0, 60.0),
        (480.0, 190.0),
        (150.0, 260.0),
    ] {
        v.push(sticker("⭐", x, y, 36.0));
    }
    v
}

/// A tree: trunk and a round crown.
pub fn tree(x: f64) -> Vec<Value> {
    vec![
        rect(x - 15.0, 330.0, 30.0, 130.0, "#8d5524"),
        ellipse(x - 80.0, 200.0, 160.0, 160.0, "#2b8a3e"),
    ]
}

/// A house with a roof, door and window.
pub fn house(x: f64) -> Vec<Value> {
    vec![
        rect(x, 300.0, 200.0, 160.0, "#f4a261"),
        stroke(
            &[
                (x - 20.0, 300.0),
                (x + 100.0, 200.0),
                (x + 220.0, 300.0),
                (x - 20.0, 300.0),
            ],
            "#c92a2a",
            14.0,
        ),
        rect(x + 80.0, 370.0, 45.0, 90.0, "#6f4518"),
        rect(x + 20.0, 330.0, 45.0, 40.0, "#a5d8ff"),
    ]
}

/// Waves across the bottom half.
pub fn sea() -> Vec<Value> {
    let mut v = vec![rect(0.0, 380.0, W, 220.0, "#339af0")];
    for row in 0..3 {
        let y = 410.0 + f64::from(row) * 55.0;
        let pts: Vec<(f64, f64)> = (0..=16)
            .map(|i| (f64::from(i) * 50.0, y + if i % 2 == 0 { 0.0 } else { 14.0 }))
            .collect();
        v.push(stroke(&pts, "#d0ebff", 5.0));
    }
    v
}

/// A little boat.
pub fn boat(x: f64) -> Vec<Value> {
    vec![
        stroke(
            &[
                (x, 370.0),
                (x + 160.0, 370.0),
                (x + 130.0, 410.0),
                (x + 30.0, 410.0),
                (x, 370.0),
            ],
            "#8d5524",
            10.0,
        ),
        line(x + 80.0, 370.0, x + 80.0, 250.0, "#495057", 6.0),
        stroke(
            &[(x + 85.0, 255.0), (x + 150.0, 350.0), (x + 85.0, 350.0)],
            "#ffffff",
            8.0,
        ),
    ]
}

/// Falling rain.
pub fn rain() -> Vec<Value> {
    (0..24)
        .map(|i| {
            let x = f64::from(i % 8) * 100.0 + 30.0 + f64::from(i / 8) * 30.0;
            let y = f64::from(i / 8) * 130.0 + 40.0;
            line(x, y, x - 15.0, y + 45.0, "#74c0fc", 4.0)
        })
        .collect()
}

/// Mountains in the distance.
pub fn mountains() -> Value {
    stroke(
        &[
            (0.0, 420.0),
            (160.0, 220.0),
            (300.0, 380.0),
            (450.0, 180.0),
            (620.0, 400.0),
            (800.0, 250.0),
        ],
        "#868e96",
        12.0,
    )
}

/// Flowers along the ground.
pub fn flowers() -> Vec<Value> {
    (0..6)
        .map(|i| {
            sticker(
                ["🌼", "🌸", "🌷"][i % 3],
                60.0 + i as f64 * 120.0,
                500.0,
                48.0,
            )
        })
        .collect()
}

/// A character or thing as a big sticker.
pub fn star_of(emoji: &str, x: f64, y: f64) -> Value {
    sticker(emoji, x, y, 140.0)
}

/// A caption written on the picture.
pub fn caption(text: &str) -> Value {
    json!({ "type": "text", "x": 40, "y": 560, "text": text, "size": 30, "color": "#2b2340" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::drawing::Drawing;

    #[test]
    fn every_builder_makes_a_valid_drawing() {
        let mut items = vec![
            ground("#8ce99a"),
            mountains(),
            star_of("🐉", 300.0, 250.0),
            caption("Hello!"),
        ];
        for set in [
            sun(650.0, 120.0),
            night_sky(),
            tree(150.0),
            house(450.0),
            sea(),
            boat(300.0),
            rain(),
            flowers(),
        ] {
            items.extend(set);
        }
        Drawing::from_value(picture("#e7f5ff", items)).expect("valid");
    }
}
