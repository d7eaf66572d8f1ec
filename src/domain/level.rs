//! The level ladder (SPEC section 2), the regional groups (R10), delegation categories and
//! speaking modes: the words of the conference, with their exact spellings on the command line
//! and in the state file.

use super::words::{Words, normalise_word};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The ladder, highest first. The order of the variants is the ladder's order, so `Ord` compares
/// rungs (a smaller value is a higher rung).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    HeadOfState,
    HeadOfGovernment,
    VicePresident,
    DeputyPrimeMinister,
    Minister,
    DeputyMinister,
    HeadOfDelegation,
    Delegate,
}

impl Level {
    pub const ALL: [Level; 8] = [
        Level::HeadOfState,
        Level::HeadOfGovernment,
        Level::VicePresident,
        Level::DeputyPrimeMinister,
        Level::Minister,
        Level::DeputyMinister,
        Level::HeadOfDelegation,
        Level::Delegate,
    ];

    /// R3: "ministerial level or higher" means `minister` and above.
    pub fn is_priority(self) -> bool {
        self <= Level::Minister
    }

    /// The rank used by the "protocol order" setting. UN practice puts heads of State,
    /// vice-presidents, crown princes and heads of Government on equal standing, so they share
    /// one rank; below them the ladder orders.
    pub fn protocol_rank(self) -> u8 {
        match self {
            Level::HeadOfState | Level::HeadOfGovernment | Level::VicePresident => 0,
            Level::DeputyPrimeMinister => 1,
            Level::Minister => 2,
            Level::DeputyMinister => 3,
            Level::HeadOfDelegation => 4,
            Level::Delegate => 5,
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Level::HeadOfState => "head-of-state",
            Level::HeadOfGovernment => "head-of-government",
            Level::VicePresident => "vice-president",
            Level::DeputyPrimeMinister => "deputy-prime-minister",
            Level::Minister => "minister",
            Level::DeputyMinister => "deputy-minister",
            Level::HeadOfDelegation => "head-of-delegation",
            Level::Delegate => "delegate",
        }
    }

    /// How the level reads on screen and in the Journal.
    pub fn label(self) -> &'static str {
        match self {
            Level::HeadOfState => "Head of State",
            Level::HeadOfGovernment => "Head of Government",
            Level::VicePresident => "Vice-President",
            Level::DeputyPrimeMinister => "Deputy Prime Minister",
            Level::Minister => "Minister",
            Level::DeputyMinister => "Deputy Minister",
            Level::HeadOfDelegation => "Head of Delegation",
            Level::Delegate => "Delegate",
        }
    }

    /// Parses the ladder's word, any case; the synonyms of SPEC section 2 are accepted too.
    pub fn parse(text: &str) -> Option<Level> {
        let t = normalise_word(text);
        Level::ALL
            .into_iter()
            .find(|l| l.word() == t)
            .or(match t.as_str() {
                "crown-prince" | "crown-princess" => Some(Level::VicePresident),
                "vice-minister" | "secretary-of-state" => Some(Level::DeputyMinister),
                _ => None,
            })
    }
}

impl Words for Level {
    const ALL: &'static [Level] = &Level::ALL;
    const WHAT: &'static str = "a level";
    fn word(self) -> &'static str {
        Level::word(self)
    }
    // The synonyms of SPEC section 2 too.
    fn parse_word(text: &str) -> Option<Level> {
        Level::parse(text)
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// R10: the five regional groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Group {
    African,
    AsiaPacific,
    EasternEuropean,
    LatinAmericanCaribbean,
    Weog,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::African,
        Group::AsiaPacific,
        Group::EasternEuropean,
        Group::LatinAmericanCaribbean,
        Group::Weog,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Group::African => "african",
            Group::AsiaPacific => "asia-pacific",
            Group::EasternEuropean => "eastern-european",
            Group::LatinAmericanCaribbean => "latin-american-caribbean",
            Group::Weog => "weog",
        }
    }

    /// The group's full name, as the reference data writes it.
    pub fn name(self) -> &'static str {
        match self {
            Group::African => "African States",
            Group::AsiaPacific => "Asia-Pacific States",
            Group::EasternEuropean => "Eastern European States",
            Group::LatinAmericanCaribbean => "Latin American and Caribbean States",
            Group::Weog => "Western European and other States",
        }
    }

    /// Parses a group word or full name, any case ("Western European and Others" too).
    pub fn parse(text: &str) -> Option<Group> {
        let t = normalise_word(text);
        let t = t
            .trim_end_matches("-group")
            .trim_end_matches("-states")
            .trim_start_matches("the-");
        Group::ALL.into_iter().find(|g| g.word() == t).or(match t {
            "asia-pacific-states" | "asia-and-the-pacific" | "asian-pacific" => {
                Some(Group::AsiaPacific)
            }
            "latin-american-and-caribbean" | "grulac" => Some(Group::LatinAmericanCaribbean),
            "western-european-and-other"
            | "western-european-and-others"
            | "western-european-and-other-states"
            | "western-european-and-others-group" => Some(Group::Weog),
            _ => None,
        })
    }
}

impl Words for Group {
    const ALL: &'static [Group] = &Group::ALL;
    const WHAT: &'static str = "a regional group";
    fn word(self) -> &'static str {
        Group::word(self)
    }
    // Full names too.
    fn parse_word(text: &str) -> Option<Group> {
        Group::parse(text)
    }
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// Delegation categories, for the observers-last setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    StateParty,
    Signatory,
    ObserverState,
    Reio,
    UnEntity,
    Igo,
    Ngo,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::StateParty,
        Category::Signatory,
        Category::ObserverState,
        Category::Reio,
        Category::UnEntity,
        Category::Igo,
        Category::Ngo,
    ];

    /// Parties to the Convention: States parties and the European Union (a REIO).
    pub fn is_party(self) -> bool {
        matches!(self, Category::StateParty | Category::Reio)
    }

    pub fn word(self) -> &'static str {
        match self {
            Category::StateParty => "state-party",
            Category::Signatory => "signatory",
            Category::ObserverState => "observer-state",
            Category::Reio => "reio",
            Category::UnEntity => "un-entity",
            Category::Igo => "igo",
            Category::Ngo => "ngo",
        }
    }
}

impl Words for Category {
    const ALL: &'static [Category] = &Category::ALL;
    const WHAT: &'static str = "a category";
    fn word(self) -> &'static str {
        Category::word(self)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// R8 and R7: from the floor, through a remote speaker's link, or a pre-recorded video.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    #[default]
    Floor,
    Remote,
    Video,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Floor, Mode::Remote, Mode::Video];

    pub fn word(self) -> &'static str {
        match self {
            Mode::Floor => "floor",
            Mode::Remote => "remote",
            Mode::Video => "video",
        }
    }
}

impl Words for Mode {
    const ALL: &'static [Mode] = &Mode::ALL;
    const WHAT: &'static str = "a mode";
    fn word(self) -> &'static str {
        Mode::word(self)
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ministerial_tier_is_minister_and_above() {
        let priority: Vec<_> = Level::ALL.into_iter().filter(|l| l.is_priority()).collect();
        assert_eq!(
            priority,
            vec![
                Level::HeadOfState,
                Level::HeadOfGovernment,
                Level::VicePresident,
                Level::DeputyPrimeMinister,
                Level::Minister
            ]
        );
    }

    #[test]
    fn words_round_trip_and_synonyms_parse() {
        for l in Level::ALL {
            assert_eq!(Level::parse(l.word()), Some(l));
            assert_eq!(Level::parse(l.label()), Some(l));
        }
        assert_eq!(Level::parse("Vice-Minister"), Some(Level::DeputyMinister));
        assert_eq!(Level::parse("crown prince"), Some(Level::VicePresident));
        assert_eq!(Level::parse("king"), None);
    }

    #[test]
    fn r10_the_five_regional_groups_parse_by_word_and_full_name() {
        assert_eq!(Group::ALL.len(), 5);
        for g in Group::ALL {
            assert_eq!(Group::parse(g.word()), Some(g));
            assert_eq!(Group::parse(g.name()), Some(g));
        }
        assert_eq!(
            Group::parse("Western European and Others"),
            Some(Group::Weog)
        );
        assert_eq!(
            Group::parse("Western European and other States"),
            Some(Group::Weog)
        );
        assert_eq!(
            Group::parse("latin american and caribbean"),
            Some(Group::LatinAmericanCaribbean)
        );
        assert_eq!(Group::parse("African Group"), Some(Group::African));
        assert_eq!(Group::parse("Nordic"), None);
    }
}
