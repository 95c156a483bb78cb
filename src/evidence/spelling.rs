//! How an evidence path was typed: the characters that look like a path's but are not, as
//! a Japanese input method or a Windows habit puts them there, and the path they stand for.

use crate::load::is_separator;

/// A kind of character a path is typed with by mistake.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slip {
    /// `／` (or `＼`), a full-width slash where a folder ends.
    FullWidthSlash,
    /// `¥` or `￥`, a yen sign where a folder ends.
    Yen,
    /// `\`, Windows' separator, which Japanese Windows shows as `¥`.
    Backslash,
    /// Full-width letters, digits or periods: `ｐｄｆ`, `２０２６`, `．`.
    FullWidth,
    /// `　`, a full-width space.
    FullWidthSpace,
    /// A space beside a folder's end or at either end of the path.
    Space,
}

impl Slip {
    /// Whether the character stands for `/`.
    pub fn is_separator(self) -> bool {
        matches!(self, Slip::FullWidthSlash | Slip::Yen | Slip::Backslash)
    }
}

/// A run of characters of one kind of slip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Typo {
    pub slip: Slip,
    /// Where the run starts: 0-based, in characters.
    pub at: usize,
    /// The characters, as written.
    pub text: String,
}

/// The slip a character of `chars` at `index` is, if any.
fn slip(chars: &[char], index: usize) -> Option<Slip> {
    let c = chars[index];
    let beside_separator = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_none_or(|c| is_separator(*c) || *c == ' ' || *c == '\u{3000}')
    };
    match c {
        '／' | '＼' => Some(Slip::FullWidthSlash),
        '¥' | '￥' => Some(Slip::Yen),
        '\\' => Some(Slip::Backslash),
        'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９' | '．' => Some(Slip::FullWidth),
        '\u{3000}' => Some(Slip::FullWidthSpace),
        ' ' if beside_separator(index.checked_sub(1)) || beside_separator(Some(index + 1)) => {
            Some(Slip::Space)
        }
        _ => None,
    }
}

/// The typing slips in `path`, each run of one kind once, in order.
pub fn typos(path: &str) -> Vec<Typo> {
    let chars: Vec<char> = path.chars().collect();
    let mut found: Vec<Typo> = Vec::new();
    for index in 0..chars.len() {
        let Some(slip) = slip(&chars, index) else {
            continue;
        };
        match found.last_mut() {
            // Letters and spaces run on; each separator stands alone.
            Some(last)
                if last.slip == slip
                    && !slip.is_separator()
                    && last.at + last.text.chars().count() == index =>
            {
                last.text.push(chars[index]);
            }
            _ => found.push(Typo {
                slip,
                at: index,
                text: chars[index].to_string(),
            }),
        }
    }
    found
}

/// The path `path` stands for: separators as `/`, full-width letters, digits and periods
/// half-width, spaces at folders' ends dropped and full-width ones half-width.
pub fn corrected(path: &str) -> String {
    let chars: Vec<char> = path.chars().collect();
    let mut fixed = String::with_capacity(path.len());
    for index in 0..chars.len() {
        match (slip(&chars, index), chars[index]) {
            (Some(Slip::FullWidthSlash | Slip::Yen | Slip::Backslash), _) => fixed.push('/'),
            (Some(Slip::FullWidth), c) => {
                fixed.push(crate::width::half_width(c).unwrap_or(c));
            }
            (Some(Slip::Space), _) => {}
            (Some(Slip::FullWidthSpace), _) => fixed.push(' '),
            (None, c) => fixed.push(c),
        }
    }
    // A full-width space beside a folder's end is one too many, as a half-width one is.
    let parts: Vec<&str> = fixed.split('/').map(str::trim).collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_slip_is_named_where_it_was_typed_and_corrected() {
        type Case = (
            &'static str,
            &'static [(Slip, usize, &'static str)],
            &'static str,
        );
        // (path as typed, the slips with where they start, the path meant)
        let cases: &[Case] = &[
            ("evidence/rules.md", &[], "evidence/rules.md"),
            (
                "evidence／nemuri／誓約書.pdf",
                &[
                    (Slip::FullWidthSlash, 8, "／"),
                    (Slip::FullWidthSlash, 15, "／"),
                ],
                "evidence/nemuri/誓約書.pdf",
            ),
            (
                "evidence¥nemuri¥誓約書.pdf",
                &[(Slip::Yen, 8, "¥"), (Slip::Yen, 15, "¥")],
                "evidence/nemuri/誓約書.pdf",
            ),
            (
                "evidence￥誓約書.pdf",
                &[(Slip::Yen, 8, "￥")],
                "evidence/誓約書.pdf",
            ),
            (
                "evidence\\rules.md",
                &[(Slip::Backslash, 8, "\\")],
                "evidence/rules.md",
            ),
            (
                "evidence/誓約書．ｐｄｆ",
                &[(Slip::FullWidth, 12, "．ｐｄｆ")],
                "evidence/誓約書.pdf",
            ),
            (
                "ｅｖｉｄｅｎｃｅ/研修記録２０２６.csv",
                &[
                    (Slip::FullWidth, 0, "ｅｖｉｄｅｎｃｅ"),
                    (Slip::FullWidth, 13, "２０２６"),
                ],
                "evidence/研修記録2026.csv",
            ),
            (
                "evidence/　誓約書.pdf",
                &[(Slip::FullWidthSpace, 9, "　")],
                "evidence/誓約書.pdf",
            ),
            (
                "evidence/ nemuri /誓約書.pdf",
                &[(Slip::Space, 9, " "), (Slip::Space, 16, " ")],
                "evidence/nemuri/誓約書.pdf",
            ),
            // A space inside a name may be the name's own: not a slip.
            ("evidence/rules 2026.md", &[], "evidence/rules 2026.md"),
            (
                "evidence/個人データ　取扱規程.pdf",
                &[(Slip::FullWidthSpace, 14, "　")],
                "evidence/個人データ 取扱規程.pdf",
            ),
        ];
        for (path, slips, meant) in cases {
            let found: Vec<(Slip, usize, String)> = typos(path)
                .into_iter()
                .map(|t| (t.slip, t.at, t.text))
                .collect();
            let slips: Vec<(Slip, usize, String)> = slips
                .iter()
                .map(|(slip, at, text)| (*slip, *at, (*text).to_owned()))
                .collect();
            assert_eq!(found, slips, "{path}");
            assert_eq!(corrected(path), *meant, "{path}");
        }
    }
}
