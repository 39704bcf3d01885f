//! Checks shared by every user-written text field.

/// Invisible or direction-changing characters: zero-width spaces, bidi overrides and isolates,
/// fillers. They let a name look like someone else's ("Teacher" reversed by U+202E) or hide
/// words. The zero-width joiner and variation selectors are not here: emoji need them.
pub fn is_hidden_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180E}'
            | '\u{200B}'
            | '\u{200C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// True when the text has a character that should never be in written text: controls other
/// than line breaks and tabs (when `multiline`), or hidden format characters.
pub fn has_unshowable(text: &str, multiline: bool) -> bool {
    text.chars().any(|c| {
        (c.is_control() && !(multiline && (c == '\n' || c == '\t'))) || is_hidden_format(c)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hides_spoofing_characters_but_keeps_emoji_joiners() {
        assert!(has_unshowable("Teacher\u{202E}rehcaeT", false));
        assert!(has_unshowable("\u{200B}", false));
        assert!(has_unshowable("a\nb", false));
        assert!(!has_unshowable("a\nb", true));
        assert!(
            !has_unshowable("👩‍🚀 Maya ❤️", false),
            "ZWJ and VS16 are fine"
        );
        assert!(!has_unshowable("Niño Ñandú", false));
    }
}
