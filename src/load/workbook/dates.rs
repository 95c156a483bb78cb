//! Dates, yes and no as people type them in a workbook's cells: Excel serial dates, dates
//! written out (in the Japanese era, in full-width digits), ○ and ×.

use jiff::civil::Date;

/// The day of an Excel serial date (days since 1899-12-30).
pub(super) fn serial_date(serial: f64) -> Option<Date> {
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
pub(super) fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            _ => crate::width::half_width(c).unwrap_or(c),
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
pub(super) fn text_date(text: &str) -> Option<Date> {
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
    let rest = rest
        .strip_prefix('元')
        .map_or_else(|| rest.to_owned(), |after| format!("1{after}"));
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
pub(super) fn shorten(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    let mut short: String = line.chars().take(30).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

/// Yes or no as people write them: はい/いいえ, ○/×, 有り/無し, yes/no, true/false, 1/0.
pub(super) fn yes_no(text: &str) -> Option<bool> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_from_serials_and_the_ways_people_type_them() {
        let day = Date::new(2026, 4, 1).unwrap();
        assert_eq!(serial_date(46113.0), Some(day));
        for text in [
            "2026-04-01",
            "2026/4/1",
            "2026.4.1",
            "2026年4月1日",
            "令和8年4月1日",
            "令和 8 年 4 月 1 日",
            "R8.4.1",
            "R08/04/01",
            "r8.4.1",
            "２０２６年４月１日",
            "令和８年４月１日",
            "2026/4/1 10:30",
            "2026-04-01 10:30:00",
        ] {
            assert_eq!(text_date(text), Some(day), "{text}");
        }
        assert_eq!(text_date("令和元年5月1日"), Date::new(2019, 5, 1).ok());
        assert_eq!(text_date("H31.4.30"), Date::new(2019, 4, 30).ok());
        for wrong in [
            "2026/2/30",
            "来年",
            "2026/13/1",
            "令和100年1月1日",
            "2026/4/1 午前",
        ] {
            assert_eq!(text_date(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn yes_and_no_are_read_as_people_write_them() {
        for yes in ["はい", "○", "〇", "◯", "有り", "Yes", "１", "はい "] {
            assert_eq!(yes_no(yes), Some(true), "{yes}");
        }
        for no in ["いいえ", "×", "✕", "無し", "no", "0"] {
            assert_eq!(yes_no(no), Some(false), "{no}");
        }
        assert_eq!(yes_no("わからない"), None);
    }
}
