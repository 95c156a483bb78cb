//! The sheet 「証跡」: one piece of evidence a row, of the kind named in its 種類 cell.

use std::collections::{BTreeMap, BTreeSet};

use super::grid::Grid;
use super::{Reading, columns, key, unread_row};
use crate::diagnostic::suggest;
use crate::i18n::t;
use crate::load::spans::Step;
use crate::model::workbook as layout;
use crate::model::{Answer, Certificate, Evidence, Localized, PartnerCheck, PartnerResult, Record};

/// The kind of evidence named in a cell, in Japanese or as its code.
fn kind(text: &str) -> Option<&'static str> {
    layout::KINDS
        .iter()
        .find(|(label, code)| text.eq_ignore_ascii_case(label) || text.eq_ignore_ascii_case(code))
        .map(|(_, code)| *code)
}

/// Says that the evidence row names a requirement with no row on 「チェックシート」.
fn unknown_id(
    reading: &mut Reading,
    (grid, row, id_column): (&Grid, usize, usize),
    id: &str,
    ids: &[&str],
) {
    let cell = grid.cell(row, id_column);
    // The requirement's row may hold the id mistyped: say where.
    let mistyped = ids.iter().find(|other| {
        **other != id && crate::diagnostic::plain_id(other) == crate::diagnostic::plain_id(id)
    });
    let help = if let Some(other) = mistyped {
        let at = reading
            .cells
            .get(&[key("answers"), key(other)][..])
            .cloned()
            .unwrap_or_default();
        t!(
            "workbook.evidence-id-mistyped",
            id = id,
            other = *other,
            cell = at
        )
    } else {
        let nearest: Vec<String> = crate::diagnostic::closest(id, ids, 3)
            .into_iter()
            .map(|near| format!("`{near}`"))
            .collect();
        t!(
            "workbook.nearest",
            nearest = nearest.join(t!("list.separator").as_str())
        )
    };
    reading.problem(
        grid,
        row,
        id_column,
        "unknown-requirement",
        t!("workbook.evidence-unknown-id", cell = cell, id = id),
        help,
    );
}

pub(super) fn read_evidence(
    reading: &mut Reading,
    grid: &Grid,
    answers: &mut BTreeMap<String, Answer>,
) {
    let optional: Vec<&str> = layout::EVIDENCE_COLUMNS
        .into_iter()
        .filter(|label| ![layout::ID, layout::KIND].contains(label))
        .collect();
    let Some((header, columns)) = columns(
        reading,
        grid,
        layout::ID,
        (
            &[layout::ID, layout::KIND],
            &optional,
            &layout::EVIDENCE_COLUMNS,
        ),
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
            unread_row(reading, (grid, row), (id_column, layout::ID), &columns);
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
                let ids: Vec<&str> = answers.keys().map(String::as_str).collect();
                unknown_id(reading, (grid, row, id_column), &id, &ids);
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
