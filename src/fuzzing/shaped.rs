//! A structure-aware workbook for the fuzzer: the fuzzer's bytes are read as a list of
//! changes to the sample's answers workbook (cells anywhere up to and past Excel's last
//! cell, texts of any length, shared strings cited or not and in any number, merged
//! ranges, a declared dimension, formulas, runs of rows, typed values), so that each input
//! is a workbook the sheet reader gets past the ZIP and XML layers, where limits live.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The sheets changes go to: チェックシート, 前提条件, 証跡.
const SHEETS: [&str; 3] = [
    "xl/worksheets/sheet1.xml",
    "xl/worksheets/sheet2.xml",
    "xl/worksheets/sheet3.xml",
];
const STRINGS: &str = "xl/sharedStrings.xml";
/// At most this many changes are read from one input…
const MOST_CHANGES: usize = 64;
/// …and they add at most about this many bytes of XML, past every limit of the reader.
const MOST_BYTES: usize = 24 * 1024 * 1024;

/// The fuzzer's bytes, read from the front; zeros once they run out.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn u8(&mut self) -> u8 {
        match self.0.split_first() {
            Some((first, rest)) => {
                self.0 = rest;
                *first
            }
            None => 0,
        }
    }

    fn u16(&mut self) -> u32 {
        u32::from(self.u8()) << 8 | u32::from(self.u8())
    }

    fn u24(&mut self) -> u32 {
        self.u16() << 8 | u32::from(self.u8())
    }

    /// A row from 1 to just past Excel's last (1,048,576), small ones more often.
    fn row(&mut self) -> u32 {
        match self.u8() % 4 {
            0 => 1 + u32::from(self.u8()),
            1 => 1 + self.u16(),
            _ => 1 + self.u24() % 1_048_600,
        }
    }

    /// A column from 1 to just past Excel's last (XFD, 16,384), small ones more often.
    fn column(&mut self) -> u32 {
        match self.u8() % 3 {
            0 => 1 + u32::from(self.u8() % 80),
            _ => 1 + self.u16() % 16_400,
        }
    }

    /// A text of `length` characters, from an alphabet with what XML must escape, Japanese,
    /// a line break, and now and then a character XML does not allow.
    fn text(&mut self, length: usize) -> String {
        let pieces = [
            "a",
            "あ",
            "&lt;",
            "&amp;",
            "\n",
            " ",
            "対応済",
            "=",
            "\u{1}",
        ];
        let mut text = String::new();
        let seed = self.u8();
        for index in 0..length {
            let pick = (usize::from(seed) + index * 7) % pieces.len();
            text.push_str(
                pieces[if seed.is_multiple_of(5) {
                    pick
                } else {
                    index % 2
                }],
            );
        }
        text
    }

    fn empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// `AB12` for a 1-based row and column.
fn address(row: u32, column: u32) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rest).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &row.to_string()
}

/// What the changes add to the sample's workbook, by part.
#[derive(Default)]
struct Changes {
    /// Rows to add to each sheet's `sheetData`.
    rows: BTreeMap<&'static str, String>,
    /// Merged ranges of each sheet.
    merges: BTreeMap<&'static str, Vec<String>>,
    /// A dimension each sheet declares instead of its own.
    dimensions: BTreeMap<&'static str, String>,
    /// Shared strings to add.
    strings: String,
}

impl Changes {
    fn read(bytes: &[u8]) -> Changes {
        let mut bytes = Bytes(bytes);
        let mut changes = Changes::default();
        for _ in 0..MOST_CHANGES {
            if bytes.empty() || changes.size() > MOST_BYTES {
                break;
            }
            let kind = bytes.u8();
            let sheet = SHEETS[usize::from(bytes.u8()) % SHEETS.len()];
            let (row, column) = (bytes.row(), bytes.column());
            let at = address(row, column);
            let cell = match kind % 8 {
                // A text of up to 65,025 characters.
                0 => {
                    let length = usize::from(bytes.u8()) * usize::from(bytes.u8());
                    format!(
                        r#"<c r="{at}" t="inlineStr"><is><t>{}</t></is></c>"#,
                        bytes.text(length)
                    )
                }
                // A shared string, cited whether it exists or not.
                1 => format!(r#"<c r="{at}" t="s"><v>{}</v></c>"#, bytes.u24()),
                // Shared strings by the thousand, none cited.
                2 => {
                    let count = usize::from(bytes.u8()) * 1_000;
                    let length = usize::from(bytes.u8() % 8);
                    let text = bytes.text(length);
                    for _ in 0..count {
                        let _ = write!(changes.strings, "<si><t>{text}</t></si>");
                    }
                    continue;
                }
                // Merged ranges, from here to anywhere, up to a few thousand.
                3 => {
                    let to = address(bytes.row(), bytes.column());
                    let count = 1 + usize::from(bytes.u8()) * 16;
                    let merges = changes.merges.entry(sheet).or_default();
                    merges.extend((0..count).map(|_| format!("{at}:{to}")));
                    continue;
                }
                // A declared dimension, up to the whole sheet.
                4 => {
                    let to = address(bytes.row(), bytes.column());
                    changes.dimensions.insert(sheet, format!("A1:{to}"));
                    continue;
                }
                // A formula.
                5 => {
                    let length = usize::from(bytes.u8());
                    format!(r#"<c r="{at}"><f>{}</f></c>"#, bytes.text(length))
                }
                // A run of rows below here, one text each.
                6 => {
                    let count = bytes.u16();
                    let rows = changes.rows.entry(sheet).or_default();
                    for next in row..row.saturating_add(count) {
                        let at = address(next, column);
                        let _ = write!(
                            rows,
                            r#"<row r="{next}"><c r="{at}" t="inlineStr"><is><t>x</t></is></c></row>"#
                        );
                    }
                    continue;
                }
                // A typed value: a number, a date, a truth value or an error, maybe wrong.
                _ => {
                    let kind = ["n", "d", "b", "e", "str"][usize::from(bytes.u8()) % 5];
                    let length = usize::from(bytes.u8() % 24);
                    format!(
                        r#"<c r="{at}" t="{kind}"><v>{}</v></c>"#,
                        bytes.text(length)
                    )
                }
            };
            let rows = changes.rows.entry(sheet).or_default();
            let _ = write!(rows, r#"<row r="{row}">{cell}</row>"#);
        }
        changes
    }

    /// About how many bytes of XML the changes add.
    fn size(&self) -> usize {
        self.strings.len()
            + self.rows.values().map(String::len).sum::<usize>()
            + self.merges.values().map(|m| m.len() * 32).sum::<usize>()
    }

    /// The part `name` of the sample's workbook, changed.
    fn apply(&self, name: &str, contents: Vec<u8>) -> Vec<u8> {
        let Some(sheet) = SHEETS.iter().find(|sheet| **sheet == name) else {
            if name == STRINGS && !self.strings.is_empty() {
                let text = String::from_utf8_lossy(&contents)
                    .replace(" count=", " was-count=")
                    .replace(" uniqueCount=", " was-unique-count=")
                    .replacen("</sst>", &format!("{}</sst>", self.strings), 1);
                return text.into_bytes();
            }
            return contents;
        };
        let mut text = String::from_utf8_lossy(&contents).into_owned();
        if let Some(rows) = self.rows.get(sheet) {
            text = text.replacen("</sheetData>", &format!("{rows}</sheetData>"), 1);
        }
        if let Some(merges) = self.merges.get(sheet) {
            let mut list = format!(r#"<mergeCells count="{}">"#, merges.len());
            for merge in merges {
                let _ = write!(list, r#"<mergeCell ref="{merge}"/>"#);
            }
            list.push_str("</mergeCells>");
            text = text.replacen("</sheetData>", &format!("</sheetData>{list}"), 1);
        }
        if let Some(dimension) = self.dimensions.get(sheet)
            && let Some(start) = text.find("<dimension ref=\"")
            && let Some(end) = text[start..].find("/>")
        {
            text.replace_range(
                start..start + end + 2,
                &format!(r#"<dimension ref="{dimension}"/>"#),
            );
        }
        text.into_bytes()
    }
}

/// The sample's answers workbook `original` with the changes `bytes` describes.
pub fn workbook(original: &[u8], bytes: &[u8]) -> Option<Vec<u8>> {
    let changes = Changes::read(bytes);
    crate::load::rewritten_workbook(original, |name, contents| changes.apply(name, contents))
}

#[cfg(test)]
mod tests {
    use super::{Changes, address};

    /// The seeds of the corpus say what they are named for.
    #[test]
    fn bytes_become_the_changes_they_describe() {
        let sheet = "xl/worksheets/sheet1.xml";
        let far = Changes::read(&[0, 0, 2, 0x0F, 0xFF, 0xFF, 1, 0x3F, 0xFF, 3, 3]);
        assert!(far.rows[sheet].contains(r#"<c r="XFD1048576" t="inlineStr">"#));
        let merged = Changes::read(&[3, 0, 0, 0, 0, 0, 2, 0x0F, 0xFF, 0xFF, 1, 0x3F, 0xFF, 255]);
        assert_eq!(merged.merges[sheet].len(), 1 + 255 * 16);
        assert_eq!(merged.merges[sheet][0], "A1:XFD1048576");
        let strings = Changes::read(&[2, 0, 0, 1, 0, 1, 101, 1, 7, 2, 0, 0, 1, 0, 1, 10, 1, 7]);
        assert_eq!(strings.strings.matches("<si>").count(), 111_000);
        let original = std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("examples/sample-phr/answers/sukoyaka-pocket.xlsx"),
        )
        .unwrap();
        let made = super::workbook(
            &original,
            &[4, 2, 0, 0, 0, 0, 2, 0x0F, 0xFF, 0xFF, 1, 0x3F, 0xFF],
        )
        .unwrap();
        assert!(made.len() > 1000);
    }

    #[test]
    fn addresses_are_excels() {
        for (row, column, expected) in [
            (1, 1, "A1"),
            (12, 26, "Z12"),
            (3, 27, "AA3"),
            (1_048_576, 16_384, "XFD1048576"),
        ] {
            assert_eq!(address(row, column), expected);
        }
    }
}
