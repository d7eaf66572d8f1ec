//! The reference data of the delegations (UN Member States with their regional groups, the
//! observer States and the European Union), compiled into the binary, and the completion the add
//! form offers as the officer types: "bol" finds "Bolivia (Plurinational State of)", "cote"
//! finds "Côte d'Ivoire" (accents and case ignored).

use crate::domain::{Category, Group};
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Delegation {
    pub name: String,
    pub group: Option<Group>,
    pub category: Category,
}

const DATA: &str = include_str!("../assets/delegations.json");

/// Every known delegation, in UN alphabetical order, with its folded name for matching.
fn all() -> &'static [(Delegation, String)] {
    static ALL: OnceLock<Vec<(Delegation, String)>> = OnceLock::new();
    ALL.get_or_init(|| {
        // The asset is part of the binary and checked by a test, so it always parses; an
        // empty list (no completion) is the safe fallback all the same.
        let list: Vec<Delegation> = serde_json::from_str(DATA).unwrap_or_default();
        list.into_iter()
            .map(|d| {
                let folded = fold(&d.name);
                (d, folded)
            })
            .collect()
    })
}

pub fn delegations() -> impl Iterator<Item = &'static Delegation> {
    all().iter().map(|(d, _)| d)
}

/// Lower case, accents removed, punctuation as spaces: "Côte d'Ivoire" -> "cote d ivoire".
pub fn fold(text: &str) -> String {
    deunicode::deunicode(text)
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The known delegation with exactly this name (any case, accents ignored).
pub fn find(name: &str) -> Option<&'static Delegation> {
    let f = fold(name);
    all().iter().find(|(_, k)| *k == f).map(|(d, _)| d)
}

/// Delegations whose name matches what was typed: names starting with it first, then names with
/// a word starting with it ("korea" finds "Republic of Korea"), then names containing it.
pub fn suggest(typed: &str, max: usize) -> Vec<&'static Delegation> {
    let t = fold(typed);
    if t.is_empty() {
        return Vec::new();
    }
    let word_start =
        |k: &str| k.split(' ').any(|w| w.starts_with(&t)) || k.contains(&format!(" {t}"));
    let mut ranked: Vec<(u8, &'static Delegation)> = all()
        .iter()
        .filter_map(|(d, k)| {
            let rank = if k.starts_with(&t) {
                0
            } else if word_start(k) {
                1
            } else if k.contains(&t) {
                2
            } else {
                return None;
            };
            Some((rank, d))
        })
        .collect();
    ranked.sort_by_key(|(r, _)| *r);
    ranked.into_iter().take(max).map(|(_, d)| d).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_data_holds_193_members_two_observer_states_and_the_eu() {
        assert_eq!(delegations().count(), 196);
        let in_group = |g| delegations().filter(|d| d.group == Some(g)).count();
        assert_eq!(in_group(Group::African), 54);
        assert_eq!(in_group(Group::AsiaPacific), 54);
        assert_eq!(in_group(Group::EasternEuropean), 23);
        assert_eq!(in_group(Group::LatinAmericanCaribbean), 33);
        assert_eq!(in_group(Group::Weog), 29);
        assert_eq!(
            find("european union").map(|d| d.category),
            Some(Category::Reio)
        );
    }

    #[test]
    fn completion_ignores_accents_and_case_and_finds_partial_words() {
        let first = |t: &str| suggest(t, 5).first().map(|d| d.name.clone());
        assert_eq!(
            first("bol").as_deref(),
            Some("Bolivia (Plurinational State of)")
        );
        assert_eq!(first("cote").as_deref(), Some("Côte d'Ivoire"));
        assert_eq!(first("CÔTE D").as_deref(), Some("Côte d'Ivoire"));
        assert_eq!(first("turk").as_deref(), Some("Türkiye"));
        assert!(
            suggest("korea", 5)
                .iter()
                .any(|d| d.name == "Republic of Korea")
        );
        assert!(suggest("", 5).is_empty());
        assert!(suggest("zzzz", 5).is_empty());
    }
}
