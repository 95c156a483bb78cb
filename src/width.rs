//! Characters as Japanese input methods type them: letters, digits and signs in full width
//! (Ａ２／) read as their half-width forms, half-width katakana (ｶﾞｲﾄﾞ) set in full width
//! as published text is. The only `icu_normalizer` user.

use std::borrow::Cow;

/// The half-width form of a letter, digit or sign typed in full width (Ａ, ２, ／, －), if
/// `c` is one.
pub fn half_width(c: char) -> Option<char> {
    if ('\u{ff01}'..='\u{ff5e}').contains(&c) {
        char::from_u32(u32::from(c) - 0xfee0)
    } else {
        None
    }
}

/// `text` with half-width katakana (ｶﾞｲﾄﾞﾗｲﾝ, ｡｢｣､) in full width (ガイドライン, 。「」、), as
/// published Japanese text is set; any other character is kept as typed.
pub fn full_width_kana(text: &str) -> Cow<'_, str> {
    let half_width = |c: char| ('\u{ff61}'..='\u{ff9f}').contains(&c);
    if !text.contains(half_width) {
        return Cow::Borrowed(text);
    }
    let nfkc = icu_normalizer::ComposingNormalizerBorrowed::new_nfkc();
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut rest = text;
    while let Some(start) = rest.find(half_width) {
        out.push_str(&rest[..start]);
        let run = &rest[start..];
        let end = run.find(|c: char| !half_width(c)).unwrap_or(run.len());
        let (run, after) = run.split_at(end);
        // A sound mark with no kana before it stays a visible mark (゛ ゜), not a
        // combining one that would join the character before the run.
        let run = match run.strip_prefix('ﾞ') {
            Some(tail) => {
                out.push('゛');
                tail
            }
            None => run.strip_prefix('ﾟ').map_or(run, |tail| {
                out.push('゜');
                tail
            }),
        };
        out.push_str(&nfkc.normalize(run));
        rest = after;
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_letters_digits_and_signs_have_half_width_forms() {
        assert_eq!(half_width('Ａ'), Some('A'));
        assert_eq!(half_width('２'), Some('2'));
        assert_eq!(half_width('／'), Some('/'));
        assert_eq!(half_width('－'), Some('-'));
        assert_eq!(half_width('あ'), None);
        assert_eq!(half_width('A'), None);
    }

    #[test]
    fn half_width_katakana_is_published_in_full_width() {
        for (typed, shown) in [
            ("ｶﾞｲﾄﾞﾗｲﾝ", "ガイドライン"),
            ("ﾊﾟｽﾜｰﾄﾞ管理", "パスワード管理"),
            ("｢ﾒﾓ｣､ﾃｽﾄ｡", "「メモ」、テスト。"),
            ("ISMS 認証 ABC123", "ISMS 認証 ABC123"),
            ("ﾞ", "゛"),
            ("ｳﾞｧ", "ヴァ"),
        ] {
            assert_eq!(full_width_kana(typed), shown, "{typed}");
        }
    }
}
