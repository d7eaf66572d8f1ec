//! The kinds of list (SPEC section 8) and the roles of the opening statements (R11).

use super::words::words;
use serde::{Deserialize, Serialize};

/// What a list is for, fixed at `new` for the life of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ListKind {
    /// Item 1 (f), the general discussion: R1-R10.
    #[default]
    General,
    /// Item 1 (a), the opening statements: R11.
    Opening,
    /// A right-of-reply list: R12.
    Reply,
}

words! {
    ListKind, "a kind of list";
    General => "general",
    Opening => "opening",
    Reply => "reply",
}

impl ListKind {
    /// How the kind reads in a header: "general discussion", "opening statements", "right of reply".
    pub fn label(self) -> &'static str {
        match self {
            ListKind::General => "general discussion",
            ListKind::Opening => "opening statements",
            ListKind::Reply => "right of reply",
        }
    }
}

/// R11: the roles that speak first in the opening statements, in that order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    OutgoingPresident,
    IncomingPresident,
    /// The Executive Director of UNODC (in other meetings, the head of the secretariat).
    ExecutiveHead,
}

words! {
    Role, "a role";
    OutgoingPresident => "outgoing-president",
    IncomingPresident => "incoming-president",
    ExecutiveHead => "executive-head",
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::OutgoingPresident => "outgoing President",
            Role::IncomingPresident => "incoming President",
            Role::ExecutiveHead => "Executive Director",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::words::Words;

    #[test]
    fn kinds_and_roles_round_trip_through_their_words() {
        for k in ListKind::ALL {
            assert_eq!(ListKind::parse_word(k.word()), Some(k));
        }
        for r in Role::ALL {
            assert_eq!(Role::parse_word(r.word()), Some(r));
        }
        assert_eq!(ListKind::parse_word(" Opening "), Some(ListKind::Opening));
        assert_eq!(
            Role::parse_word("Executive Head"),
            Some(Role::ExecutiveHead)
        );
        assert_eq!(ListKind::parse_word("plenary"), None);
        assert_eq!(ListKind::listed(), "general, opening, reply");
    }
}
