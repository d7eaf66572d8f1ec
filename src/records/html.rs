//! `podium export --format html`: the President's copy. One self-contained page (no script, no
//! font, no picture, no address outside it) that prints on A4: the queue with place,
//! delegation, speaker, level, mode, projected start and a tick box for the President to mark
//! who has spoken; the ends of the meeting slots marked between the rows; the window and the
//! time zone at the top. A row is never cut across two pages.

use super::journal::{group_in_print, meeting_dates};
use super::when::{local, slot_words, zone_words};
use crate::domain::plan::Plan;
use crate::domain::{Entry, Mode, Session, Slot, Time, WindowState};
use std::fmt::Write as _;

/// Escapes text for HTML (element content and quoted attributes alike).
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters (a damaged file) would make the page invalid.
            c if c.is_control() && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The print rules shared by the President's copy and the report's page: A4, a row never cut
/// across pages, the header row repeated on each page.
pub const PRINT_CSS: &str = "
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
* { box-sizing: border-box; }
body { font-family: 'Liberation Sans', 'DejaVu Sans', Arial, Helvetica, sans-serif;
  font-size: 10.5pt; color: #000; background: #fff; margin: 0; }
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 12mm; } }
h1 { font-size: 16pt; margin: 0 0 2mm 0; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm 0; break-after: avoid; page-break-after: avoid; }
p.meta { margin: 0.6mm 0; }
table { width: 100%; border-collapse: collapse; margin-top: 3mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { text-align: left; border-bottom: 1.5pt solid #000; padding: 1.5mm 1.5mm; font-size: 9.5pt; }
td { border-bottom: 0.5pt solid #888; padding: 1.6mm 1.5mm; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.time { white-space: nowrap; }
";

/// The President's copy.
pub fn president(s: &Session, earlier: &[&Session], now: Time) -> String {
    let queue = s.queue();
    let plan = Plan::compute_after(s, &queue, now, earlier);
    let mut out = String::with_capacity(4096 + queue.len() * 400);
    let title = esc(&s.title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>List of speakers: {title}</title>\n<style>{PRINT_CSS}{CSS}</style>\n</head>\n<body>\n"
    );
    let _ = writeln!(out, "<header>\n<h1>{title}</h1>");
    let _ = writeln!(
        out,
        "<p class=\"meta\">List of speakers, the President's copy, as at {}.</p>",
        esc(&local(s, now).format("%-d %B %Y %H:%M").to_string())
    );
    for d in meeting_dates(s) {
        let _ = writeln!(out, "<p class=\"meta\">Meeting: {}</p>", esc(&d));
    }
    let _ = writeln!(
        out,
        "<p class=\"meta\">The list {} (now {}). Times in {}.</p>",
        esc(&window_words(s)),
        esc(match s.window_state(now) {
            WindowState::NotOpen => "not yet open",
            w => w.word(),
        }),
        esc(&zone_words(s))
    );
    if let Some(e) = s.current() {
        let _ = writeln!(
            out,
            "<p class=\"meta now\">At the podium: {}</p>",
            esc(&who(e))
        );
    }
    let _ = writeln!(out, "</header>");

    if queue.is_empty() {
        let _ = writeln!(out, "<p class=\"empty\">Nobody is waiting to speak.</p>");
        let _ = writeln!(out, "</body>\n</html>");
        return out;
    }
    let _ = writeln!(
        out,
        "<table>\n<thead><tr><th class=\"num\">Place</th><th>Delegation</th><th>Speaker</th>\
         <th>Level</th><th>Mode</th><th>Projected start</th><th class=\"tick\">Heard</th></tr></thead>\n<tbody>"
    );
    let slots = &s.settings.slots;
    let several_days = slots
        .first()
        .zip(slots.last())
        .is_some_and(|(a, b)| local(s, a.start).date_naive() != local(s, b.end).date_naive());
    // The slot each projected start falls in; `None` past the last slot.
    let slot_of = |t: Option<Time>| t.and_then(|t| slots.iter().position(|sl| t < sl.end));
    let mut last_slot: Option<usize> = None;
    let mut past_marked = false;
    for (i, e) in queue.iter().enumerate() {
        let start = plan.starts.get(i).copied().flatten();
        let slot = slot_of(start);
        // Mark the end of every slot the list has moved past since the row before.
        if let Some(prev) = last_slot
            && slot != Some(prev)
        {
            let upto = slot.unwrap_or(slots.len());
            for sl in slots.iter().take(upto).skip(prev) {
                mark_end(&mut out, s, sl);
            }
        }
        if slot.is_none() && !slots.is_empty() && !past_marked {
            let _ = writeln!(
                out,
                "<tr class=\"mark\"><td colspan=\"7\">Not expected to be reached within the meeting slots</td></tr>"
            );
            past_marked = true;
        }
        if slot.is_some() {
            last_slot = slot;
        }
        let when = match start {
            Some(t) if several_days => local(s, t).format("%a %-d %b %H:%M").to_string(),
            Some(t) => local(s, t).format("%H:%M").to_string(),
            None => "—".to_string(),
        };
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>\
             <td class=\"time\">{}</td><td class=\"tick\"><span class=\"box\"></span></td></tr>",
            i + 1,
            esc(&delegation(e)),
            esc(&e.speaker),
            esc(e.level.label()),
            mode_words(e.mode),
            esc(&when)
        );
    }
    // The end of the slot the last reached speaker falls in.
    if let Some(prev) = last_slot
        && !past_marked
        && let Some(sl) = slots.get(prev)
    {
        mark_end(&mut out, s, sl);
    }
    let _ = writeln!(out, "</tbody>\n</table>\n</body>\n</html>");
    out
}

const CSS: &str = "
th.tick, td.tick { text-align: center; width: 12mm; }
span.box { display: inline-block; width: 4.5mm; height: 4.5mm; border: 1pt solid #000; }
tr.mark td { border-top: 1.5pt solid #000; border-bottom: 1.5pt solid #000; background: #e8e8e8;
  font-weight: bold; text-align: center; padding: 1.2mm; font-size: 9.5pt;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
p.now { font-weight: bold; }
";

fn mark_end(out: &mut String, s: &Session, sl: &Slot) {
    let _ = writeln!(
        out,
        "<tr class=\"mark\"><td colspan=\"7\">End of the meeting of {}</td></tr>",
        esc(&slot_words(s, sl))
    );
}

/// The window in the list's zone: "is open from 5 September 2022 00:00 to 17 October 2022 12:00".
pub fn window_words(s: &Session) -> String {
    s.window_words_with(|t| local(s, t).format("%-d %B %Y %H:%M").to_string())
}

fn delegation(e: &Entry) -> String {
    match e.chair_of {
        Some(g) => format!("{} (on behalf of the {})", e.delegation, group_in_print(g)),
        None => e.delegation.clone(),
    }
}

fn who(e: &Entry) -> String {
    format!("{} — {}, {}", delegation(e), e.speaker, e.level.label())
}

fn mode_words(m: Mode) -> &'static str {
    match m {
        Mode::Floor => "In the room",
        Mode::Remote => "Remote",
        Mode::Video => "Video statement",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Inscription, Level, Settings, parse_time};

    #[test]
    fn names_are_escaped_and_the_page_reaches_nothing_outside() {
        let t = parse_time("2022-10-17T09:00:00+02:00").unwrap();
        let mut s = Session::new("<b>Title</b> & co", Settings::default(), t);
        s.add(
            Inscription::new("Chile", "<script>alert('x')</script>", Level::Delegate),
            t,
        )
        .unwrap();
        let page = president(&s, &[], t);
        assert!(!page.contains("<script"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assert!(page.contains("&lt;b&gt;Title&lt;/b&gt; &amp; co"));
        assert!(!page.contains("http") && !page.contains("url("));
        // Without slots: no projected start, no slot marks.
        assert!(!page.contains("End of the meeting"));
        assert!(page.contains("<td class=\"time\">—</td>"));
    }
}
