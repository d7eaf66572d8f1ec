//! The reference data of the delegations (UN Member States with their regional groups, the
//! observer States and the European Union), compiled into the binary, and the completion the add
//! form offers as the officer types: "bol" finds "Bolivia (Plurinational State of)", "cote"
//! finds "Côte d'Ivoire" (accents and case ignored).

use crate::domain::names::{Reference, Resolved, name_key};
use crate::domain::{Category, Group};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Delegation {
    pub name: String,
    pub group: Option<Group>,
    pub category: Category,
}

const DATA: &str = include_str!("../assets/delegations.json");
/// The short forms delegations write ("UK", "Turkey", "Vietnam"), from the shared reference
/// data and extended in the project's own copy.
const ALIASES: &str = include_str!("../assets/aliases.json");

#[derive(Debug, Default, Deserialize)]
struct Aliases {
    #[serde(default)]
    aliases: BTreeMap<String, String>,
    #[serde(default)]
    ambiguous: BTreeMap<String, Vec<String>>,
}

/// The reference data as the domain's matching takes it, built once.
pub fn reference() -> &'static Reference {
    static REFERENCE: OnceLock<Reference> = OnceLock::new();
    REFERENCE.get_or_init(|| {
        let names: Vec<(String, Category)> = delegations()
            .map(|d| (d.name.clone(), d.category))
            .collect();
        // Part of the binary and checked by a test; no short forms is the safe fallback.
        let a: Aliases = serde_json::from_str(ALIASES).unwrap_or_default();
        let aliases: Vec<(String, String)> = a.aliases.into_iter().collect();
        let ambiguous: Vec<(String, Vec<String>)> = a.ambiguous.into_iter().collect();
        Reference::new(&names, &aliases, &ambiguous)
    })
}

/// What a typed delegation name resolves to (SPEC section 10).
pub fn resolve(typed: &str) -> Resolved {
    reference().resolve(typed)
}

/// A typed name as it is to be stored, and what to tell the officer about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spelling {
    /// The name to store: the UN's where it resolves, else as typed (trimmed).
    pub name: String,
    /// The reference data's category (the EU, the observer States), if the name resolved.
    pub category: Option<Category>,
    /// `"UK" is written "United Kingdom of ..."`: said on stdout where the spelling changed.
    pub note: Option<String>,
    /// `"Rotary International" is not in the reference data ...`: a warning.
    pub warning: Option<String>,
}

/// Resolves a typed delegation name for storing; a name that names several is refused with
/// the candidates.
pub fn spelling(typed: &str) -> Result<Spelling, String> {
    let typed = typed.trim();
    // A name with a control character or a bidirectional override is not matched (its key
    // would hide the character): it goes to the rules as typed, which refuse it.
    if typed
        .chars()
        .any(|c| crate::domain::text::forbidden(c).is_some())
    {
        return Ok(Spelling {
            name: typed.to_string(),
            category: None,
            note: None,
            warning: None,
        });
    }
    match resolve(typed) {
        Resolved::Known { name, category } => Ok(Spelling {
            note: (name != typed).then(|| format!("\"{typed}\" is written \"{name}\"")),
            name,
            category: Some(category),
            warning: None,
        }),
        Resolved::Several(candidates) => Err(format!(
            "\"{typed}\" names more than one delegation: {}; type the one you mean",
            candidates
                .iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(" or ")
        )),
        Resolved::Unknown => Ok(Spelling {
            name: typed.to_string(),
            category: None,
            note: None,
            warning: (!typed.is_empty()).then(|| {
                format!(
                    "\"{typed}\" is not in the reference data (the UN Member States, the observer States and the European Union): stored as typed"
                )
            }),
        }),
    }
}

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

/// The known delegation this name stands for: its own name or a short form, any case, accents
/// and punctuation ignored.
pub fn find(name: &str) -> Option<&'static Delegation> {
    let f = fold(name);
    if let Some((d, _)) = all().iter().find(|(_, k)| *k == f) {
        return Some(d);
    }
    match resolve(name) {
        Resolved::Known { name, .. } => delegations().find(|d| d.name == name),
        _ => None,
    }
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
    // A name or short form that resolves ("UK", "Vietnam") comes first, then the short forms
    // that begin with what was typed ("czech rep" finds Czechia by "Czech Republic").
    let key = name_key(typed);
    let mut ranked: Vec<(u8, &'static Delegation)> = Vec::new();
    if let Some(d) = find(typed) {
        ranked.push((0, d));
    }
    let mut by_alias: Vec<&str> = reference()
        .keys()
        .filter(|(k, _)| k.starts_with(&key))
        .map(|(_, n)| n)
        .collect();
    by_alias.sort_unstable();
    for name in by_alias {
        if let Some(d) = delegations().find(|d| d.name == name) {
            ranked.push((2, d));
        }
    }
    ranked.extend(all().iter().filter_map(|(d, k)| {
        let rank = if k.starts_with(&t) {
            1
        } else if word_start(k) {
            3
        } else if k.contains(&t) {
            4
        } else {
            return None;
        };
        Some((rank, d))
    }));
    ranked.sort_by_key(|(r, _)| *r);
    let mut seen = Vec::new();
    for (_, d) in ranked {
        if !seen.iter().any(|s: &&Delegation| s.name == d.name) {
            seen.push(d);
        }
        if seen.len() == max {
            break;
        }
    }
    seen
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

    fn stored(typed: &str) -> String {
        spelling(typed).map(|s| s.name).unwrap_or_default()
    }

    #[test]
    fn uk_turkey_vietnam_czech_republic_eu_and_vatican_are_stored_as_the_un_writes_them() {
        let uk = "United Kingdom of Great Britain and Northern Ireland";
        assert_eq!(stored("UK"), uk);
        assert_eq!(stored("u.k."), uk);
        assert_eq!(stored("Turkey"), "Türkiye");
        assert_eq!(stored("turkiye"), "Türkiye");
        assert_eq!(stored("Vietnam"), "Viet Nam");
        assert_eq!(stored("Czech Republic"), "Czechia");
        assert_eq!(stored("EU"), "European Union");
        assert_eq!(stored("Vatican"), "Holy See");
        assert_eq!(stored("cote d ivoire"), "Côte d'Ivoire");
        assert_eq!(
            spelling("UK").ok().and_then(|s| s.note).as_deref(),
            Some("\"UK\" is written \"United Kingdom of Great Britain and Northern Ireland\"")
        );
        assert_eq!(spelling("Kenya").ok().and_then(|s| s.note), None);
    }

    #[test]
    fn every_short_form_of_the_assets_names_a_delegation_of_the_reference_data() {
        let a: Aliases = serde_json::from_str(ALIASES).expect("aliases.json parses");
        for (alias, name) in a.aliases {
            assert!(find(&name).is_some(), "{alias} -> {name}");
            assert_eq!(stored(&alias), name, "{alias}");
        }
        for (form, candidates) in a.ambiguous {
            assert!(candidates.iter().all(|c| find(c).is_some()), "{form}");
        }
    }

    #[test]
    fn korea_is_refused_with_its_two_candidates_and_an_organization_is_kept_with_a_warning() {
        let err = spelling("Korea").expect_err("ambiguous");
        assert!(err.contains("\"Republic of Korea\""), "{err}");
        assert!(
            err.contains("\"Democratic People's Republic of Korea\""),
            "{err}"
        );
        let rotary = spelling("Rotary International").expect("kept");
        assert_eq!(rotary.name, "Rotary International");
        assert!(
            rotary
                .warning
                .is_some_and(|w| w.contains("not in the reference data"))
        );
        assert_eq!(stored("Congo"), "Congo");
    }

    /// The category a delegation takes when none is given (SPEC section 3), as `podium add`
    /// and the add form take it: the spelling's, else `state-party`.
    fn category_given(name: &str) -> Category {
        spelling(name)
            .ok()
            .and_then(|s| s.category)
            .unwrap_or(Category::StateParty)
    }

    #[test]
    fn the_eu_and_the_observer_states_take_their_category_from_the_reference_data() {
        assert_eq!(category_given("EU"), Category::Reio);
        assert_eq!(category_given("Vatican"), Category::ObserverState);
        assert_eq!(category_given("Palestine"), Category::ObserverState);
        assert_eq!(category_given("Kenya"), Category::StateParty);
        assert_eq!(category_given("Rotary International"), Category::StateParty);
    }

    #[test]
    fn the_add_form_proposes_the_resolved_name_of_a_short_form_first() {
        let first = |t: &str| suggest(t, 5).first().map(|d| d.name.clone());
        assert_eq!(
            first("UK").as_deref(),
            Some("United Kingdom of Great Britain and Northern Ireland")
        );
        assert_eq!(first("Vietnam").as_deref(), Some("Viet Nam"));
        assert_eq!(first("Czech Rep").as_deref(), Some("Czechia"));
        assert_eq!(first("USA").as_deref(), Some("United States of America"));
    }
}
