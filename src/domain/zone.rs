//! The list's time zone (SPEC section 10): IANA names from a maintained database (chrono-tz),
//! the same on every system, Windows included.

use chrono_tz::Tz;

/// Parses an IANA zone name (`Europe/Vienna`, `UTC`); `None` for a name the database lacks.
pub fn parse_zone(name: &str) -> Option<Tz> {
    name.trim().parse::<Tz>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iana_names_parse_and_unknown_ones_do_not() {
        assert_eq!(parse_zone("Europe/Vienna"), Some(chrono_tz::Europe::Vienna));
        assert_eq!(parse_zone("UTC"), Some(chrono_tz::UTC));
        assert_eq!(parse_zone("Mars/Base"), None);
    }
}
