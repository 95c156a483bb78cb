//! Answers workbooks (`answers/<service>.xlsx`) to the answers model, cell by cell: the only
//! calamine user. Cells are read by their meaning (Japanese labels or the codes, はい/いいえ,
//! date cells or dates as text) and found by their column headers and the requirement id
//! column, so a person may sort, insert blank rows, hide rows or add a sheet of their own.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use jiff::civil::Date;

use super::spans::{Step, YamlPath};
use super::yaml::SourceFile;
use crate::diagnostic::{Diagnostic, suggest};
use crate::i18n::t;
use crate::load::{Notice, NoticeKind};
use crate::model::workbook as layout;
use crate::model::{Answer, AnswersFile, Localized, Status};

mod bounds;
pub(crate) use bounds::rewritten;
mod dates;
mod evidence;
mod grid;
mod header;

use dates::{serial_date, shorten, text_date, yes_no};
use evidence::read_evidence;
use grid::{Grid, MAX_MERGES};
use header::{read_approval, renamed_labels};

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
fn sheet(reading: &mut Reading, workbook: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Option<Grid> {
    if !workbook.sheet_names().iter().any(|n| n == name) {
        return None;
    }
    let (range, formulas) = match bounds::cells(workbook, name) {
        Ok(cells) => cells,
        Err(refusal) => {
            reading.problems.push(refused(reading.file, name, refusal));
            return None;
        }
    };
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
    Some(Grid::new(name, range, &merges, formulas))
}

/// The problem of a workbook, or of its sheet `sheet`, refused by a limit.
fn refused(file: &str, sheet: &str, refusal: bounds::Refusal) -> Diagnostic {
    let mib = |bytes: u64| bytes / (1024 * 1024);
    let (code, message, help) = match refusal {
        bounds::Refusal::Unreadable(error) => (
            "unreadable-file",
            t!(
                "workbook.unreadable-sheet",
                file = file,
                sheet = sheet,
                error = error
            ),
            t!("workbook.unreadable-help"),
        ),
        bounds::Refusal::Part(part) => (
            "too-large",
            t!(
                "workbook.part-too-large",
                file = file,
                part = part,
                limit = mib(bounds::MAX_PART)
            ),
            t!("workbook.too-large-help"),
        ),
        bounds::Refusal::Total => (
            "too-large",
            t!(
                "workbook.total-too-large",
                file = file,
                limit = mib(bounds::MAX_TOTAL)
            ),
            t!("workbook.too-large-help"),
        ),
        bounds::Refusal::Parts(count) => (
            "too-large",
            t!(
                "workbook.too-many-parts",
                file = file,
                count = count,
                limit = bounds::MAX_PARTS
            ),
            t!("workbook.too-large-help"),
        ),
        bounds::Refusal::Strings => (
            "too-large",
            t!(
                "workbook.too-many-strings",
                file = file,
                limit = bounds::MAX_SHARED_STRINGS
            ),
            t!("workbook.too-large-help"),
        ),
        bounds::Refusal::Outside(cell) => (
            "cell-outside",
            t!(
                "workbook.cell-outside",
                cell = format!("{sheet}!{cell}"),
                rows = bounds::MAX_ROWS,
                last = grid::column_letters(bounds::MAX_COLUMNS - 1)
            ),
            t!("workbook.cell-outside-help"),
        ),
        bounds::Refusal::Long(cell, chars) => (
            "cell-too-long",
            t!(
                "workbook.cell-too-long",
                cell = format!("{sheet}!{cell}"),
                chars = chars,
                limit = bounds::MAX_CELL_CHARS
            ),
            t!("workbook.cell-too-long-help"),
        ),
        bounds::Refusal::Text(cell) => (
            "too-large",
            t!(
                "workbook.sheet-text-too-large",
                sheet = sheet,
                cell = format!("{sheet}!{cell}"),
                limit = mib(bounds::MAX_SHEET_TEXT as u64)
            ),
            t!("workbook.too-large-help"),
        ),
    };
    Diagnostic::new(code, message).in_file(file).help(help)
}

/// What a file given as a workbook is instead, from its first bytes: an Excel 97-2003
/// workbook, a PDF, or anything else that is not a ZIP archive.
fn other_kind(bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(b"PK\x03\x04") {
        return None;
    }
    Some(
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            t!("workbook.kind-xls")
        } else if bytes.starts_with(b"%PDF") {
            t!("workbook.kind-pdf")
        } else {
            t!("workbook.kind-other")
        },
    )
}

/// Says of each sheet that looks like a copy of one read (「チェックシート (2)」) that it
/// is not read.
fn copies(reading: &mut Reading, names: &[String]) {
    let read = [layout::SHEET, layout::FACTS, layout::EVIDENCE];
    for name in names {
        if read.contains(&name.as_str()) {
            continue;
        }
        if let Some(original) = read.iter().find(|original| is_copy_of(name, original)) {
            let cell = format!("{name}!A1");
            reading.notice(
                NoticeKind::UnreadCells,
                cell,
                t!("workbook.copied-sheet", sheet = name, original = original),
            );
        }
    }
}

/// Whether the sheet `name` is a copy of `original` as office programs and people name
/// copies: 「チェックシート (2)」, 「Copy of 証跡」, 「チェックシート（修正版）」; a sheet of one's
/// own such as 「証跡メモ」 is not.
fn is_copy_of(name: &str, original: &str) -> bool {
    let Some((before, after)) = name.split_once(original) else {
        return false;
    };
    let mut rest = format!("{before}{after}").to_lowercase();
    for word in [
        "copy of",
        "copy",
        "のコピー",
        "コピー",
        "修正版",
        "修正",
        "最新",
        "控え",
        "旧",
        "新",
        "版",
    ] {
        rest = rest.replace(word, "");
    }
    rest.chars()
        .all(|c| c.is_whitespace() || c.is_numeric() || "()（）[]【】-_－.・".contains(c))
}

/// The help for a sheet not found: the sheet it was likely renamed to, if any.
fn missing_sheet_help(name: &str, names: &[String]) -> String {
    let renamed = names
        .iter()
        .find(|other| other.contains(name) || name.contains(other.as_str()) && !other.is_empty());
    match renamed {
        Some(other) => t!("workbook.renamed-sheet-help", sheet = other, name = name),
        None => t!("workbook.missing-sheet-help"),
    }
}

/// The workbook in `bytes`, or a problem saying what the file is instead.
fn open<'a>(reading: &mut Reading, bytes: &'a [u8]) -> Option<Xlsx<Cursor<&'a [u8]>>> {
    let file = reading.file;
    // A file of another kind, given the name of a workbook: say which.
    if let Some(kind) = other_kind(bytes) {
        reading.problems.push(
            Diagnostic::new(
                "unreadable-file",
                t!("workbook.not-xlsx", file = file, kind = kind),
            )
            .in_file(file)
            .help(t!("workbook.not-xlsx-help")),
        );
        return None;
    }
    // What the parts inflate to is bounded before any of them is read.
    if let Err(refusal) = bounds::inflated(bytes) {
        reading.problems.push(refused(file, "", refusal));
        return None;
    }
    match calamine::open_workbook_from_rs(Cursor::new(bytes)) {
        Ok(workbook) => Some(workbook),
        Err(error) => {
            reading.problems.push(
                Diagnostic::new(
                    "unreadable-file",
                    t!("workbook.unreadable", file = file, error = error),
                )
                .in_file(file)
                .help(t!("workbook.unreadable-help")),
            );
            None
        }
    }
}

fn read(reading: &mut Reading, bytes: &[u8]) -> Option<AnswersFile> {
    let file = reading.file;
    let mut workbook = open(reading, bytes)?;
    let names = workbook.sheet_names();
    let mut grids = Vec::new();
    for name in [layout::SHEET, layout::FACTS, layout::EVIDENCE] {
        match sheet(reading, &mut workbook, name) {
            Some(grid) => grids.push(grid),
            // The sheet is there but cannot be read: say so, not that it is missing.
            None if names.iter().any(|n| n == name) => {}
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
                unread
                    .iter()
                    .copied()
                    .find(|other| other.contains(label.split('（').next().unwrap_or(label)))
            })
            .or_else(|| {
                let column = placed(label)?;
                unread
                    .iter()
                    .copied()
                    .find(|other| headers[*other] == column)
            })?;
        Some((near, grid.cell(row, headers[near])))
    };
    for label in wanted {
        if !headers.contains_key(*label) {
            let (cell, help) = match like(label) {
                Some((near, at)) => (
                    at.clone(),
                    t!(
                        "workbook.renamed-column-help",
                        text = near,
                        cell = at,
                        label = *label
                    ),
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
                    t!(
                        "workbook.renamed-column",
                        text = near,
                        cell = at,
                        label = *label
                    ),
                ),
                // A column added in a later layout (連携先ID) is missing from older
                // workbooks; only the requirements table's are always said.
                None if first != layout::ID || grid.name != layout::SHEET => continue,
                None => {
                    let cell = grid.cell(row, 0);
                    (
                        cell.clone(),
                        t!("workbook.missing-column", cell = cell, label = *label),
                    )
                }
            };
            reading.notice(NoticeKind::UnreadCells, cell, message);
        }
    }
    Some((bottom, headers))
}

/// Says that the row holds values but no id in `id_column`, so that none of them is read.
/// Only the table's columns (those with a header) are looked at.
fn unread_row(
    reading: &mut Reading,
    (grid, row): (&Grid, usize),
    (id_column, label): (usize, &str),
    columns: &BTreeMap<String, usize>,
) {
    let mut table: Vec<usize> = columns.values().copied().collect();
    table.sort_unstable();
    let filled: Vec<String> = table
        .into_iter()
        .filter(|&c| c != id_column && grid.label(row, c).is_some())
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
        (
            &[layout::FACT_ID, layout::ANSWER],
            &[],
            &layout::FACT_COLUMNS,
        ),
    ) else {
        return facts;
    };
    let (Some(&id), Some(&answer)) = (columns.get(layout::FACT_ID), columns.get(layout::ANSWER))
    else {
        return facts;
    };
    for row in header + 1..grid.range.height() {
        let Some(fact) = grid.text(row, id) else {
            unread_row(reading, (grid, row), (id, layout::FACT_ID), &columns);
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
            unread_row(reading, (grid, row), (id_column, layout::ID), &columns);
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
