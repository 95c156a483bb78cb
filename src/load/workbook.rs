//! Answers workbooks (`answers/<service>.xlsx`) to the answers model, cell by cell: the only
//! calamine user. Cells are read by their meaning (Japanese labels or the codes, はい/いいえ,
//! date cells or dates as text) and found by their column headers and the requirement id
//! column, so a person may sort, insert blank rows, hide rows or add a sheet of their own.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;

use std::cell::RefCell;

use calamine::{Data, Dimensions, Range, Reader, Xlsx};
use jiff::civil::Date;

use super::spans::{Step, YamlPath};
use super::yaml::SourceFile;
use crate::diagnostic::{Diagnostic, suggest};
use crate::i18n::t;
use crate::model::workbook as layout;
use crate::load::{Notice, NoticeKind};
use crate::model::{
    Answer, AnswersFile, Approval, Certificate, Evidence, Localized, PartnerCheck, PartnerResult,
    Record, Status,
};

/// One sheet of the workbook.
struct Grid {
    name: String,
    range: Range<Data>,
    /// The merged ranges that start inside the used range, relative to it, as
    /// `(top, left, bottom, right)`.
    merges: Vec<(usize, usize, usize, usize)>,
    /// The formulas of the sheet, by absolute position.
    formulas: Range<String>,
    /// The merged ranges (by index) read for a cell they cover below their first row.
    used: RefCell<BTreeSet<usize>>,
    /// Cells read that hold no value Excel would show as typed: an error value, or a
    /// formula whose result was never computed.
    unreadable: RefCell<BTreeSet<(usize, usize)>>,
}

/// At most this many merged ranges are read on one sheet.
const MAX_MERGES: usize = 10_000;

/// `A`, `B`, … `Z`, `AA` for a 0-based column.
fn column_letters(mut column: u32) -> String {
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
    fn new(name: &str, range: Range<Data>, merges: &[Dimensions], formulas: Range<String>) -> Grid {
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
    fn cell(&self, row: usize, column: usize) -> String {
        format!("{}!{}", self.name, self.address(row, column))
    }

    /// `F12` for a cell given relative to the range.
    fn address(&self, row: usize, column: usize) -> String {
        let (top, left) = self.range.start().unwrap_or((0, 0));
        let row = top + u32::try_from(row).unwrap_or(0);
        let column = left + u32::try_from(column).unwrap_or(0);
        format!("{}{}", column_letters(column), row + 1)
    }

    /// `チェックシート!G18:G19` for the merged range `index`.
    fn merge_name(&self, index: usize) -> String {
        let (top, left, bottom, right) = self.merges[index];
        format!(
            "{}!{}:{}",
            self.name,
            self.address(top, left),
            self.address(bottom, right)
        )
    }

    /// The merged range covering the cell, if any.
    fn merge_at(&self, row: usize, column: usize) -> Option<usize> {
        self.merges
            .iter()
            .position(|&(top, left, bottom, right)| {
                (top..=bottom).contains(&row) && (left..=right).contains(&column)
            })
    }

    /// The value shown in the cell. A merged range shows its first cell's value in every
    /// row it covers (a person merges cells to say one thing for several rows); the
    /// columns it spans beyond its first hold nothing of their own.
    fn value(&self, row: usize, column: usize) -> &Data {
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
    fn at(&self, row: usize, column: usize) -> &Data {
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
    fn text(&self, row: usize, column: usize) -> Option<String> {
        let text = self.raw(row, column);
        let text = text.trim().to_owned();
        (!text.is_empty()).then_some(text)
    }

    /// The cell as text written by a person, as typed: line breaks (Alt+Enter) kept as
    /// `\n`, a full-width space that opens a paragraph kept, blank lines and spaces around
    /// the whole removed.
    fn typed(&self, row: usize, column: usize) -> Option<String> {
        let text = self.raw(row, column).replace("\r\n", "\n").replace('\r', "\n");
        let text = text
            .trim_start_matches(|c: char| c.is_ascii_whitespace())
            .trim_end();
        (!text.trim().is_empty()).then(|| text.to_owned())
    }

    fn raw(&self, row: usize, column: usize) -> String {
        match self.value(row, column) {
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

    /// The row of a table's header holding `label`, with each header's column. A header
    /// whose cells are merged over several rows ends at the last of them.
    fn header(&self, label: &str) -> Option<(usize, usize, BTreeMap<String, usize>)> {
        for row in 0..self.range.height() {
            let headers: BTreeMap<String, usize> = (0..self.range.width())
                .filter_map(|column| Some((self.text(row, column)?, column)))
                .collect();
            if headers.contains_key(label) {
                let bottom = self
                    .merges
                    .iter()
                    .filter(|m| m.0 == row)
                    .map(|m| m.2)
                    .max()
                    .unwrap_or(row)
                    .max(row);
                return Some((row, bottom, headers));
            }
        }
        None
    }

    /// The value beside the cell whose text is `label`, anywhere on the sheet: the first
    /// cell right of the label (and of the range the label's cell is merged into).
    fn beside(&self, label: &str) -> Option<(usize, usize)> {
        let (row, column) = self.find(label)?;
        let right = self
            .merge_at(row, column)
            .map_or(column, |index| self.merges[index].3);
        Some((row, right + 1))
    }

    /// The first cell whose text is `label`.
    fn find(&self, label: &str) -> Option<(usize, usize)> {
        for row in 0..self.range.height() {
            for column in 0..self.range.width() {
                if self.text(row, column).as_deref() == Some(label) {
                    return Some((row, column));
                }
            }
        }
        None
    }
}

/// The day of an Excel serial date (days since 1899-12-30).
fn serial_date(serial: f64) -> Option<Date> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    #[allow(clippy::cast_possible_truncation)]
    let days = serial.floor() as i64;
    Date::new(1899, 12, 30)
        .ok()?
        .checked_add(jiff::Span::new().days(days))
        .ok()
}

/// Digits, letters and signs typed in full width (２０２６／４／１) in half width; any other
/// character as it is.
fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// The Japanese eras a date may be written in (令和8年4月1日, R8.4.1), with the year
/// before each one's first.
const ERAS: [(&str, &str, i16); 4] = [
    ("令和", "R", 2018),
    ("平成", "H", 1988),
    ("昭和", "S", 1925),
    ("大正", "T", 1911),
];

/// A date typed as text: `2026-04-01`, `2026/4/1`, `2026.4.1`, `2026年4月1日`, in the
/// Japanese era (`令和8年4月1日`, `R8.4.1`, `令和元年5月1日`), in full-width digits, or
/// followed by a time of day (`2026/4/1 10:00`), which is not kept.
fn text_date(text: &str) -> Option<Date> {
    let text = half_width(text);
    let mut text = text.trim();
    // A time of day after the date.
    if let Some((date, time)) = text.split_once(' ')
        && !time.trim().is_empty()
        && time
            .trim()
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
        && time.contains(':')
    {
        text = date;
    }
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut base = 0;
    let mut rest = text.as_str();
    for (name, letter, before) in ERAS {
        if let Some(after) = rest
            .strip_prefix(name)
            .or_else(|| rest.strip_prefix(letter))
            .or_else(|| rest.strip_prefix(&letter.to_ascii_lowercase()))
        {
            base = before;
            rest = after;
            break;
        }
    }
    let rest = rest.strip_prefix('元').map_or_else(
        || rest.to_owned(),
        |after| format!("1{after}"),
    );
    let parts: Vec<&str> = rest
        .trim_end_matches('日')
        .split(['-', '/', '.', '年', '月'])
        .collect();
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    let year: i16 = year.parse().ok()?;
    let year = if base > 0 {
        if !(1..=99).contains(&year) {
            return None;
        }
        base + year
    } else {
        year
    };
    Date::new(year, month.parse().ok()?, day.parse().ok()?).ok()
}

/// The first line of `text`, cut at 30 characters, for a message.
fn shorten(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    let mut short: String = line.chars().take(30).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

/// Yes or no as people write them: はい/いいえ, ○/×, 有り/無し, yes/no, true/false, 1/0.
fn yes_no(text: &str) -> Option<bool> {
    match half_width(text).trim().to_lowercase().as_str() {
        "はい" | "有" | "あり" | "有り" | "true" | "yes" | "y" | "○" | "〇" | "◯" | "1" => {
            Some(true)
        }
        "いいえ" | "無" | "なし" | "無し" | "false" | "no" | "n" | "×" | "✕" | "✖" | "0" => {
            Some(false)
        }
        _ => None,
    }
}

/// What reading a workbook gives: where each node stands, the problems found.
struct Reading<'a> {
    file: &'a str,
    cells: BTreeMap<YamlPath, String>,
    problems: Vec<Diagnostic>,
    notices: Vec<Notice>,
}

fn key(name: &str) -> Step {
    Step::Key(name.to_owned())
}

impl Reading<'_> {
    fn problem(
        &mut self,
        grid: &Grid,
        row: usize,
        column: usize,
        code: &'static str,
        message: String,
        help: String,
    ) {
        let cell = grid.cell(row, column);
        self.problems.push(
            Diagnostic::new(code, message)
                .in_file(format!("{}:{cell}", self.file))
                .help(help),
        );
    }

    /// Something read, but perhaps not as meant, at `cell` (a cell or a range).
    fn notice(&mut self, kind: NoticeKind, cell: String, message: String) {
        self.notices.push(Notice {
            kind,
            message,
            cell: Some(cell),
            line: None,
            column: None,
        });
    }

    /// Says once, for each merged range of `grid` read for several rows, that it was; and
    /// refuses each cell read that shows an error value or a formula never computed.
    fn looked_over(&mut self, grid: &Grid) {
        let used = grid.used.take();
        for index in used {
            let (top, left, bottom, _) = grid.merges[index];
            let range = grid.merge_name(index);
            let value = grid.text(top, left).unwrap_or_default();
            let first = grid.address(top, left);
            let rows = format!("{}–{}", grid.address(top, left), grid.address(bottom, left));
            self.notice(
                NoticeKind::MergedCells,
                range.clone(),
                t!(
                    "workbook.merged",
                    range = range,
                    first = first,
                    rows = rows,
                    value = shorten(&value)
                ),
            );
        }
        let unreadable = grid.unreadable.take();
        for (row, column) in unreadable {
            let cell = grid.cell(row, column);
            let message = if matches!(grid.at(row, column), Data::Error(_)) {
                t!("workbook.error-value", cell = cell)
            } else {
                t!("workbook.uncomputed", cell = cell)
            };
            self.problem(
                grid,
                row,
                column,
                "unreadable-cell",
                message,
                t!("workbook.unreadable-cell-help"),
            );
        }
        grid.unreadable.take();
    }

    fn place(&mut self, path: YamlPath, grid: &Grid, row: usize, column: usize) {
        self.cells.insert(path, grid.cell(row, column));
    }

    fn date(&mut self, grid: &Grid, row: usize, column: usize) -> Option<Date> {
        let date = match grid.value(row, column) {
            Data::DateTime(d) => serial_date(d.as_f64()),
            Data::Float(f) => serial_date(*f),
            #[allow(clippy::cast_precision_loss)]
            Data::Int(i) => serial_date(*i as f64),
            _ => grid.text(row, column).as_deref().and_then(text_date),
        };
        if date.is_none()
            && let Some(text) = grid.text(row, column)
        {
            let cell = grid.cell(row, column);
            self.problem(
                grid,
                row,
                column,
                "invalid-date",
                t!("workbook.invalid-date", cell = cell, text = text),
                t!("workbook.invalid-date-help"),
            );
        }
        date
    }

    fn boolean(&mut self, grid: &Grid, row: usize, column: usize) -> Option<bool> {
        if let Data::Bool(value) = grid.value(row, column) {
            return Some(*value);
        }
        let text = grid.text(row, column)?;
        let value = yes_no(&text);
        if value.is_none() {
            let cell = grid.cell(row, column);
            self.problem(
                grid,
                row,
                column,
                "wrong-type",
                t!("workbook.not-yes-no", cell = cell, text = text),
                suggest(&text, [layout::YES, layout::NO]) + &t!("workbook.marks-yes-no"),
            );
        }
        value
    }

    fn status(&mut self, grid: &Grid, row: usize, column: usize) -> Option<Status> {
        let text = grid.text(row, column)?;
        let status = Status::from_word(&text);
        if status.is_none() {
            let labels: Vec<&str> = Status::ALL.iter().map(|s| s.label_ja()).collect();
            // 対応済（一部）, 一部済み: partly met, whatever word comes first.
            let partly = text.contains("一部").then(|| Status::Partial.label_ja());
            // Japanese labels are short: a looser likeness still means a likely slip.
            let help = match partly
                .or_else(|| crate::diagnostic::nearest_within(&text, &labels, 0.75))
            {
                Some(best) => t!("suggest.did-you-mean", best = best) + " " + &suggest("", labels),
                None => suggest(&text, labels),
            } + &t!("workbook.marks-status");
            let cell = grid.cell(row, column);
            self.problem(
                grid,
                row,
                column,
                "unknown-value",
                t!("workbook.unknown-status", cell = cell, text = text),
                help,
            );
        }
        status
    }
}

/// Reads the workbook `bytes` named `file`: its answers (`None` when a sheet or the as-of
/// date cannot be read) and every problem, each at its cell.
pub fn answers(file: &str, bytes: &[u8]) -> (SourceFile, Option<AnswersFile>, Vec<Diagnostic>) {
    let mut reading = Reading {
        file,
        cells: BTreeMap::new(),
        problems: Vec::new(),
        notices: Vec::new(),
    };
    let answers = read(&mut reading, bytes);
    let Reading {
        cells,
        problems,
        notices,
        ..
    } = reading;
    let mut source = SourceFile::workbook(file, bytes, cells);
    source.notices = notices;
    (source, answers, problems)
}

/// The sheet `name`, with its merged ranges and formulas.
fn sheet(
    reading: &mut Reading,
    workbook: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
) -> Option<Grid> {
    let range = workbook.worksheet_range(name).ok()?;
    let mut merges = workbook.merge_cells_by_sheet_name(name).unwrap_or_default();
    if merges.len() > MAX_MERGES {
        reading.problems.push(
            Diagnostic::new(
                "too-many-merges",
                t!(
                    "workbook.too-many-merges",
                    sheet = name,
                    count = merges.len(),
                    limit = MAX_MERGES
                ),
            )
            .in_file(reading.file)
            .help(t!("workbook.too-many-merges-help")),
        );
        merges.clear();
    }
    let formulas = workbook.worksheet_formula(name).unwrap_or_default();
    Some(Grid::new(name, range, &merges, formulas))
}

/// Says of each sheet that looks like a copy of one read (「チェックシート (2)」) that it
/// is not read.
fn copies(reading: &mut Reading, names: &[String]) {
    let read = [layout::SHEET, layout::FACTS, layout::EVIDENCE];
    for name in names {
        if read.contains(&name.as_str()) {
            continue;
        }
        if let Some(original) = read.iter().find(|original| name.contains(*original)) {
            let cell = format!("{name}!A1");
            reading.notice(
                NoticeKind::UnreadCells,
                cell,
                t!("workbook.copied-sheet", sheet = name, original = original),
            );
        }
    }
}

/// The help for a sheet not found: the sheet it was likely renamed to, if any.
fn missing_sheet_help(name: &str, names: &[String]) -> String {
    let renamed = names.iter().find(|other| {
        other.contains(name) || name.contains(other.as_str()) && !other.is_empty()
    });
    match renamed {
        Some(other) => t!("workbook.renamed-sheet-help", sheet = other, name = name),
        None => t!("workbook.missing-sheet-help"),
    }
}

fn read(reading: &mut Reading, bytes: &[u8]) -> Option<AnswersFile> {
    let file = reading.file;
    let mut workbook: Xlsx<_> = match calamine::open_workbook_from_rs(Cursor::new(bytes)) {
        Ok(workbook) => workbook,
        Err(error) => {
            reading.problems.push(
                Diagnostic::new(
                    "unreadable-file",
                    t!("workbook.unreadable", file = file, error = error),
                )
                .in_file(file)
                .help(t!("workbook.unreadable-help")),
            );
            return None;
        }
    };
    let names = workbook.sheet_names();
    let mut grids = Vec::new();
    for name in [layout::SHEET, layout::FACTS, layout::EVIDENCE] {
        match sheet(reading, &mut workbook, name) {
            Some(grid) => grids.push(grid),
            None => reading.problems.push(
                Diagnostic::new(
                    "missing-sheet",
                    t!("workbook.missing-sheet", file = file, sheet = name),
                )
                .in_file(file)
                .help(missing_sheet_help(name, &names)),
            ),
        }
    }
    copies(reading, &names);
    let [main, facts, evidence] = <[Grid; 3]>::try_from(grids).ok()?;
    let as_of = if let Some((row, column)) = main.beside(layout::AS_OF) {
        reading.place(vec![key("as-of")], &main, row, column);
        let date = reading.date(&main, row, column);
        if date.is_none() && main.text(row, column).is_none() {
            let cell = main.cell(row, column);
            reading.problem(
                &main,
                row,
                column,
                "missing-key",
                t!("workbook.missing-as-of", cell = cell),
                t!("workbook.invalid-date-help"),
            );
        }
        date
    } else {
        reading.problems.push(
            Diagnostic::new(
                "missing-key",
                t!(
                    "workbook.no-label",
                    sheet = layout::SHEET,
                    label = layout::AS_OF
                ),
            )
            .in_file(file),
        );
        None
    };
    let reviewed_by = main.beside(layout::REVIEWED_BY).and_then(|(row, column)| {
        reading.place(vec![key("reviewed-by")], &main, row, column);
        main.typed(row, column)
    });
    renamed_labels(reading, &main);
    let approved_by = read_approval(reading, &main);
    let next_review = main.beside(layout::NEXT_REVIEW).and_then(|(row, column)| {
        reading.place(vec![key("next-review")], &main, row, column);
        reading.date(&main, row, column)
    });
    let fact_answers = read_facts(reading, &facts);
    let answers = read_requirements(reading, &main);
    let answers = answers.map(|mut answers| {
        read_evidence(reading, &evidence, &mut answers);
        answers
    });
    for grid in [&main, &facts, &evidence] {
        reading.looked_over(grid);
    }
    let facts = fact_answers;
    let answers = answers?;
    Some(AnswersFile {
        as_of: as_of?,
        reviewed_by,
        approved_by,
        next_review,
        facts,
        answers,
    })
}

/// Says of each label in the header block (above the requirements table) that is not one
/// read but is like one that is missing, e.g. 点検担当者 for 点検者, that its value is not
/// read.
fn renamed_labels(reading: &mut Reading, main: &Grid) {
    let optional = [
        layout::REVIEWED_BY,
        layout::APPROVED_BY,
        layout::APPROVER_TITLE,
        layout::APPROVED_ON,
        layout::NEXT_REVIEW,
        layout::AS_OF,
    ];
    let missing: Vec<&str> = optional
        .into_iter()
        .filter(|label| main.find(label).is_none())
        .collect();
    if missing.is_empty() {
        return;
    }
    let known = [
        layout::ORGANIZATION,
        layout::SERVICE,
        layout::CHECKLIST,
        layout::REVIEWED_BY,
        layout::APPROVED_BY,
        layout::APPROVER_TITLE,
        layout::APPROVED_ON,
        layout::NEXT_REVIEW,
        layout::AS_OF,
    ];
    let end = main.header(layout::ID).map_or(main.range.height(), |h| h.0);
    for row in 0..end {
        let Some(text) = main.text(row, 0) else {
            continue;
        };
        if known.contains(&text.as_str()) || row == 0 {
            continue;
        }
        let near = missing.iter().copied().find(|label| {
            text.contains(label)
                || label.contains(text.as_str())
                || text.chars().filter(|c| label.contains(*c)).count() * 2 >= label.chars().count() + 1
        });
        if let Some(label) = near {
            let cell = main.cell(row, 0);
            let value = main.cell(row, 1);
            reading.notice(
                NoticeKind::UnreadCells,
                cell.clone(),
                t!(
                    "workbook.renamed-label",
                    cell = cell,
                    text = text,
                    label = label,
                    value = value
                ),
            );
        }
    }
}

/// 承認者, 承認者の役職 and 承認日 of the header block: an approval when the name and the
/// date are both given, a problem when only one is. A workbook without these rows (written
/// before they existed) has no approval.
fn read_approval(reading: &mut Reading, main: &Grid) -> Option<Approval> {
    let name_at = main.beside(layout::APPROVED_BY)?;
    let date_at = main.beside(layout::APPROVED_ON)?;
    reading.place(
        vec![key("approved-by"), key("name")],
        main,
        name_at.0,
        name_at.1,
    );
    reading.place(
        vec![key("approved-by"), key("date")],
        main,
        date_at.0,
        date_at.1,
    );
    let name = main.typed(name_at.0, name_at.1);
    let date = reading.date(main, date_at.0, date_at.1);
    let title = main
        .beside(layout::APPROVER_TITLE)
        .and_then(|(row, column)| {
            reading.place(vec![key("approved-by"), key("title")], main, row, column);
            main.typed(row, column)
        });
    match (name, date) {
        (Some(name), Some(date)) => Some(Approval { name, title, date }),
        (None, None) => None,
        (name, _) => {
            let (row, column) = if name.is_none() { name_at } else { date_at };
            let cell = main.cell(row, column);
            reading.problem(
                main,
                row,
                column,
                "missing-key",
                t!(
                    "workbook.approval-incomplete",
                    cell = cell,
                    name = main.cell(name_at.0, name_at.1),
                    date = main.cell(date_at.0, date_at.1)
                ),
                t!("workbook.approval-incomplete-help"),
            );
            None
        }
    }
}

/// The columns of a table whose header row holds `first`: a problem for each of `wanted`
/// missing, and a word for each of `optional` missing (its values are not read), naming
/// the header not read that is most like it.
fn columns(
    reading: &mut Reading,
    grid: &Grid,
    first: &str,
    (wanted, optional, order): (&[&str], &[&str], &[&str]),
) -> Option<(usize, BTreeMap<String, usize>)> {
    let Some((row, bottom, headers)) = grid.header(first) else {
        reading.problems.push(
            Diagnostic::new(
                "missing-key",
                t!("workbook.no-header", sheet = grid.name, label = first),
            )
            .in_file(reading.file)
            .help(t!("workbook.no-header-help")),
        );
        return None;
    };
    let known: Vec<&str> = wanted.iter().chain(optional).copied().collect();
    let unread: Vec<&str> = headers
        .keys()
        .map(String::as_str)
        .filter(|label| !known.contains(label))
        .collect();
    // Where the layout puts `label`, counted from the column of `first`.
    let placed = |label: &str| {
        let at = |l: &str| order.iter().position(|o| *o == l);
        let column = headers.get(first)? + at(label)?;
        column.checked_sub(at(first)?)
    };
    // The header most like `label` among those not read, or the one not read standing
    // where the layout puts it, with its cell.
    let like = |label: &str| {
        let near = crate::diagnostic::nearest_within(label, &unread, 0.6)
            .or_else(|| {
                unread.iter().copied().find(|other| {
                    other.contains(label.split('（').next().unwrap_or(label))
                })
            })
            .or_else(|| {
                let column = placed(label)?;
                unread.iter().copied().find(|other| headers[*other] == column)
            })?;
        Some((near, grid.cell(row, headers[near])))
    };
    for label in wanted {
        if !headers.contains_key(*label) {
            let (cell, help) = match like(label) {
                Some((near, at)) => (
                    at.clone(),
                    t!("workbook.renamed-column-help", text = near, cell = at, label = *label),
                ),
                None => (grid.cell(row, 0), t!("workbook.no-header-help")),
            };
            reading.problems.push(
                Diagnostic::new(
                    "missing-key",
                    t!("workbook.no-column", cell = cell, label = *label),
                )
                .in_file(format!("{}:{cell}", reading.file))
                .help(help),
            );
        }
    }
    for label in optional {
        if !headers.contains_key(*label) {
            let (cell, message) = match like(label) {
                Some((near, at)) => (
                    at.clone(),
                    t!("workbook.renamed-column", text = near, cell = at, label = *label),
                ),
                // A column added in a later layout (連携先ID) is missing from older
                // workbooks; only the requirements table's are always said.
                None if first != layout::ID || grid.name != layout::SHEET => continue,
                None => {
                    let cell = grid.cell(row, 0);
                    (cell.clone(), t!("workbook.missing-column", cell = cell, label = *label))
                }
            };
            reading.notice(NoticeKind::UnreadCells, cell, message);
        }
    }
    Some((bottom, headers))
}

/// Says that the row holds values but no id in `id_column`, so that none of them is read.
fn unread_row(reading: &mut Reading, grid: &Grid, row: usize, id_column: usize, label: &str) {
    let filled: Vec<String> = (0..grid.range.width())
        .filter(|&c| c != id_column && grid.text(row, c).is_some())
        .map(|c| grid.address(row, c))
        .collect();
    if filled.is_empty() {
        return;
    }
    let cell = grid.cell(row, id_column);
    reading.notice(
        NoticeKind::UnreadCells,
        cell.clone(),
        t!(
            "workbook.row-without-id",
            cell = cell,
            cells = filled.join(", "),
            label = label
        ),
    );
}

fn read_facts(reading: &mut Reading, grid: &Grid) -> BTreeMap<String, Option<bool>> {
    let mut facts = BTreeMap::new();
    let Some((header, columns)) = columns(
        reading,
        grid,
        layout::FACT_ID,
        (&[layout::FACT_ID, layout::ANSWER], &[], &layout::FACT_COLUMNS),
    ) else {
        return facts;
    };
    let (Some(&id), Some(&answer)) = (columns.get(layout::FACT_ID), columns.get(layout::ANSWER))
    else {
        return facts;
    };
    for row in header + 1..grid.range.height() {
        let Some(fact) = grid.text(row, id) else {
            unread_row(reading, grid, row, id, layout::FACT_ID);
            continue;
        };
        let path = vec![key("facts"), key(&fact)];
        reading.place(path, grid, row, answer);
        let value = reading.boolean(grid, row, answer);
        facts.insert(fact, value);
    }
    facts
}

fn read_requirements(reading: &mut Reading, grid: &Grid) -> Option<BTreeMap<String, Answer>> {
    let (header, columns) = columns(
        reading,
        grid,
        layout::ID,
        (
            &[layout::ID, layout::STATUS, layout::EXPLANATION],
            &[layout::EXPLANATION_EN, layout::TARGET, layout::NOTE],
            &layout::SHEET_COLUMNS,
        ),
    )?;
    let column = |label: &str| columns.get(label).copied();
    let (id_column, status_column) = (column(layout::ID)?, column(layout::STATUS)?);
    let mut answers = BTreeMap::new();
    let mut first_row: BTreeMap<String, String> = BTreeMap::new();
    for row in header + 1..grid.range.height() {
        let Some(id) = grid.text(row, id_column) else {
            unread_row(reading, grid, row, id_column, layout::ID);
            continue;
        };
        let here = grid.cell(row, id_column);
        if let Some(first) = first_row.get(&id) {
            let first = first.clone();
            reading.problem(
                grid,
                row,
                id_column,
                "duplicate-id",
                t!("workbook.duplicate-id", id = id, first = first),
                t!("workbook.duplicate-id-help"),
            );
            continue;
        }
        first_row.insert(id.clone(), here);
        let at = |field: &str| vec![key("answers"), key(&id), key(field)];
        reading.place(vec![key("answers"), key(&id)], grid, row, id_column);
        reading.place(at("status"), grid, row, status_column);
        let text = |label: &str| column(label).and_then(|c| grid.typed(row, c));
        if let Some(c) = column(layout::EXPLANATION) {
            reading.place(at("explanation"), grid, row, c);
        }
        let explanation = Localized {
            plain: text(layout::EXPLANATION),
            ja: None,
            en: text(layout::EXPLANATION_EN),
        };
        let target = column(layout::TARGET).and_then(|c| {
            reading.place(at("target"), grid, row, c);
            reading.date(grid, row, c)
        });
        let answer = Answer {
            status: reading.status(grid, row, status_column),
            explanation: (explanation != Localized::default()).then_some(explanation),
            note: text(layout::NOTE),
            target,
            evidence: Vec::new(),
        };
        answers.insert(id, answer);
    }
    Some(answers)
}

/// The kind of evidence named in a cell, in Japanese or as its code.
fn kind(text: &str) -> Option<&'static str> {
    layout::KINDS
        .iter()
        .find(|(label, code)| text.eq_ignore_ascii_case(label) || text.eq_ignore_ascii_case(code))
        .map(|(_, code)| *code)
}

fn read_evidence(reading: &mut Reading, grid: &Grid, answers: &mut BTreeMap<String, Answer>) {
    let optional: Vec<&str> = layout::EVIDENCE_COLUMNS
        .into_iter()
        .filter(|label| ![layout::ID, layout::KIND].contains(label))
        .collect();
    let Some((header, columns)) = columns(
        reading,
        grid,
        layout::ID,
        (&[layout::ID, layout::KIND], &optional, &layout::EVIDENCE_COLUMNS),
    ) else {
        return;
    };
    let column = |label: &str| columns.get(label).copied();
    let (Some(id_column), Some(kind_column)) = (column(layout::ID), column(layout::KIND)) else {
        return;
    };
    let mut unknown: BTreeSet<String> = BTreeSet::new();
    for row in header + 1..grid.range.height() {
        let Some(id) = grid.text(row, id_column) else {
            unread_row(reading, grid, row, id_column, layout::ID);
            continue;
        };
        let text = |label: &str| column(label).and_then(|c| grid.text(row, c));
        let Some(kind_text) = text(layout::KIND) else {
            let cell = grid.cell(row, kind_column);
            reading.problem(
                grid,
                row,
                kind_column,
                "evidence-kind",
                t!("workbook.no-kind", cell = cell),
                suggest("", layout::KINDS.iter().map(|(label, _)| *label)),
            );
            continue;
        };
        let Some(kind) = kind(&kind_text) else {
            let cell = grid.cell(row, kind_column);
            reading.problem(
                grid,
                row,
                kind_column,
                "unknown-value",
                t!("workbook.unknown-kind", cell = cell, text = kind_text),
                suggest(&kind_text, layout::KINDS.iter().map(|(label, _)| *label)),
            );
            continue;
        };
        let Some(answer) = answers.get_mut(&id) else {
            if unknown.insert(id.clone()) {
                let cell = grid.cell(row, id_column);
                let ids: Vec<&str> = answers.keys().map(String::as_str).collect();
                let nearest: Vec<String> = crate::diagnostic::closest(&id, &ids, 3)
                    .into_iter()
                    .map(|near| format!("`{near}`"))
                    .collect();
                let help = t!(
                    "workbook.nearest",
                    nearest = nearest.join(t!("list.separator").as_str())
                );
                reading.problem(
                    grid,
                    row,
                    id_column,
                    "unknown-requirement",
                    t!("workbook.evidence-unknown-id", cell = cell, id = id),
                    help,
                );
            }
            continue;
        };
        let path = vec![
            key("answers"),
            key(&id),
            key("evidence"),
            Step::Index(answer.evidence.len()),
        ];
        reading.place(path.clone(), grid, row, kind_column);
        let (evidence, needs) = evidence_row(reading, (grid, row, &columns), kind, &path);
        if let Some(label) = needs {
            let c = column(label).unwrap_or(kind_column);
            let cell = grid.cell(row, c);
            reading.problem(
                grid,
                row,
                c,
                "evidence-kind",
                t!(
                    "workbook.kind-needs",
                    cell = cell,
                    kind = kind_text,
                    label = label
                ),
                t!("workbook.kind-needs-help", label = label),
            );
            continue;
        }
        answer.evidence.push(evidence);
    }
}

/// The piece of evidence on `row` of kind `kind` (a code), recording where its dates
/// stand under `path`; with the column it still needs, if any.
fn evidence_row(
    reading: &mut Reading,
    (grid, row, columns): (&Grid, usize, &BTreeMap<String, usize>),
    kind: &str,
    path: &[Step],
) -> (Evidence, Option<&'static str>) {
    let column = |label: &str| columns.get(label).copied();
    let text = |label: &str| column(label).and_then(|c| grid.typed(row, c));
    let date = |reading: &mut Reading, label: &str| {
        let c = column(label)?;
        let mut at = path.to_vec();
        at.push(key(match label {
            layout::VALID_FROM => "valid-from",
            layout::VALID_UNTIL => "valid-until",
            _ => "date",
        }));
        reading.place(at, grid, row, c);
        reading.date(grid, row, c)
    };
    let mut evidence = Evidence {
        title: match (text(layout::TITLE), text(layout::TITLE_EN)) {
            (None, None) => None,
            (plain, en) => Some(Localized {
                plain,
                ja: None,
                en,
            }),
        },
        public: column(layout::PUBLIC).and_then(|c| reading.boolean(grid, row, c)),
        ..Evidence::default()
    };
    match kind {
        "file" => evidence.file = text(layout::TARGET_PATH),
        "url" => evidence.url = text(layout::TARGET_PATH),
        "certificate" => {
            evidence.certificate = Some(Box::new(Certificate {
                scheme: text(layout::SCHEME).unwrap_or_default(),
                number: text(layout::NUMBER),
                issuer: text(layout::ISSUER),
                scope: text(layout::SCOPE),
                valid_from: date(reading, layout::VALID_FROM),
                valid_until: date(reading, layout::VALID_UNTIL),
            }));
        }
        "partner-check" => {
            let result = text(layout::RESULT).and_then(|given| {
                layout::RESULTS
                    .iter()
                    .find(|(label, code)| given == *label || given.eq_ignore_ascii_case(code))
                    .map(|(_, code)| *code)
            });
            let checked = column(layout::DATE).and_then(|c| {
                let mut at = path.to_vec();
                at.extend([key("partner-check"), key("checked")]);
                reading.place(at, grid, row, c);
                reading.date(grid, row, c)
            });
            if let (Some(partner), Some(checked), Some(result)) =
                (text(layout::PARTNER), checked, result)
            {
                evidence.partner_check = Some(Box::new(PartnerCheck {
                    partner,
                    checked,
                    result: if result == "verified" {
                        PartnerResult::Verified
                    } else {
                        PartnerResult::NotVerified
                    },
                    summary: text(layout::SUMMARY),
                }));
            }
        }
        _ => {
            evidence.record = date(reading, layout::DATE).map(|date| {
                Box::new(Record {
                    date,
                    summary: text(layout::SUMMARY),
                })
            });
        }
    }
    let needs = match kind {
        "file" | "url" if evidence.file.is_none() && evidence.url.is_none() => {
            Some(layout::TARGET_PATH)
        }
        "certificate"
            if evidence
                .certificate
                .as_ref()
                .is_some_and(|c| c.scheme.is_empty()) =>
        {
            Some(layout::SCHEME)
        }
        "record" if evidence.record.is_none() => Some(layout::DATE),
        "partner-check" if evidence.partner_check.is_none() => {
            [layout::PARTNER, layout::DATE, layout::RESULT]
                .into_iter()
                .find(|label| text(label).is_none())
                .or(Some(layout::RESULT))
        }
        _ => None,
    };
    (evidence, needs)
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

    #[test]
    fn dates_are_read_from_serials_and_the_ways_people_type_them() {
        let day = Date::new(2026, 4, 1).unwrap();
        assert_eq!(serial_date(46113.0), Some(day));
        for text in ["2026-04-01", "2026/4/1", "2026.4.1", "2026年4月1日"] {
            assert_eq!(text_date(text), Some(day), "{text}");
        }
        assert_eq!(text_date("2026/2/30"), None);
        assert_eq!(text_date("来年"), None);
    }
}
