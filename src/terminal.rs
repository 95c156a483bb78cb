//! Text for a terminal: what a person typed is shown, never obeyed.
//!
//! Answers, evidence, checklists and commit messages are anyone's text. Printed raw, an
//! escape sequence in them would set the window's title, write to the clipboard, move the
//! cursor over earlier lines or hide text; a bidirectional override would reorder what is
//! read. Every text report and message passes through [`visible`] on its way out: such
//! characters are shown as `^[`, `^G`, `<U+202E>`, so that the reader sees that they are
//! there and what they are. Only the colours checksheet itself writes are kept.

use std::borrow::Cow;
use std::fmt::Write as _;

/// `text` with every control character but line breaks and tabs made visible; with
/// `colour`, the colour sequences checksheet writes (bold, a foreground colour, reset)
/// are kept, and only those.
pub fn visible(text: &str, colour: bool) -> Cow<'_, str> {
    if !text.chars().any(needs_showing) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\u{1b}'
            && colour
            && let Some(length) = own_colour(rest)
        {
            shown.push_str(&rest[..length]);
            rest = &rest[length..];
            continue;
        }
        if needs_showing(c) {
            show(c, &mut shown);
        } else {
            shown.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(shown)
}

/// Whether `c` acts on a terminal or on the order of text rather than being read.
fn needs_showing(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

/// The characters that change the direction text is shown in (Unicode's explicit
/// directional embeddings, overrides and isolates).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `c` as a reader sees it: caret notation for the ASCII controls (as `cat -v` shows
/// them), its code point for the others.
fn show(c: char, out: &mut String) {
    match c {
        '\0'..='\u{1f}' => {
            out.push('^');
            out.push(char::from(b'@' + c as u8));
        }
        '\u{7f}' => out.push_str("^?"),
        _ => {
            let _ = write!(out, "<U+{:04X}>", u32::from(c));
        }
    }
}

/// The length of the colour sequence (SGR) at the start of `text` when it is one that
/// checksheet writes: reset, bold, dim, italic, underline, their ends, and the eight
/// foreground colours plain or bright. Backgrounds, concealed text and the rest are not.
fn own_colour(text: &str) -> Option<usize> {
    let body = text.strip_prefix("\u{1b}[")?;
    let end = body.find(|c: char| !(c.is_ascii_digit() || c == ';'))?;
    if !body[end..].starts_with('m') {
        return None;
    }
    let allowed = body[..end].split(';').all(|parameter| {
        matches!(
            parameter,
            "" | "0" | "1" | "2" | "3" | "4" | "22" | "23" | "24" | "39"
        ) || parameter
            .parse::<u8>()
            .is_ok_and(|n| (31..=37).contains(&n) || (91..=97).contains(&n))
    });
    allowed.then_some("\u{1b}[".len() + end + 1)
}

#[cfg(test)]
mod tests {
    use super::visible;

    /// What a person (or an attacker) puts in a value, held up against what the terminal
    /// must be given.
    #[test]
    fn controls_are_shown_and_only_our_colours_kept() {
        let cases: &[(&str, bool, &str)] = &[
            (
                "健診結果の取扱い\n\t次の行",
                false,
                "健診結果の取扱い\n\t次の行",
            ),
            // The window's title, then the clipboard (OSC 52), each ended by BEL or ST.
            ("a\u{1b}]0;pwned\u{7}b", false, "a^[]0;pwned^Gb"),
            ("\u{1b}]52;c;ZXZpbA==\u{1b}\\", true, "^[]52;c;ZXZpbA==^[\\"),
            // Moving the cursor up and clearing a line, to write over what came before.
            ("ok\u{1b}[1A\u{1b}[2K", true, "ok^[[1A^[[2K"),
            // A carriage return that writes over the start of the line.
            ("未対応\r対応済", false, "未対応^M対応済"),
            // Concealed text and a background, even when colour is on.
            ("\u{1b}[8msecret\u{1b}[0m", true, "^[[8msecret\u{1b}[0m"),
            ("\u{1b}[41mx", true, "^[[41mx"),
            // Our own colours, kept only when colouring.
            (
                "\u{1b}[1m\u{1b}[91merror\u{1b}[0m",
                true,
                "\u{1b}[1m\u{1b}[91merror\u{1b}[0m",
            ),
            ("\u{1b}[31mx\u{1b}[0m", false, "^[[31mx^[[0m"),
            // C1 controls, DEL, NUL and a bidirectional override.
            ("\u{9b}31m", false, "<U+009B>31m"),
            ("a\u{7f}\0b", false, "a^?^@b"),
            ("abc\u{202e}fed", false, "abc<U+202E>fed"),
            ("", false, ""),
        ];
        for (text, colour, expected) in cases {
            assert_eq!(visible(text, *colour), *expected, "{text:?}");
        }
    }
}
