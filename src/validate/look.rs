//! The company's look on its pages: `organization.logo` and `organization.accent-color`.

use super::key;
use crate::diagnostic::Diagnostic;
use crate::i18n::t;
use crate::load::{Files, Part, Refusal, SourceFile, is_inside};
use crate::model::Organization;

/// The largest logo published, in bytes.
pub const LOGO_LIMIT: u64 = 256 * 1024;

/// A logo that may be published: its path in the assessment, its bytes and the file name
/// extension its contents call for.
pub struct Logo {
    pub path: String,
    pub bytes: Vec<u8>,
    pub extension: &'static str,
}

/// What the first bytes of an image say it is; `None` for anything else.
fn image_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("png")
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some("jpg")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("webp")
    } else {
        None
    }
}

/// Reads and checks the logo, if one is named.
pub fn logo(
    files: &dyn Files,
    file: &SourceFile,
    organization: &Organization,
) -> Result<Option<Logo>, Box<Diagnostic>> {
    let Some(path) = &organization.logo else {
        return Ok(None);
    };
    let at = [key("organization"), key("logo")];
    let problem = |message: String, help: Option<String>| {
        let diagnostic = file.diagnostic("invalid-logo", message, &at, Part::Value);
        Box::new(match help {
            Some(help) => diagnostic.help(help),
            None => diagnostic,
        })
    };
    if !is_inside(path) {
        return Err(problem(t!("validate.logo-path", path = path), None));
    }
    let bytes = match files.read(path, LOGO_LIMIT, true) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Err(problem(t!("validate.logo-missing", path = path), None)),
        Err(Refusal::TooLarge(size)) => {
            return Err(problem(
                t!(
                    "validate.logo-large",
                    path = path,
                    size = size,
                    limit = LOGO_LIMIT
                ),
                Some(t!("validate.logo-large-help")),
            ));
        }
        Err(Refusal::Outside) => {
            return Err(problem(t!("validate.logo-path", path = path), None));
        }
        Err(Refusal::NotAFile) => {
            return Err(problem(t!("load.folder", name = path), None));
        }
        Err(Refusal::Special) => {
            return Err(problem(t!("load.special", name = path), None));
        }
        Err(Refusal::Loop) => {
            return Err(problem(t!("load.loop", name = path), None));
        }
        Err(Refusal::Submodule) => {
            return Err(problem(
                t!("load.submodule", name = path),
                Some(t!("load.submodule-help")),
            ));
        }
        Err(Refusal::Unreadable(reason)) => {
            return Err(problem(
                t!("validate.logo-unreadable", path = path, reason = reason),
                None,
            ));
        }
    };
    let Some(extension) = image_kind(&bytes) else {
        let text = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_lowercase();
        let svg = if text.contains("<svg") {
            t!("validate.logo-svg")
        } else {
            String::new()
        };
        return Err(problem(
            t!("validate.logo-kind", path = path, svg = svg),
            Some(t!("validate.logo-kind-help")),
        ));
    };
    Ok(Some(Logo {
        path: path.clone(),
        bytes,
        extension,
    }))
}

/// `#rrggbb` (or `#rgb`) as red, green and blue.
fn rgb(value: &str) -> Option<[u8; 3]> {
    let hex = value.strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize, width: usize| u8::from_str_radix(&hex[i..i + width], 16).ok();
    match hex.len() {
        6 => Some([digit(0, 2)?, digit(2, 2)?, digit(4, 2)?]),
        3 => Some([digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17]),
        _ => None,
    }
}

/// The WCAG contrast ratio of a colour against white.
fn contrast_on_white([r, g, b]: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.0722f64.mul_add(linear(b), 0.2126f64.mul_add(linear(r), 0.7152 * linear(g)));
    1.05 / (luminance + 0.05)
}

/// Checks `accent-color`: a colour, and dark enough for links on white.
pub fn accent(file: &SourceFile, organization: &Organization) -> Vec<Diagnostic> {
    let at = [key("organization"), key("accent-color")];
    let Some(value) = &organization.accent_color else {
        // `accent-color: #0b4f8a` unquoted is a key with a comment: say so.
        let unquoted = file.text.lines().any(|line| {
            line.trim_start()
                .strip_prefix("accent-color:")
                .is_some_and(|rest| rest.trim_start().starts_with('#'))
        });
        return if unquoted {
            vec![
                file.diagnostic(
                    "invalid-color",
                    t!("validate.accent-unquoted"),
                    &at,
                    Part::Key,
                )
                .help(t!("validate.accent-unquoted-help")),
            ]
        } else {
            Vec::new()
        };
    };
    match rgb(value.trim()) {
        None => vec![
            file.diagnostic(
                "invalid-color",
                t!("validate.accent-color", value = value),
                &at,
                Part::Value,
            )
            .help(t!("validate.accent-color-help")),
        ],
        Some(color) => {
            let ratio = contrast_on_white(color);
            if ratio < 4.5 {
                vec![
                    file.diagnostic(
                        "low-contrast",
                        t!(
                            "validate.accent-contrast",
                            value = value,
                            ratio = format!("{:.1}", (ratio * 10.0).floor() / 10.0)
                        ),
                        &at,
                        Part::Value,
                    )
                    .help(t!("validate.accent-contrast-help")),
                ]
            } else {
                Vec::new()
            }
        }
    }
}

/// The accent colour as CSS, `#rrggbb` in lower case; `None` without one.
pub fn accent_css(organization: &Organization) -> Option<String> {
    let [r, g, b] = rgb(organization.accent_color.as_deref()?.trim())?;
    Some(format!("#{r:02x}{g:02x}{b:02x}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_and_their_contrast_on_white() {
        assert_eq!(rgb("#0b4f8a"), Some([0x0b, 0x4f, 0x8a]));
        assert_eq!(rgb("#fff"), Some([255, 255, 255]));
        assert_eq!(rgb("0b4f8a"), None);
        assert_eq!(rgb("#0b4f8"), None);
        assert_eq!(rgb("#ｆｆｆ"), None);
        assert!((contrast_on_white([0, 0, 0]) - 21.0).abs() < 0.01);
        assert!((contrast_on_white([255, 255, 255]) - 1.0).abs() < 0.01);
        assert!(contrast_on_white([0x0b, 0x4f, 0x8a]) > 4.5);
        assert!(contrast_on_white([0xff, 0xcc, 0x00]) < 4.5);
    }

    #[test]
    fn images_are_known_by_their_first_bytes() {
        assert_eq!(image_kind(b"\x89PNG\r\n\x1a\nrest"), Some("png"));
        assert_eq!(image_kind(&[0xff, 0xd8, 0xff, 0xe0]), Some("jpg"));
        assert_eq!(image_kind(b"RIFF\0\0\0\0WEBPVP8 "), Some("webp"));
        assert_eq!(image_kind(b"<svg xmlns="), None);
    }
}
