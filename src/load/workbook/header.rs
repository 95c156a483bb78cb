//! The block above the requirements table: who reviewed and approved the self-check, and
//! when; a label renamed there is named, not passed over.

use super::grid::Grid;
use super::{Reading, key};
use crate::i18n::t;
use crate::load::NoticeKind;
use crate::model::Approval;
use crate::model::workbook as layout;

/// Says of each label in the header block (above the requirements table) that is not one
/// read but is like one that is missing, e.g. 点検担当者 for 点検者, that its value is not
/// read.
pub(super) fn renamed_labels(reading: &mut Reading, main: &Grid) {
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
        let Some(text) = main.label(row, 0) else {
            continue;
        };
        if known.contains(&text.as_str()) || row == 0 {
            continue;
        }
        let near = missing.iter().copied().find(|label| {
            text.contains(label)
                || label.contains(text.as_str())
                || text.chars().filter(|c| label.contains(*c)).count() * 2 > label.chars().count()
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
pub(super) fn read_approval(reading: &mut Reading, main: &Grid) -> Option<Approval> {
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
