//! The words of an enum: one way to list, print and parse them, so that the command line, the
//! screen, the import and the file all spell a level, a group or a kind alike.

/// An enum whose values have one word each (`head-of-state`, `opening`, ...).
pub trait Words: Sized + Copy + 'static {
    /// Every value, in the order they are listed to a person.
    const ALL: &'static [Self];
    /// What a word names, for a refusal: "a level", "a regional group".
    const WHAT: &'static str;
    /// The word as the command line and the file write it.
    fn word(self) -> &'static str;
    /// Parses the word, any case, spaces and underscores read as hyphens.
    fn parse_word(text: &str) -> Option<Self> {
        let t = normalise_word(text);
        Self::ALL.iter().copied().find(|v| v.word() == t)
    }
    /// Parses the word, or says what it is not and which words there are: "not a level; one
    /// of: head-of-state, ..., delegate" (the command line, the import and the screen all say
    /// it so).
    fn parse_or_list(text: &str) -> Result<Self, String> {
        Self::parse_word(text)
            .ok_or_else(|| format!("not {}; one of: {}", Self::WHAT, Self::listed()))
    }
    /// "general, opening, reply": the words, for a message that lists them.
    fn listed() -> String {
        Self::ALL
            .iter()
            .map(|v| v.word())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// "Head of State", "head_of_state" and "HEAD-OF-STATE" all become "head-of-state".
pub fn normalise_word(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The words of an enum, written once: `words! { Level, "a level"; HeadOfState =>
/// "head-of-state", ... }` gives `Level::ALL` (in the order listed), `Level::word`, the
/// [`Words`] implementation and `Display` (the word, padded to a width such as `{key:<16}`).
/// `Level, "a level", parse = PATH; ...` reads words beyond the enum's own (synonyms, full
/// names).
macro_rules! words {
    ($t:ident, $what:literal $(, parse = $parse:path)?; $($v:ident => $w:literal,)+) => {
        impl $t {
            /// Every value, in the order they are listed to a person.
            pub const ALL: [$t; [$($w),+].len()] = [$($t::$v),+];

            /// The word as the command line and the file write it.
            pub fn word(self) -> &'static str {
                match self {
                    $($t::$v => $w,)+
                }
            }
        }

        impl $crate::domain::words::Words for $t {
            const ALL: &'static [$t] = &$t::ALL;
            const WHAT: &'static str = $what;
            fn word(self) -> &'static str {
                $t::word(self)
            }
            $(fn parse_word(text: &str) -> Option<$t> {
                $parse(text)
            })?
        }

        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.word())
            }
        }
    };
}
pub(crate) use words;
