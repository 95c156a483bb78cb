//! What a workbook may make checksheet read, bounded by what it inflates to rather than its
//! size on disk: each part and all of them together, then a sheet's cells as they stream,
//! within the rows and columns the layout can use, each text within what Excel itself holds.

use std::io::{Cursor, Read as _};

use calamine::{Cell, Data, DataRef, Range, Xlsx};

use super::grid::column_letters;

/// One part (a sheet's XML, the shared strings) may inflate to at most this many bytes.
pub(super) const MAX_PART: u64 = 16 * 1024 * 1024;
/// All parts together may inflate to at most this many bytes.
pub(super) const MAX_TOTAL: u64 = 48 * 1024 * 1024;
/// A workbook may have at most this many parts.
pub(super) const MAX_PARTS: usize = 1_000;
/// The shared strings (every distinct text of the workbook) are at most this many: an
/// answers workbook has a few hundred.
pub(super) const MAX_SHARED_STRINGS: usize = 100_000;
/// A sheet is read over at most this many rows…
pub(super) const MAX_ROWS: u32 = 10_000;
/// …and columns (A to BL).
pub(super) const MAX_COLUMNS: u32 = 64;
/// A cell holds at most this many characters, as in Excel.
pub(super) const MAX_CELL_CHARS: usize = 32_767;
/// The texts of one sheet's cells together are at most this many bytes.
pub(super) const MAX_SHEET_TEXT: usize = 16 * 1024 * 1024;

/// Why a workbook or a sheet is not read.
pub(super) enum Refusal {
    /// A part inflates to more than [`MAX_PART`]: its name.
    Part(String),
    /// All parts inflate to more than [`MAX_TOTAL`].
    Total,
    /// More than [`MAX_PARTS`] parts.
    Parts(usize),
    /// More than [`MAX_SHARED_STRINGS`] shared strings.
    Strings,
    /// The sheet cannot be read as a sheet.
    Unreadable(String),
    /// A value or formula beyond [`MAX_ROWS`] or [`MAX_COLUMNS`]: its address.
    Outside(String),
    /// A text longer than [`MAX_CELL_CHARS`]: its address and length.
    Long(String, usize),
    /// The sheet's texts together pass [`MAX_SHEET_TEXT`] at this cell.
    Text(String),
}

/// Inflates every part of the archive `bytes` into nothing, within [`MAX_PART`] each and
/// [`MAX_TOTAL`] in all, so that no reader after this one inflates more. An archive that
/// cannot be read is left for the workbook reader to name.
pub(super) fn inflated(bytes: &[u8]) -> Result<(), Refusal> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    if archive.len() > MAX_PARTS {
        return Err(Refusal::Parts(archive.len()));
    }
    let mut total = 0u64;
    for index in 0..archive.len() {
        let Ok(mut part) = archive.by_index(index) else {
            return Ok(());
        };
        let name = part
            .name()
            .map(std::borrow::Cow::into_owned)
            .unwrap_or_default();
        // The shared strings are counted on the way: the workbook reader keeps them all.
        let mut counter = Elements::new(b"si");
        let read = if name.eq_ignore_ascii_case("xl/sharedStrings.xml") {
            std::io::copy(&mut (&mut part).take(MAX_PART + 1), &mut counter)
        } else {
            std::io::copy(&mut (&mut part).take(MAX_PART + 1), &mut std::io::sink())
        }
        .unwrap_or(0);
        if read > MAX_PART {
            return Err(Refusal::Part(name));
        }
        if counter.count > MAX_SHARED_STRINGS {
            return Err(Refusal::Strings);
        }
        total += read;
        if total > MAX_TOTAL {
            return Err(Refusal::Total);
        }
    }
    Ok(())
}

/// Counts the elements named `name` (with any namespace prefix) in XML written to it in
/// pieces, keeping no more than a start tag's first bytes between pieces.
struct Elements {
    name: &'static [u8],
    count: usize,
    /// The unfinished start of a tag at the end of the last piece.
    pending: Vec<u8>,
}

impl Elements {
    fn new(name: &'static [u8]) -> Elements {
        Elements {
            name,
            count: 0,
            pending: Vec::new(),
        }
    }

    /// Whether `tag` (the bytes after a `<`) starts an element named `name`: `None` when
    /// it cannot yet be told.
    fn starts(&self, tag: &[u8]) -> Option<bool> {
        let end = tag
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'));
        let Some(end) = end else {
            // Unfinished in this piece, unless longer than any name of ours.
            return (tag.len() > 64).then_some(false);
        };
        let qualified = &tag[..end];
        let local = qualified
            .iter()
            .rposition(|b| *b == b':')
            .map_or(qualified, |colon| &qualified[colon + 1..]);
        Some(local == self.name)
    }
}

impl std::io::Write for Elements {
    fn write(&mut self, piece: &[u8]) -> std::io::Result<usize> {
        let joined;
        let text = if self.pending.is_empty() {
            piece
        } else {
            joined = [std::mem::take(&mut self.pending).as_slice(), piece].concat();
            joined.as_slice()
        };
        let mut at = 0;
        while let Some(offset) = text[at..].iter().position(|b| *b == b'<') {
            let tag = &text[at + offset + 1..];
            match self.starts(tag) {
                Some(true) => self.count += 1,
                Some(false) => {}
                None => {
                    self.pending = text[at + offset..].to_vec();
                    break;
                }
            }
            at += offset + 1;
        }
        Ok(piece.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The archive `bytes` with each part's contents passed through `change` (given its name),
/// written anew; `None` when it is not an archive that can be read. For the fuzz targets,
/// which build hostile workbooks from the sample's.
pub(crate) fn rewritten(
    bytes: &[u8],
    mut change: impl FnMut(&str, Vec<u8>) -> Vec<u8>,
) -> Option<Vec<u8>> {
    use std::io::Write as _;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut written = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).ok()?;
        let name = part.name().ok()?.into_owned();
        let mut contents = Vec::new();
        (&mut part).take(MAX_PART).read_to_end(&mut contents).ok()?;
        written.start_file(name.as_str(), options).ok()?;
        written.write_all(&change(&name, contents)).ok()?;
    }
    Some(written.finish().ok()?.into_inner())
}

/// `F12` for a 0-based position.
fn address((row, column): (u32, u32)) -> String {
    format!("{}{}", column_letters(column), u64::from(row) + 1)
}

/// The values and formulas of the sheet `name`, read cell by cell as they stream: nothing
/// is allocated for the range a sheet declares, and a value or formula outside the rows
/// and columns the layout can use, a text longer than a cell holds, or too much text in
/// all, is refused with the cell named (as `F12`).
pub(super) fn cells(
    workbook: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
) -> Result<(Range<Data>, Range<String>), Refusal> {
    let unreadable = |error: calamine::XlsxError| Refusal::Unreadable(error.to_string());
    let mut reader = workbook.worksheet_cells_reader(name).map_err(unreadable)?;
    let mut values = Vec::new();
    let mut formulas = Vec::new();
    let mut text = 0usize;
    while let Some(cell) = reader.next_cell_with_formula().map_err(unreadable)? {
        let formula = cell.formula.filter(|f| !f.is_empty());
        if matches!(cell.value, DataRef::Empty) && formula.is_none() {
            continue;
        }
        let (row, column) = cell.pos;
        if row >= MAX_ROWS || column >= MAX_COLUMNS {
            return Err(Refusal::Outside(address(cell.pos)));
        }
        let length = match &cell.value {
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.len(),
            DataRef::SharedString(s) => s.len(),
            _ => 0,
        } + formula.as_ref().map_or(0, String::len);
        // A cell's characters are checked only when its bytes could pass the limit.
        if length > MAX_CELL_CHARS {
            let chars = match &cell.value {
                DataRef::String(s) => s.chars().count(),
                DataRef::SharedString(s) => s.chars().count(),
                _ => 0,
            };
            if chars > MAX_CELL_CHARS {
                return Err(Refusal::Long(address(cell.pos), chars));
            }
        }
        text += length;
        if text > MAX_SHEET_TEXT {
            return Err(Refusal::Text(address(cell.pos)));
        }
        if let Some(formula) = formula {
            formulas.push(Cell::new(cell.pos, formula));
        }
        if !matches!(cell.value, DataRef::Empty) {
            values.push(Cell::new(cell.pos, Data::from(cell.value)));
        }
    }
    Ok((Range::from_sparse(values), Range::from_sparse(formulas)))
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::Elements;

    /// Shared strings as spreadsheet programs spell them, fed whole and in
    /// pieces of every size, so that a tag split between pieces is counted once.
    #[test]
    fn shared_strings_are_counted_however_they_are_written_and_split() {
        let cases: &[(&str, usize)] = &[
            (
                r#"<sst count="2"><si><t>a</t></si><si><t>b</t></si></sst>"#,
                2,
            ),
            ("<x:sst><x:si><x:t>a</x:t></x:si></x:sst>", 1),
            (
                "<sst><si\n><t/></si><si/><si xml:space=\"preserve\"/></sst>",
                3,
            ),
            // Neither `<sis>` nor a `<t>` holding the text `<si>` escaped is one.
            ("<sst><sis/><si><t>&lt;si&gt;</t></si></sst>", 1),
            ("<sst></sst>", 0),
        ];
        for (xml, expected) in cases {
            for size in 1..=xml.len() {
                let mut counter = Elements::new(b"si");
                for piece in xml.as_bytes().chunks(size) {
                    counter.write_all(piece).unwrap();
                }
                assert_eq!(counter.count, *expected, "{xml} in pieces of {size}");
            }
        }
    }
}
