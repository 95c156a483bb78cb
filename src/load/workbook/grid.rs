//! One sheet of an answers workbook as a grid of values: merged ranges read for every row
//! they cover, cells named as a spreadsheet names them, error values and formulas never
//! computed noted.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use calamine::{Data, Dimensions, Range};

use super::dates::serial_date;

/// One sheet of the workbook.
pub(super) struct Grid {
    pub(super) name: String,
    pub(super) range: Range<Data>,
    /// The merged ranges that start inside the used range, relative to it, as
    /// `(top, left, bottom, right)`.
    pub(super) merges: Vec<(usize, usize, usize, usize)>,
    /// The formulas of the sheet, by absolute position.
    pub(super) formulas: Range<String>,
    /// The merged ranges (by index) read for a cell they cover below their first row.
    pub(super) used: RefCell<BTreeSet<usize>>,
    /// Cells read that hold no value Excel would show as typed: an error value, or a
    /// formula whose result was never computed.
    pub(super) unreadable: RefCell<BTreeSet<(usize, usize)>>,
}

/// At most this many merged ranges are read on one sheet.
pub(super) const MAX_MERGES: usize = 1_000;

/// `A`, `B`, … `Z`, `AA` for a 0-based column.
pub(super) fn column_letters(mut column: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + u8::try_from(column % 26).unwrap_or(0));
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

impl Grid {
    pub(super) fn new(
        name: &str,
        range: Range<Data>,
        merges: &[Dimensions],
        formulas: Range<String>,
    ) -> Grid {
        let (top, left) = range.start().unwrap_or((0, 0));
        let relative = |at: u32, from: u32| usize::try_from(at.checked_sub(from)?).ok();
        let merges = merges
            .iter()
            .filter_map(|m| {
                Some((
                    relative(m.start.0, top)?,
                    relative(m.start.1, left)?,
                    relative(m.end.0, top)?,
                    relative(m.end.1, left)?,
                ))
            })
            .collect();
        Grid {
            name: name.to_owned(),
            range,
            merges,
            formulas,
            used: RefCell::default(),
            unreadable: RefCell::default(),
        }
    }

    /// `チェックシート!F12` for a cell given relative to the range.
    pub(super) fn cell(&self, row: usize, column: usize) -> String {
        format!("{}!{}", self.name, self.address(row, column))
    }

    /// `F12` for a cell given relative to the range.
    pub(super) fn address(&self, row: usize, column: usize) -> String {
        let (top, left) = self.range.start().unwrap_or((0, 0));
        let row = top + u32::try_from(row).unwrap_or(0);
        let column = left + u32::try_from(column).unwrap_or(0);
        format!("{}{}", column_letters(column), row + 1)
    }

    /// `チェックシート!G18:G19` for the merged range `index`.
    pub(super) fn merge_name(&self, index: usize) -> String {
        let (top, left, bottom, right) = self.merges[index];
        format!(
            "{}!{}:{}",
            self.name,
            self.address(top, left),
            self.address(bottom, right)
        )
    }

    /// The merged range covering the cell, if any.
    pub(super) fn merge_at(&self, row: usize, column: usize) -> Option<usize> {
        self.merges.iter().position(|&(top, left, bottom, right)| {
            (top..=bottom).contains(&row) && (left..=right).contains(&column)
        })
    }

    /// The value shown in the cell. A merged range shows its first cell's value in every
    /// row it covers (a person merges cells to say one thing for several rows); the
    /// columns it spans beyond its first hold nothing of their own.
    pub(super) fn value(&self, row: usize, column: usize) -> &Data {
        let (mut row, mut column) = (row, column);
        if let Some(index) = self.merge_at(row, column) {
            let (top, left, _, _) = self.merges[index];
            if column != left {
                return &Data::Empty;
            }
            if row != top {
                if !matches!(self.at(top, left), Data::Empty) {
                    self.used.borrow_mut().insert(index);
                }
                (row, column) = (top, left);
            }
        }
        self.at(row, column)
    }

    /// The cell's own value; an error value or a formula never computed is noted.
    pub(super) fn at(&self, row: usize, column: usize) -> &Data {
        let value = self.range.get((row, column)).unwrap_or(&Data::Empty);
        let uncomputed = matches!(value, Data::Empty) && {
            let (top, left) = self.range.start().unwrap_or((0, 0));
            let absolute = (
                top + u32::try_from(row).unwrap_or(0),
                left + u32::try_from(column).unwrap_or(0),
            );
            self.formulas
                .get_value(absolute)
                .is_some_and(|formula| !formula.is_empty())
        };
        if uncomputed || matches!(value, Data::Error(_)) {
            self.unreadable.borrow_mut().insert((row, column));
        }
        value
    }

    /// The cell as text, without surrounding blanks; `None` when empty.
    pub(super) fn text(&self, row: usize, column: usize) -> Option<String> {
        let text = self.raw(row, column);
        let text = text.trim().to_owned();
        (!text.is_empty()).then_some(text)
    }

    /// The cell as text written by a person, as typed: line breaks (Alt+Enter) kept as
    /// `\n`, a full-width space that opens a paragraph kept, blank lines and spaces around
    /// the whole removed.
    pub(super) fn typed(&self, row: usize, column: usize) -> Option<String> {
        let text = self
            .raw(row, column)
            .replace("\r\n", "\n")
            .replace('\r', "\n");
        let text = text
            .trim_start_matches(|c: char| c.is_ascii_whitespace())
            .trim_end();
        (!text.trim().is_empty()).then(|| text.to_owned())
    }

    pub(super) fn raw(&self, row: usize, column: usize) -> String {
        shown(self.value(row, column))
    }

    /// The cell's own text, to find labels and tell a filled cell from an empty one: not a
    /// reading of it, so nothing is noted (an error value in a column of the person's own
    /// is theirs).
    pub(super) fn label(&self, row: usize, column: usize) -> Option<String> {
        let text = shown(self.range.get((row, column)).unwrap_or(&Data::Empty));
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_owned())
    }

    /// The row of a table's header holding `label`, the row the header ends on, and each
    /// header's column. A header whose `label` cell is merged over several rows ends at the
    /// last of them.
    pub(super) fn header(&self, label: &str) -> Option<(usize, usize, BTreeMap<String, usize>)> {
        for row in 0..self.range.height() {
            let headers: BTreeMap<String, usize> = (0..self.range.width())
                .filter_map(|column| Some((self.label(row, column)?, column)))
                .collect();
            if let Some(&column) = headers.get(label) {
                // The label's own cell, merged down, says where the header ends.
                let bottom = self
                    .merge_at(row, column)
                    .map_or(row, |index| self.merges[index].2.max(row));
                return Some((row, bottom, headers));
            }
        }
        None
    }

    /// The value beside the cell whose text is `label`, anywhere on the sheet: the first
    /// cell right of the label (and of the range the label's cell is merged into).
    pub(super) fn beside(&self, label: &str) -> Option<(usize, usize)> {
        let (row, column) = self.find(label)?;
        let right = self
            .merge_at(row, column)
            .map_or(column, |index| self.merges[index].3);
        Some((row, right + 1))
    }

    /// The first cell whose text is `label`.
    pub(super) fn find(&self, label: &str) -> Option<(usize, usize)> {
        for row in 0..self.range.height() {
            for column in 0..self.range.width() {
                if self.label(row, column).as_deref() == Some(label) {
                    return Some((row, column));
                }
            }
        }
        None
    }
}

/// A value as text, as a spreadsheet shows it; a date cell as `2026-04-01`.
fn shown(value: &Data) -> String {
    match value {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            serial_date(d.as_f64()).map_or_else(|| d.as_f64().to_string(), |d| d.to_string())
        }
        Data::Error(_) | Data::Empty => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_do() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
    }
}
