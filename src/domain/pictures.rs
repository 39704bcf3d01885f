//! Picture passwords for children who cannot type yet: four taps on a grid of twelve pictures.
//!
//! The server stores and checks them like any password; the encoding below is what gets hashed,
//! so a typed password can never collide with a picture one.

use super::accounts::FieldError;

/// The pictures, in grid order: (id, emoji shown).
pub const PICTURES: &[(&str, &str)] = &[
    ("cat", "🐱"),
    ("dog", "🐶"),
    ("fish", "🐟"),
    ("bird", "🐦"),
    ("sun", "☀️"),
    ("moon", "🌙"),
    ("star", "⭐"),
    ("tree", "🌳"),
    ("flower", "🌸"),
    ("apple", "🍎"),
    ("car", "🚗"),
    ("boat", "⛵"),
];

/// Taps in a picture password.
pub const PICTURE_LEN: usize = 4;

/// The secret a picture password stands for, or why the taps are not one.
pub fn encode(field: &'static str, taps: &[String]) -> Result<String, FieldError> {
    if taps.len() != PICTURE_LEN {
        return Err(FieldError::new(
            field,
            "invalid_picture_password",
            format!("Tap {PICTURE_LEN} pictures."),
        ));
    }
    if let Some(bad) = taps
        .iter()
        .find(|t| !PICTURES.iter().any(|(id, _)| id == t))
    {
        return Err(FieldError::new(
            field,
            "invalid_picture_password",
            format!(
                "\"{}\" is not one of the pictures.",
                bad.chars().take(20).collect::<String>()
            ),
        ));
    }
    Ok(format!("pic:{}", taps.join("-")))
}

/// A password given either typed or as pictures (exactly one of them).
pub fn secret(
    field: &'static str,
    typed: Option<&str>,
    picture: Option<&[String]>,
) -> Result<Secret, FieldError> {
    match (typed, picture) {
        (Some(p), None) => Ok(Secret::Typed(p.to_string())),
        (None, Some(taps)) => Ok(Secret::Picture(encode(field, taps)?)),
        _ => Err(FieldError::new(
            field,
            "password_required",
            "Give a password or a picture password (one of them).",
        )),
    }
}

/// A checked password input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Secret {
    /// Typed by the person; its length rule depends on the role.
    Typed(String),
    /// Encoded picture taps.
    Picture(String),
}

impl Secret {
    /// What gets hashed.
    pub fn as_str(&self) -> &str {
        match self {
            Secret::Typed(s) | Secret::Picture(s) => s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taps(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn four_known_pictures_encode() {
        assert_eq!(
            encode("picture", &taps(&["cat", "dog", "cat", "sun"])).as_deref(),
            Ok("pic:cat-dog-cat-sun")
        );
    }

    #[test]
    fn wrong_count_or_unknown_picture_is_refused() {
        assert!(encode("picture", &taps(&["cat", "dog", "sun"])).is_err());
        assert!(encode("picture", &taps(&["cat", "dog", "sun", "sun", "sun"])).is_err());
        let err =
            encode("picture", &taps(&["cat", "dog", "sun", "x-ray"])).expect_err("unknown picture");
        assert_eq!(err.code, "invalid_picture_password");
    }

    #[test]
    fn exactly_one_kind_of_password() {
        assert!(secret("password", None, None).is_err());
        assert!(secret("password", Some("secret1"), Some(&taps(&["cat"; 4]))).is_err());
        assert_eq!(
            secret("password", Some("secret1"), None),
            Ok(Secret::Typed("secret1".into()))
        );
        assert_eq!(
            secret("password", None, Some(&taps(&["cat"; 4]))).map(|s| s.as_str().to_string()),
            Ok("pic:cat-cat-cat-cat".into())
        );
    }
}
