//! CSV injection (OWASP): a spreadsheet runs a cell that begins with `=`, `+`, `-`, `@`, a tab
//! or a carriage return as a formula. The CSV export writes such a cell with a leading `'`
//! (SPEC section 12), which spreadsheets show as text; the import takes it back off.

use std::borrow::Cow;

/// The characters a spreadsheet reads as the start of a formula.
fn starts_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A cell as the CSV export writes it.
pub fn guard(cell: &str) -> Cow<'_, str> {
    if starts_formula(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell as the import reads it: the export's `'` taken back off (only before what it guards,
/// so that a name that begins with an apostrophe keeps it).
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if starts_formula(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_get_a_quote_and_the_import_takes_it_back() {
        for cell in [
            "=1+1",
            "+1",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "=HYPERLINK(\"http://x\")",
        ] {
            let written = guard(cell);
            assert_eq!(written, format!("'{cell}"));
            assert_eq!(unguard(&written), cell);
        }
        assert_eq!(guard("Peru"), "Peru");
        assert_eq!(unguard("'t Hooft"), "'t Hooft");
    }
}
