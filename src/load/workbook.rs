//! Answers workbooks (`answers/<service>.xlsx`) to the answers model, cell by cell: the only
//! calamine user. Cells are read by their meaning (Japanese labels or the codes, はい/いいえ,
//! date cells or dates as text) and found by their column headers and the requirement id
//! column, so a person may sort, insert blank rows, hide rows or add a sheet of their own.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx};
use jiff::civil::Date;

use super::spans::{Step, YamlPath};
use super::yaml::SourceFile;
use crate::diagnostic::{Diagnostic, suggest};
use crate::i18n::t;
use crate::model::workbook as layout;
use crate::model::{
    Answer, AnswersFile, Approval, Certificate, Evidence, Localized, PartnerCheck, PartnerResult,
    Record, Status,
};

/// One sheet of the workbook.
struct Grid {
    name: String,
    range: Range<Data>,
}

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
    /// `チェックシート!F12` for a cell given relative to the range.
    fn cell(&self, row: usize, column: usize) -> String {
        let (top, left) = self.range.start().unwrap_or((0, 0));
        let row = top + u32::try_from(row).unwrap_or(0);
        let column = left + u32::try_from(column).unwrap_or(0);
        format!("{}!{}{}", self.name, column_letters(column), row + 1)
    }

    fn value(&self, row: usize, column: usize) -> &Data {
        self.range.get((row, column)).unwrap_or(&Data::Empty)
    }

    /// The cell as text, without surrounding blanks; `None` when empty.
    fn text(&self, row: usize, column: usize) -> Option<String> {
        let text = match self.value(row, column) {
            Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
            Data::Int(i) => i.to_string(),
            Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
            Data::Float(f) => f.to_string(),
            Data::Bool(b) => b.to_string(),
            Data::DateTime(d) => {
                serial_date(d.as_f64()).map_or_else(String::new, |d| d.to_string())
            }
            Data::Error(_) | Data::Empty => String::new(),
        };
        let text = text
            .trim_matches(|c: char| c.is_whitespace() && c != '\n')
            .to_owned();
        (!text.trim().is_empty()).then_some(text)
    }

    /// The rows after `header`, as relative indices.
    fn rows_after(&self, header: usize) -> std::ops::Range<usize> {
        header + 1..self.range.height()
    }

    /// The header row holding `label`, with each header's column.
    fn header(&self, label: &str) -> Option<(usize, BTreeMap<String, usize>)> {
        for row in 0..self.range.height() {
            let headers: BTreeMap<String, usize> = (0..self.range.width())
                .filter_map(|column| Some((self.text(row, column)?, column)))
                .collect();
            if headers.contains_key(label) {
                return Some((row, headers));
            }
        }
        None
    }

    /// The value beside the cell whose text is `label`, anywhere on the sheet.
    fn beside(&self, label: &str) -> Option<(usize, usize)> {
        for row in 0..self.range.height() {
            for column in 0..self.range.width() {
                if self.text(row, column).as_deref() == Some(label) {
                    return Some((row, column + 1));
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

/// A date typed as text: `2026-04-01`, `2026/4/1`, `2026.4.1`, `2026年4月1日`.
fn text_date(text: &str) -> Option<Date> {
    let parts: Vec<&str> = text
        .trim()
        .trim_end_matches('日')
        .split(['-', '/', '.', '年', '月'])
        .collect();
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?).ok()
}

/// What reading a workbook gives: where each node stands, the problems found.
struct Reading<'a> {
    file: &'a str,
    cells: BTreeMap<YamlPath, String>,
    problems: Vec<Diagnostic>,
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
        let value = match text.to_lowercase().as_str() {
            "はい" | "有" | "あり" | "有り" | "true" | "yes" | "○" | "〇" | "1" => {
                Some(true)
            }
            "いいえ" | "無" | "なし" | "無し" | "false" | "no" | "×" | "0" => Some(false),
            _ => None,
        };
        if value.is_none() {
            let cell = grid.cell(row, column);
            self.problem(
                grid,
                row,
                column,
                "wrong-type",
                t!("workbook.not-yes-no", cell = cell, text = text),
                suggest(&text, [layout::YES, layout::NO]),
            );
        }
        value
    }

    fn status(&mut self, grid: &Grid, row: usize, column: usize) -> Option<Status> {
        let text = grid.text(row, column)?;
        let status = Status::from_word(&text);
        if status.is_none() {
            let labels: Vec<&str> = Status::ALL.iter().map(|s| s.label_ja()).collect();
            // Japanese labels are short: a looser likeness still means a likely slip.
            let help = match crate::diagnostic::nearest_within(&text, &labels, 0.75) {
                Some(best) => t!("suggest.did-you-mean", best = best) + " " + &suggest("", labels),
                None => suggest(&text, labels),
            };
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
    };
    let answers = read(&mut reading, bytes);
    let Reading {
        cells, problems, ..
    } = reading;
    (SourceFile::workbook(file, bytes, cells), answers, problems)
}

fn sheet(workbook: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Option<Grid> {
    let range = workbook.worksheet_range(name).ok()?;
    Some(Grid {
        name: name.to_owned(),
        range,
    })
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
    let mut grids = Vec::new();
    for name in [layout::SHEET, layout::FACTS, layout::EVIDENCE] {
        match sheet(&mut workbook, name) {
            Some(grid) => grids.push(grid),
            None => reading.problems.push(
                Diagnostic::new(
                    "missing-sheet",
                    t!("workbook.missing-sheet", file = file, sheet = name),
                )
                .in_file(file)
                .help(t!("workbook.missing-sheet-help")),
            ),
        }
    }
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
        main.text(row, column)
    });
    let approved_by = read_approval(reading, &main);
    let next_review = main.beside(layout::NEXT_REVIEW).and_then(|(row, column)| {
        reading.place(vec![key("next-review")], &main, row, column);
        reading.date(&main, row, column)
    });
    let facts = read_facts(reading, &facts);
    let mut answers = read_requirements(reading, &main)?;
    read_evidence(reading, &evidence, &mut answers);
    Some(AnswersFile {
        as_of: as_of?,
        reviewed_by,
        approved_by,
        next_review,
        facts,
        answers,
    })
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
    let name = main.text(name_at.0, name_at.1);
    let date = reading.date(main, date_at.0, date_at.1);
    let title = main
        .beside(layout::APPROVER_TITLE)
        .and_then(|(row, column)| {
            reading.place(vec![key("approved-by"), key("title")], main, row, column);
            main.text(row, column)
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

/// The columns `wanted` of a table whose header row holds `first`; a problem for each one
/// missing.
fn columns(
    reading: &mut Reading,
    grid: &Grid,
    first: &str,
    wanted: &[&str],
) -> Option<(usize, BTreeMap<String, usize>)> {
    let Some((row, headers)) = grid.header(first) else {
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
    for label in wanted {
        if !headers.contains_key(*label) {
            let cell = grid.cell(row, 0);
            reading.problems.push(
                Diagnostic::new(
                    "missing-key",
                    t!("workbook.no-column", cell = cell, label = *label),
                )
                .in_file(format!("{}:{cell}", reading.file))
                .help(t!("workbook.no-header-help")),
            );
        }
    }
    Some((row, headers))
}

fn read_facts(reading: &mut Reading, grid: &Grid) -> BTreeMap<String, Option<bool>> {
    let mut facts = BTreeMap::new();
    let Some((header, columns)) = columns(
        reading,
        grid,
        layout::FACT_ID,
        &[layout::FACT_ID, layout::ANSWER],
    ) else {
        return facts;
    };
    let (Some(&id), Some(&answer)) = (columns.get(layout::FACT_ID), columns.get(layout::ANSWER))
    else {
        return facts;
    };
    for row in grid.rows_after(header) {
        let Some(fact) = grid.text(row, id) else {
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
    let (header, columns) = columns(reading, grid, layout::ID, &[layout::ID, layout::STATUS])?;
    let column = |label: &str| columns.get(label).copied();
    let (id_column, status_column) = (column(layout::ID)?, column(layout::STATUS)?);
    let mut answers = BTreeMap::new();
    let mut first_row: BTreeMap<String, String> = BTreeMap::new();
    for row in grid.rows_after(header) {
        let Some(id) = grid.text(row, id_column) else {
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
        let text = |label: &str| column(label).and_then(|c| grid.text(row, c));
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
    let Some((header, columns)) = columns(reading, grid, layout::ID, &[layout::ID, layout::KIND])
    else {
        return;
    };
    let column = |label: &str| columns.get(label).copied();
    let (Some(id_column), Some(kind_column)) = (column(layout::ID), column(layout::KIND)) else {
        return;
    };
    let mut unknown: BTreeSet<String> = BTreeSet::new();
    for row in grid.rows_after(header) {
        let Some(id) = grid.text(row, id_column) else {
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
        if let ("file" | "url", Some(c)) = (kind, column(layout::TARGET_PATH)) {
            // What is said of the file or address points at its own cell.
            reading.place([&path[..], &[key(kind)]].concat(), grid, row, c);
        }
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
    let text = |label: &str| column(label).and_then(|c| grid.text(row, c));
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
