//! A text a person writes in one language or in each: `explanation` and evidence `title`.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::assessment::Language;

/// Either plain text, in the assessment's first language, or `{ja: …, en: …}`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Localized {
    /// Plain text, in the assessment's first language; moved into its place by
    /// [`Localized::resolve`].
    pub plain: Option<String>,
    /// Japanese.
    pub ja: Option<String>,
    /// English.
    pub en: Option<String>,
}

impl Localized {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Localized {
        Localized {
            plain: Some(text.into()),
            ..Localized::default()
        }
    }

    /// Puts plain text where it belongs: in `first`, the assessment's first language.
    pub fn resolve(&mut self, first: Language) {
        if let Some(plain) = self.plain.take() {
            let slot = self.slot(first);
            if slot.is_none() {
                *slot = Some(plain);
            }
        }
    }

    /// Writes a text given only in `first` as plain text, as a person would.
    pub fn simplify(&mut self, first: Language) {
        let other = match first {
            Language::Ja => Language::En,
            Language::En => Language::Ja,
        };
        if self.plain.is_none() && self.slot(other).is_none() {
            self.plain = self.slot(first).take();
        }
    }

    fn slot(&mut self, language: Language) -> &mut Option<String> {
        match language {
            Language::Ja => &mut self.ja,
            Language::En => &mut self.en,
        }
    }

    /// The text in `language`, when given.
    pub fn get(&self, language: Language) -> Option<&str> {
        match language {
            Language::Ja => self.ja.as_deref(),
            Language::En => self.en.as_deref(),
        }
        .or(self.plain.as_deref())
        .filter(|text| !text.trim().is_empty())
    }

    /// The text for a page in `language`: its own, else another language's, with that
    /// language when it is another's.
    pub fn shown(&self, language: Language) -> Option<(&str, Option<Language>)> {
        if let Some(text) = self.get(language) {
            return Some((text, None));
        }
        [Language::Ja, Language::En]
            .into_iter()
            .find_map(|other| Some((self.get(other)?, Some(other))))
    }

    /// Whether there is any text at all.
    pub fn is_empty(&self) -> bool {
        self.shown(Language::Ja).is_none()
    }
}

impl Serialize for Localized {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if let (Some(plain), None, None) = (&self.plain, &self.ja, &self.en) {
            return serializer.serialize_str(plain);
        }
        let mut map = serializer.serialize_map(None)?;
        if let Some(ja) = &self.ja {
            map.serialize_entry("ja", ja)?;
        }
        if let Some(en) = &self.en {
            map.serialize_entry("en", en)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Localized {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;

        impl<'de> Visitor<'de> for Text {
            type Value = Localized;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text, or `ja` and `en` texts")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Localized, E> {
                Ok(Localized::plain(text))
            }

            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Localized, M::Error> {
                let mut text = Localized::default();
                while let Some(key) = map.next_key::<String>()? {
                    let slot = match key.as_str() {
                        "ja" => &mut text.ja,
                        "en" => &mut text.en,
                        _ => return Err(de::Error::unknown_field(&key, &["ja", "en"])),
                    };
                    *slot = map.next_value::<Option<String>>()?;
                }
                Ok(text)
            }
        }

        deserializer.deserialize_any(Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_the_first_language_and_stands_in_for_the_others() {
        let mut text: Localized = serde_yaml::from_str("説明です。").unwrap();
        text.resolve(Language::Ja);
        assert_eq!(text.get(Language::Ja), Some("説明です。"));
        assert_eq!(text.get(Language::En), None);
        assert_eq!(
            text.shown(Language::En),
            Some(("説明です。", Some(Language::Ja)))
        );
    }

    #[test]
    fn each_language_shows_its_own_text() {
        let text: Localized =
            serde_yaml::from_str("{ja: 説明です。, en: An explanation.}").unwrap();
        assert_eq!(text.shown(Language::En), Some(("An explanation.", None)));
        assert_eq!(text.shown(Language::Ja), Some(("説明です。", None)));
    }

    #[test]
    fn an_unknown_language_is_refused() {
        let error = serde_yaml::from_str::<Localized>("{jp: 説明}").unwrap_err();
        assert!(error.to_string().contains("unknown field `jp`"), "{error}");
    }
}
