//! The level ladder (SPEC section 2), the regional groups (R10), delegation categories and
//! speaking modes: the words of the conference, with their exact spellings on the command line
//! and in the state file.

use super::words::{normalise_word, words};
use serde::{Deserialize, Serialize};

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

words! {
    Level, "a level", parse = Level::parse;
    HeadOfState => "head-of-state",
    HeadOfGovernment => "head-of-government",
    VicePresident => "vice-president",
    DeputyPrimeMinister => "deputy-prime-minister",
    Minister => "minister",
    DeputyMinister => "deputy-minister",
    HeadOfDelegation => "head-of-delegation",
    Delegate => "delegate",
}

impl Level {
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

words! {
    Group, "a regional group", parse = Group::parse;
    African => "african",
    AsiaPacific => "asia-pacific",
    EasternEuropean => "eastern-european",
    LatinAmericanCaribbean => "latin-american-caribbean",
    Weog => "weog",
}

impl Group {
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

words! {
    Category, "a category";
    StateParty => "state-party",
    Signatory => "signatory",
    ObserverState => "observer-state",
    Reio => "reio",
    UnEntity => "un-entity",
    Igo => "igo",
    Ngo => "ngo",
}

impl Category {
    /// Parties to the Convention: States parties and the European Union (a REIO).
    pub fn is_party(self) -> bool {
        matches!(self, Category::StateParty | Category::Reio)
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

words! {
    Mode, "a mode";
    Floor => "floor",
    Remote => "remote",
    Video => "video",
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
