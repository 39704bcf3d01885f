//! Account rules with no I/O: roles, usernames, names, passwords, profile fields, levels.

use std::fmt;

/// Why a field was refused; the API layer turns it into a 422.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The input field.
    pub field: &'static str,
    /// Stable snake_case code.
    pub code: &'static str,
    /// Words a child can read.
    pub message: String,
}

impl FieldError {
    pub fn new(field: &'static str, code: &'static str, message: impl Into<String>) -> Self {
        FieldError {
            field,
            code,
            message: message.into(),
        }
    }
}

/// Who a user is. Set at creation; only an admin changes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Child,
    Parent,
    Teacher,
    Admin,
}

impl Role {
    /// The stored and wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Child => "child",
            Role::Parent => "parent",
            Role::Teacher => "teacher",
            Role::Admin => "admin",
        }
    }

    /// Parses a stored or wire name.
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "child" => Some(Role::Child),
            "parent" => Some(Role::Parent),
            "teacher" => Some(Role::Teacher),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// Roles a person may pick when signing up; admin is never self-chosen.
    pub fn self_service(self) -> bool {
        matches!(self, Role::Child | Role::Parent | Role::Teacher)
    }

    /// Shortest password this role may set.
    pub fn min_password_len(self) -> usize {
        match self {
            Role::Child => 6,
            _ => 8,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Longest password accepted, in characters (bounds hashing work).
pub const MAX_PASSWORD_CHARS: usize = 128;
/// Username length bounds.
pub const USERNAME_MIN: usize = 3;
/// Username length bounds.
pub const USERNAME_MAX: usize = 24;
/// Display name length bound.
pub const DISPLAY_NAME_MAX: usize = 50;
/// Bio length bound.
pub const BIO_MAX: usize = 500;
/// XP per level.
pub const XP_PER_LEVEL: i64 = 500;

/// Lower-cases and checks a username: 3–24 of `a-z 0-9 _ .`, starting with a letter or digit.
pub fn normalize_username(raw: &str) -> Result<String, FieldError> {
    let name = raw.trim().to_lowercase();
    let len = name.chars().count();
    if !(USERNAME_MIN..=USERNAME_MAX).contains(&len) {
        return Err(FieldError::new(
            "username",
            "invalid_username",
            format!("A username needs {USERNAME_MIN} to {USERNAME_MAX} letters or numbers."),
        ));
    }
    let ok_chars = name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.');
    let ok_start = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    if !ok_chars || !ok_start || name.contains("..") {
        return Err(FieldError::new(
            "username",
            "invalid_username",
            "A username may use letters a-z, numbers, _ and . and must start with a letter or number.",
        ));
    }
    Ok(name)
}

/// Collapses inner whitespace, trims, and refuses control characters.
fn clean_line(raw: &str) -> Option<String> {
    if super::text::has_unshowable(raw, false) {
        return None;
    }
    Some(raw.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Checks a display name: 1–50 characters on one line.
pub fn validate_display_name(raw: &str) -> Result<String, FieldError> {
    let name = clean_line(raw).ok_or_else(|| {
        FieldError::new(
            "display_name",
            "invalid_display_name",
            "A name must be on one line.",
        )
    })?;
    let len = name.chars().count();
    if len == 0 || len > DISPLAY_NAME_MAX {
        return Err(FieldError::new(
            "display_name",
            "invalid_display_name",
            format!("A name needs 1 to {DISPLAY_NAME_MAX} characters."),
        ));
    }
    Ok(name)
}

/// Checks a password for a role (length only: children choose their own words).
pub fn validate_password(field: &'static str, pw: &str, role: Role) -> Result<(), FieldError> {
    let len = pw.chars().count();
    let min = role.min_password_len();
    if len < min {
        return Err(FieldError::new(
            field,
            "password_too_short",
            format!("A password needs at least {min} characters."),
        ));
    }
    if len > MAX_PASSWORD_CHARS {
        return Err(FieldError::new(
            field,
            "password_too_long",
            format!("A password can have at most {MAX_PASSWORD_CHARS} characters."),
        ));
    }
    if pw.trim().is_empty() {
        return Err(FieldError::new(
            field,
            "password_blank",
            "A password cannot be only spaces.",
        ));
    }
    Ok(())
}

/// Checks a bio: up to 500 characters, line breaks allowed, other control characters not.
pub fn validate_bio(raw: &str) -> Result<String, FieldError> {
    if super::text::has_unshowable(raw, true) {
        return Err(FieldError::new(
            "bio",
            "invalid_bio",
            "The bio has characters we cannot show.",
        ));
    }
    let bio = raw.trim().to_string();
    if bio.chars().count() > BIO_MAX {
        return Err(FieldError::new(
            "bio",
            "invalid_bio",
            format!("A bio can have at most {BIO_MAX} characters."),
        ));
    }
    Ok(bio)
}

/// Checks an avatar: one emoji (a short grapheme with no letters, digits or spaces).
pub fn validate_avatar_emoji(raw: &str) -> Result<String, FieldError> {
    let e = raw.trim();
    let n = e.chars().count();
    let looks_like_emoji = (1..=8).contains(&n)
        && e.len() <= 32
        && e.chars().all(|c| {
            !c.is_alphanumeric()
                && !c.is_whitespace()
                && !c.is_control()
                && !super::text::is_hidden_format(c)
        })
        && e.chars().any(|c| u32::from(c) >= 0x2000);
    if !looks_like_emoji {
        return Err(FieldError::new(
            "avatar_emoji",
            "invalid_avatar",
            "Pick one emoji as your picture.",
        ));
    }
    Ok(e.to_string())
}

/// UI themes the SPA knows.
pub const THEMES: &[&str] = &["sunny", "night", "contrast", "ocean", "forest"];

/// Checks a theme name.
pub fn validate_theme(raw: &str) -> Result<String, FieldError> {
    if THEMES.contains(&raw) {
        Ok(raw.to_string())
    } else {
        Err(FieldError::new(
            "theme",
            "invalid_theme",
            format!("Pick one of: {}.", THEMES.join(", ")),
        ))
    }
}

/// Checks a language code (`en` or `tl`).
pub fn validate_language(field: &'static str, raw: &str) -> Result<String, FieldError> {
    match raw {
        "en" | "tl" => Ok(raw.to_string()),
        _ => Err(FieldError::new(
            field,
            "invalid_language",
            "Pick English (en) or Tagalog (tl).",
        )),
    }
}

/// Checks a privacy setting.
pub fn validate_privacy(raw: &str) -> Result<String, FieldError> {
    match raw {
        "public" | "friends" | "private" => Ok(raw.to_string()),
        _ => Err(FieldError::new(
            "privacy",
            "invalid_privacy",
            "Pick public, friends or private.",
        )),
    }
}

/// Whether an account may be used right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Active (or a suspension that has run out).
    Active,
    /// Suspended until this time (`None`: until an admin lifts it).
    Suspended(Option<i64>),
    /// Archived by an admin.
    Archived,
}

/// Reads a stored status; suspensions lift themselves once `suspended_until` has passed.
pub fn standing(status: &str, suspended_until: Option<i64>, now: i64) -> Standing {
    match status {
        "active" => Standing::Active,
        "suspended" => match suspended_until {
            Some(until) if until <= now => Standing::Active,
            other => Standing::Suspended(other),
        },
        _ => Standing::Archived,
    }
}

/// Level for an XP total: 1 + XP / 500.
pub fn level_for_xp(xp: i64) -> i64 {
    1 + xp.max(0) / XP_PER_LEVEL
}

/// Age bands an account may carry (no birth dates are kept); games size themselves by them.
pub const AGE_BANDS: &[&str] = &["5-7", "8-9", "10-12"];

/// Checks an age band from a request: `Some(None)` clears it (an empty string), `Some(band)` sets it.
pub fn parse_age_band(raw: &str) -> Result<Option<String>, FieldError> {
    match raw.trim() {
        "" => Ok(None),
        b if AGE_BANDS.contains(&b) => Ok(Some(b.to_string())),
        _ => Err(FieldError::new(
            "age_band",
            "invalid_age_band",
            "Pick 5-7, 8-9 or 10-12 (or leave it empty).",
        )),
    }
}

/// The signed-in caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthUser {
    /// User id.
    pub id: i64,
    /// Current role.
    pub role: Role,
    /// The device session the token belongs to.
    pub session_id: String,
    /// A parent's read-only view of a child's account: only reads are allowed.
    pub view_only: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_lower_cased_and_checked() {
        assert_eq!(normalize_username("  Maya_07 ").as_deref(), Ok("maya_07"));
        assert!(normalize_username("ab").is_err());
        assert!(normalize_username(&"a".repeat(25)).is_err());
        assert!(normalize_username("_maya").is_err());
        assert!(normalize_username("ma ya").is_err());
        assert!(normalize_username("ma..ya").is_err());
        assert!(normalize_username("máya").is_err());
    }

    #[test]
    fn display_names_are_single_line_and_bounded() {
        assert_eq!(
            validate_display_name("  Maya   Cruz ").as_deref(),
            Ok("Maya Cruz")
        );
        assert!(validate_display_name("   ").is_err());
        assert!(validate_display_name("a\nb").is_err());
        assert!(validate_display_name(&"x".repeat(51)).is_err());
        assert!(validate_display_name(&"é".repeat(50)).is_ok());
        assert!(validate_display_name("\u{200B}").is_err(), "invisible");
        assert!(
            validate_display_name("Teacher\u{202E}").is_err(),
            "reversing"
        );
        assert!(validate_avatar_emoji("\u{202E}").is_err());
    }

    #[test]
    fn passwords_depend_on_role() {
        assert!(validate_password("password", "abcdef", Role::Child).is_ok());
        assert!(validate_password("password", "abcdef", Role::Parent).is_err());
        assert!(validate_password("password", "        ", Role::Parent).is_err());
        assert!(validate_password("password", &"x".repeat(129), Role::Child).is_err());
    }

    #[test]
    fn roles_round_trip_and_admin_is_not_self_service() {
        for r in [Role::Child, Role::Parent, Role::Teacher, Role::Admin] {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert!(!Role::Admin.self_service());
        assert_eq!(Role::parse("superuser"), None);
    }

    #[test]
    fn avatars_must_be_emoji() {
        assert!(validate_avatar_emoji("🦊").is_ok());
        assert!(validate_avatar_emoji("👩‍🚀").is_ok());
        assert!(validate_avatar_emoji("a").is_err());
        assert!(validate_avatar_emoji("").is_err());
        assert!(validate_avatar_emoji("🦊🦊🦊🦊🦊🦊🦊🦊🦊").is_err());
    }

    #[test]
    fn suspensions_lift_themselves() {
        assert_eq!(standing("active", None, 10), Standing::Active);
        assert_eq!(
            standing("suspended", Some(20), 10),
            Standing::Suspended(Some(20))
        );
        assert_eq!(standing("suspended", Some(20), 20), Standing::Active);
        assert_eq!(standing("suspended", None, 10), Standing::Suspended(None));
        assert_eq!(standing("archived", None, 10), Standing::Archived);
    }

    #[test]
    fn levels_follow_xp() {
        assert_eq!(level_for_xp(0), 1);
        assert_eq!(level_for_xp(499), 1);
        assert_eq!(level_for_xp(500), 2);
        assert_eq!(level_for_xp(-5), 1);
    }
}
