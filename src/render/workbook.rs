//! A service's answers as a workbook in the manner of Japanese self-inspection sheets: the
//! only `rust_xlsxwriter` user. The requirement cells are locked, the answer cells open, with
//! drop-downs for statuses, yes/no and kinds of evidence; A4 landscape, header row repeated.
//! The same answers always give the same bytes.

use jiff::civil::Date;
use rust_xlsxwriter::{
    Color, DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use crate::error::Error;
use crate::model::workbook as layout;
use crate::model::{AnswersFile, Checklist, Evidence, Language, Localized, Status};

/// Rows of the evidence sheet left open for new evidence below the written ones.
const SPARE_EVIDENCE_ROWS: u32 = 200;

/// The formats of the workbook.
struct Formats {
    title: Format,
    label: Format,
    header: Format,
    locked: Format,
    open: Format,
    open_date: Format,
}

impl Formats {
    fn new() -> Formats {
        let border = |f: Format| {
            f.set_border(FormatBorder::Thin)
                .set_border_color(Color::Gray)
        };
        let cell = border(Format::new().set_text_wrap().set_align(FormatAlign::Top));
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            label: Format::new().set_bold(),
            header: border(
                Format::new()
                    .set_bold()
                    .set_text_wrap()
                    .set_background_color(Color::RGB(0x00E8_EEF4)),
            ),
            locked: cell.clone().set_background_color(Color::RGB(0x00F4_F4F4)),
            open: cell.clone().set_unlocked(),
            open_date: cell.set_unlocked().set_num_format("yyyy-mm-dd"),
        }
    }
}

/// Text for a cell from a text in either language: the Japanese (or plain) text, or the
/// English.
fn text(value: Option<&Localized>, language: Language) -> Option<&str> {
    let value = value?;
    match language {
        Language::Ja => value.ja.as_deref().or(value.plain.as_deref()),
        Language::En => value.en.as_deref(),
    }
}

fn excel_date(date: Date) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(
        u16::try_from(date.year()).unwrap_or(1900),
        u8::try_from(date.month()).unwrap_or(1),
        u8::try_from(date.day()).unwrap_or(1),
    )
}

fn write_date(
    sheet: &mut Worksheet,
    (row, column): (u32, u16),
    date: Option<Date>,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match date {
        Some(date) => {
            sheet.write_datetime_with_format(row, column, excel_date(date)?, &formats.open_date)?
        }
        None => sheet.write_blank(row, column, &formats.open_date)?,
    };
    Ok(())
}

fn write_open(
    sheet: &mut Worksheet,
    (row, column): (u32, u16),
    value: Option<&str>,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match value {
        Some(value) => {
            sheet.write_string_with_format(row, column, value.trim_end(), &formats.open)?
        }
        None => sheet.write_blank(row, column, &formats.open)?,
    };
    Ok(())
}

/// A row tall enough for its wrapped texts, given the columns' widths in characters (a
/// Japanese character takes two).
fn fit_row(sheet: &mut Worksheet, row: u32, texts: &[(&str, f64)]) -> Result<(), XlsxError> {
    use unicode_width::UnicodeWidthStr;
    let lines = texts
        .iter()
        .map(|(text, width)| {
            text.lines()
                .map(|line| {
                    #[allow(clippy::cast_precision_loss)]
                    let chars = line.width() as f64;
                    // Fonts differ between programs: leave room.
                    (chars / ((width - 2.0) * 0.85).max(1.0)).ceil().max(1.0)
                })
                .sum::<f64>()
        })
        .fold(1.0_f64, f64::max);
    sheet.set_row_height(row, 15.0 * lines.min(40.0))?;
    Ok(())
}

/// Lets a person fill in, sort, insert, hide and delete rows, but not edit locked cells.
fn protect(sheet: &mut Worksheet) {
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        insert_rows: true,
        delete_rows: true,
        sort: true,
        use_autofilter: true,
        ..ProtectionOptions::default()
    };
    sheet.protect_with_options(&options);
}

fn page_setup(sheet: &mut Worksheet, header_row: u32) -> Result<(), XlsxError> {
    sheet.set_landscape();
    sheet.set_paper_size(9);
    // As wide as one page, as long as it needs.
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(header_row, header_row)?;
    sheet.set_freeze_panes(header_row + 1, 0)?;
    Ok(())
}

/// What the sheet's header block says about the assessment.
pub struct Header<'a> {
    pub organization: &'a str,
    pub service: &'a str,
    pub checklist: &'a Checklist,
}

/// The workbook of `answers`, with every requirement and fact of the checklist.
pub fn answers(header: &Header, answers: &AnswersFile) -> Result<Vec<u8>, Error> {
    build(header, answers).map_err(|error| {
        Error::input(crate::diagnostic::Diagnostic::new(
            "workbook",
            crate::i18n::t!("workbook.write", error = error),
        ))
    })
}

fn build(header: &Header, answers: &AnswersFile) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    // A fixed creation time, from the answers, so that the same answers give the same bytes.
    workbook.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&excel_date(answers.as_of)?)
            .set_title(format!("{} {}", header.service, layout::SHEET)),
    );
    requirements(workbook.add_worksheet(), header, answers, &formats)?;
    facts(
        workbook.add_worksheet(),
        header.checklist,
        answers,
        &formats,
    )?;
    evidence(
        workbook.add_worksheet(),
        header.checklist,
        answers,
        &formats,
    )?;
    instructions(workbook.add_worksheet(), &formats)?;
    workbook.save_to_buffer()
}

/// The sheet saying what each cell accepts.
fn instructions(sheet: &mut Worksheet, formats: &Formats) -> Result<(), XlsxError> {
    sheet.set_name(layout::INSTRUCTIONS)?;
    sheet.set_column_width(0, 72.0)?;
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for (row, line) in (0u32..).zip(layout::INSTRUCTION_LINES) {
        if row == 0 {
            sheet.write_string_with_format(row, 0, *line, &formats.title)?;
        } else {
            sheet.write_string_with_format(row, 0, *line, &wrap)?;
            // Estimated narrower than it is: a short row cuts a line off.
            fit_row(sheet, row, &[(line, 60.0)])?;
        }
    }
    Ok(())
}

/// The block above the table: the title, the organization, the service, the as-of date and
/// the reviewer (to fill in), and the checklist.
fn header_block(
    sheet: &mut Worksheet,
    header: &Header,
    answers: &AnswersFile,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let checklist = header.checklist;
    sheet.write_string_with_format(0, 0, &checklist.title.ja, &formats.title)?;
    let block = [
        (layout::ORGANIZATION, header.organization.to_owned()),
        (layout::SERVICE, header.service.to_owned()),
        (layout::AS_OF, String::new()),
        (layout::REVIEWED_BY, String::new()),
        (layout::APPROVED_BY, String::new()),
        (layout::APPROVER_TITLE, String::new()),
        (layout::APPROVED_ON, String::new()),
        (layout::NEXT_REVIEW, String::new()),
        (
            layout::CHECKLIST,
            format!("{} ({})", checklist.title.ja, checklist.reference()),
        ),
    ];
    for (row, (label, value)) in (1u32..).zip(block) {
        sheet.write_string_with_format(row, 0, label, &formats.label)?;
        match label {
            layout::AS_OF => write_date(sheet, (row, 1), Some(answers.as_of), formats)?,
            layout::REVIEWED_BY => {
                write_open(sheet, (row, 1), answers.reviewed_by.as_deref(), formats)?;
            }
            layout::APPROVED_BY => {
                let name = answers.approved_by.as_ref().map(|a| a.name.as_str());
                write_open(sheet, (row, 1), name, formats)?;
            }
            layout::APPROVER_TITLE => {
                let title = answers
                    .approved_by
                    .as_ref()
                    .and_then(|a| a.title.as_deref());
                write_open(sheet, (row, 1), title, formats)?;
            }
            layout::APPROVED_ON => {
                let date = answers.approved_by.as_ref().map(|a| a.date);
                write_date(sheet, (row, 1), date, formats)?;
            }
            layout::NEXT_REVIEW => write_date(sheet, (row, 1), answers.next_review, formats)?,
            _ => {
                sheet.write_string(row, 1, value)?;
            }
        }
    }
    Ok(())
}

fn requirements(
    sheet: &mut Worksheet,
    header: &Header,
    answers: &AnswersFile,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let checklist = header.checklist;
    sheet.set_name(layout::SHEET)?;
    header_block(sheet, header, answers, formats)?;
    let header_row = 11;
    for (column, title) in (0u16..).zip(layout::SHEET_COLUMNS) {
        sheet.write_string_with_format(header_row, column, title, &formats.header)?;
    }
    let widths = [13.0, 24.0, 12.0, 52.0, 30.0, 12.0, 52.0, 40.0, 13.0, 30.0];
    for (column, width) in (0u16..).zip(widths) {
        sheet.set_column_width(column, width)?;
    }
    let unanswered = crate::model::Answer::default();
    let mut row = header_row;
    let numbers = checklist.numbers();
    for (_, requirement) in checklist.requirements() {
        row += 1;
        let answer = answers.answers.get(&requirement.id).unwrap_or(&unanswered);
        let applies = requirement
            .applies_if
            .as_ref()
            .map_or_else(String::new, |condition| {
                let when = crate::report::condition(condition, &crate::report::JAPANESE);
                match requirement.otherwise {
                    Some(otherwise) => format!(
                        "{when} のとき{}、それ以外は{}",
                        requirement.obligation.label_ja(),
                        otherwise.label_ja()
                    ),
                    None => format!("{when} のときのみ"),
                }
            });
        let number = numbers
            .get(requirement.id.as_str())
            .map_or(requirement.cite.as_str(), String::as_str);
        let locked = [
            number,
            requirement.id.as_str(),
            requirement.obligation.label_ja(),
            requirement.text.ja.trim(),
            applies.as_str(),
        ];
        for (column, value) in (0u16..).zip(locked) {
            sheet.write_string_with_format(row, column, value, &formats.locked)?;
        }
        write_open(
            sheet,
            (row, 5),
            answer.status.map(Status::label_ja),
            formats,
        )?;
        write_open(
            sheet,
            (row, 6),
            text(answer.explanation.as_ref(), Language::Ja),
            formats,
        )?;
        write_open(
            sheet,
            (row, 7),
            text(answer.explanation.as_ref(), Language::En),
            formats,
        )?;
        write_date(sheet, (row, 8), answer.target, formats)?;
        write_open(sheet, (row, 9), answer.note.as_deref(), formats)?;
        fit_row(
            sheet,
            row,
            &[
                (requirement.text.ja.trim(), widths[3]),
                (applies.as_str(), widths[4]),
                (
                    text(answer.explanation.as_ref(), Language::Ja).unwrap_or(""),
                    widths[6],
                ),
                (
                    text(answer.explanation.as_ref(), Language::En).unwrap_or(""),
                    widths[7],
                ),
                (answer.note.as_deref().unwrap_or(""), widths[9]),
            ],
        )?;
    }
    let labels: Vec<&str> = Status::ALL.iter().map(|s| s.label_ja()).collect();
    let statuses = DataValidation::new()
        .allow_list_strings(&labels)?
        .set_error_message(crate::i18n::t!("workbook.status-list"))?;
    sheet.add_data_validation(header_row + 1, 5, row.max(header_row + 1), 5, &statuses)?;
    page_setup(sheet, header_row)?;
    protect(sheet);
    Ok(())
}

fn facts(
    sheet: &mut Worksheet,
    checklist: &Checklist,
    answers: &AnswersFile,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(layout::FACTS)?;
    for (column, title) in (0u16..).zip(layout::FACT_COLUMNS) {
        sheet.write_string_with_format(0, column, title, &formats.header)?;
    }
    for (column, width) in (0u16..).zip([28.0, 70.0, 10.0]) {
        sheet.set_column_width(column, width)?;
    }
    let mut row = 0;
    for fact in &checklist.facts {
        row += 1;
        sheet.write_string_with_format(row, 0, &fact.id, &formats.locked)?;
        sheet.write_string_with_format(row, 1, fact.question.ja.trim(), &formats.locked)?;
        let answer = answers.facts.get(&fact.id).copied().flatten();
        let answer = answer.map(|yes| if yes { layout::YES } else { layout::NO });
        write_open(sheet, (row, 2), answer, formats)?;
    }
    let yes_no = DataValidation::new().allow_list_strings(&[layout::YES, layout::NO])?;
    sheet.add_data_validation(1, 2, row.max(1), 2, &yes_no)?;
    page_setup(sheet, 0)?;
    protect(sheet);
    Ok(())
}

/// The cells of one piece of evidence, in the order of the evidence sheet's columns.
fn evidence_cells(id: &str, evidence: &Evidence) -> [(Option<String>, Option<Date>); 16] {
    let kind = evidence.kinds().first().map_or("", |k| {
        layout::KINDS
            .iter()
            .find(|(_, code)| *code == k.as_str())
            .map_or("", |(label, _)| label)
    });
    let title = |language| text(evidence.title.as_ref(), language).map(str::to_owned);
    let certificate = evidence.certificate.as_ref();
    let record = evidence.record.as_ref();
    let check = evidence.partner_check.as_ref();
    [
        (Some(id.to_owned()), None),
        (Some(kind.to_owned()), None),
        (evidence.file.clone().or_else(|| evidence.url.clone()), None),
        (title(Language::Ja), None),
        (title(Language::En), None),
        (certificate.map(|c| c.scheme.clone()), None),
        (certificate.and_then(|c| c.number.clone()), None),
        (certificate.and_then(|c| c.issuer.clone()), None),
        (certificate.and_then(|c| c.scope.clone()), None),
        (None, certificate.and_then(|c| c.valid_from)),
        (None, certificate.and_then(|c| c.valid_until)),
        (None, record.map(|r| r.date).or(check.map(|c| c.checked))),
        (
            record
                .and_then(|r| r.summary.clone())
                .or(check.and_then(|c| c.summary.clone())),
            None,
        ),
        (
            evidence
                .public
                .map(|p| if p { layout::YES } else { layout::NO }.to_owned()),
            None,
        ),
        (check.map(|c| c.partner.clone()), None),
        (
            check.and_then(|c| {
                layout::RESULTS
                    .iter()
                    .find(|(_, code)| *code == c.result.as_str())
                    .map(|(label, _)| (*label).to_owned())
            }),
            None,
        ),
    ]
}

fn evidence(
    sheet: &mut Worksheet,
    checklist: &Checklist,
    answers: &AnswersFile,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(layout::EVIDENCE)?;
    for (column, title) in (0u16..).zip(layout::EVIDENCE_COLUMNS) {
        sheet.write_string_with_format(0, column, title, &formats.header)?;
    }
    let widths = [
        24.0, 12.0, 40.0, 30.0, 26.0, 14.0, 18.0, 18.0, 20.0, 13.0, 13.0, 13.0, 36.0, 8.0, 18.0,
        14.0,
    ];
    for (column, width) in (0u16..).zip(widths) {
        sheet.set_column_width(column, width)?;
    }
    let mut row = 0;
    for (_, requirement) in checklist.requirements() {
        let Some(answer) = answers.answers.get(&requirement.id) else {
            continue;
        };
        for evidence in &answer.evidence {
            row += 1;
            for (column, (value, date)) in (0u16..).zip(evidence_cells(&requirement.id, evidence)) {
                if date.is_some() || matches!(column, 9..=11) {
                    write_date(sheet, (row, column), date, formats)?;
                } else {
                    write_open(sheet, (row, column), value.as_deref(), formats)?;
                }
            }
        }
    }
    // Open rows for evidence yet to come.
    for spare in row + 1..=row + SPARE_EVIDENCE_ROWS {
        for column in 0..16u16 {
            if matches!(column, 9..=11) {
                write_date(sheet, (spare, column), None, formats)?;
            } else {
                write_open(sheet, (spare, column), None, formats)?;
            }
        }
    }
    let last = row + SPARE_EVIDENCE_ROWS;
    let kinds: Vec<&str> = layout::KINDS.iter().map(|(label, _)| *label).collect();
    sheet.add_data_validation(
        1,
        1,
        last,
        1,
        &DataValidation::new().allow_list_strings(&kinds)?,
    )?;
    let yes_no = DataValidation::new().allow_list_strings(&[layout::YES, layout::NO])?;
    sheet.add_data_validation(1, 13, last, 13, &yes_no)?;
    let results: Vec<&str> = layout::RESULTS.iter().map(|(label, _)| *label).collect();
    sheet.add_data_validation(
        1,
        15,
        last,
        15,
        &DataValidation::new().allow_list_strings(&results)?,
    )?;
    page_setup(sheet, 0)?;
    protect(sheet);
    Ok(())
}
