//! Delegation names as the UN writes them (SPEC section 10): the pure matching of a typed name
//! against reference data that the caller passes in (the crate's `delegations` module loads it
//! from the assets). "UK", "u.k." and "United Kingdom" all find "United Kingdom of Great Britain
//! and Northern Ireland"; "Korea" finds two; "Rotary International" finds none.

use super::level::Category;
use std::collections::HashMap;

/// The key names are compared by: accents removed, lower case, letters and digits only, "&"
/// read as "and". "Côte d'Ivoire", "COTE D IVOIRE" and "Cote dIvoire" share one key.
pub fn name_key(text: &str) -> String {
    // ASCII needs no transliteration: the one-entry rule computes this for every entry of a
    // long list at each inscription.
    let ascii;
    let text = if text.is_ascii() {
        text
    } else {
        ascii = deunicode::deunicode(text);
        &ascii
    };
    let mut key = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        key.extend(ascii_key(&rest[..i]));
        key.push_str("and");
        rest = &rest[i + 1..];
    }
    key.extend(ascii_key(rest));
    if key.is_empty() {
        // Nothing to compare by letters (symbols only, a script without transliteration):
        // the text itself, so that two such names are not taken for one.
        return text.trim().to_lowercase();
    }
    key
}

/// The letters (lower case) and digits of ASCII text.
fn ascii_key(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
}

/// What a typed name resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// One delegation of the reference data, as it writes the name, with its category.
    Known { name: String, category: Category },
    /// A form that names several delegations ("Korea"): the candidates, as written.
    Several(Vec<String>),
    /// Not in the reference data (an organization, an entity): kept as typed.
    Unknown,
}

/// The reference data in the form matching needs: every key a name or a short form has.
#[derive(Debug, Clone, Default)]
pub struct Reference {
    known: HashMap<String, (String, Category)>,
    several: HashMap<String, Vec<String>>,
}

impl Reference {
    /// `names`: the delegations as the UN writes them, with their categories; `aliases`: short
    /// forms and the name each stands for; `ambiguous`: forms that name several delegations.
    /// An alias that points to a name not in `names` is left out (it could only mislead).
    pub fn new(
        names: &[(String, Category)],
        aliases: &[(String, String)],
        ambiguous: &[(String, Vec<String>)],
    ) -> Reference {
        let mut known = HashMap::new();
        for (name, category) in names {
            known.insert(name_key(name), (name.clone(), *category));
        }
        let by_name: HashMap<String, (String, Category)> = known.clone();
        for (alias, name) in aliases {
            let key = name_key(alias);
            if let Some(target) = by_name.get(&name_key(name))
                && !by_name.contains_key(&key)
            {
                known.insert(key, target.clone());
            }
        }
        let mut several = HashMap::new();
        for (form, candidates) in ambiguous {
            let key = name_key(form);
            if !known.contains_key(&key) {
                several.insert(key, candidates.clone());
            }
        }
        Reference { known, several }
    }

    /// The delegation a typed name stands for: its own name or a short form, ignoring case,
    /// accents and punctuation.
    pub fn resolve(&self, typed: &str) -> Resolved {
        let key = name_key(typed);
        if let Some((name, category)) = self.known.get(&key) {
            return Resolved::Known {
                name: name.clone(),
                category: *category,
            };
        }
        match self.several.get(&key) {
            Some(c) => Resolved::Several(c.clone()),
            None => Resolved::Unknown,
        }
    }

    /// Every short form with the name it stands for (keys only: for completion).
    pub fn keys(&self) -> impl Iterator<Item = (&str, &str)> {
        self.known
            .iter()
            .map(|(k, (n, _))| (k.as_str(), n.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference() -> Reference {
        let names = [
            ("Türkiye", Category::StateParty),
            (
                "United Kingdom of Great Britain and Northern Ireland",
                Category::StateParty,
            ),
            ("Republic of Korea", Category::StateParty),
            (
                "Democratic People's Republic of Korea",
                Category::StateParty,
            ),
            ("Congo", Category::StateParty),
            ("Holy See", Category::ObserverState),
        ]
        .map(|(n, c)| (n.to_string(), c));
        let aliases = [
            ("UK", "United Kingdom of Great Britain and Northern Ireland"),
            (
                "U.K.",
                "United Kingdom of Great Britain and Northern Ireland",
            ),
            ("Turkey", "Türkiye"),
            ("Vatican", "Holy See"),
            ("Atlantis", "Atlantis"),
        ]
        .map(|(a, n)| (a.to_string(), n.to_string()));
        let ambiguous = [(
            "Korea".to_string(),
            vec![
                "Republic of Korea".to_string(),
                "Democratic People's Republic of Korea".to_string(),
            ],
        )];
        Reference::new(&names, &aliases, &ambiguous)
    }

    fn known(r: &Reference, typed: &str) -> Option<String> {
        match r.resolve(typed) {
            Resolved::Known { name, .. } => Some(name),
            _ => None,
        }
    }

    #[test]
    fn names_and_short_forms_resolve_ignoring_case_accents_and_punctuation() {
        let r = reference();
        let uk = Some("United Kingdom of Great Britain and Northern Ireland".to_string());
        assert_eq!(known(&r, "UK"), uk);
        assert_eq!(known(&r, "u.k."), uk);
        assert_eq!(known(&r, " U K "), uk);
        assert_eq!(known(&r, "turkiye").as_deref(), Some("Türkiye"));
        assert_eq!(known(&r, "TURKEY").as_deref(), Some("Türkiye"));
        assert_eq!(known(&r, "Congo").as_deref(), Some("Congo"));
        assert_eq!(
            r.resolve("vatican"),
            Resolved::Known {
                name: "Holy See".into(),
                category: Category::ObserverState
            }
        );
    }

    #[test]
    fn korea_names_two_delegations_and_an_organization_none() {
        let r = reference();
        assert!(matches!(r.resolve("Korea"), Resolved::Several(c) if c.len() == 2));
        assert_eq!(r.resolve("Rotary International"), Resolved::Unknown);
        assert_eq!(r.resolve("Atlantis"), Resolved::Unknown);
    }

    #[test]
    fn the_key_reads_ampersand_as_and() {
        assert_eq!(
            name_key("Saint Kitts & Nevis"),
            name_key("Saint Kitts and Nevis")
        );
        assert_eq!(name_key("Côte d'Ivoire"), "cotedivoire");
    }
}
