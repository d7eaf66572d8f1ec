//! The report in words: the sections of lines the text, the screen and the page share, and the
//! plain text of `podium report`.

use super::model::{
    Absence, Event, Report, SlotSummary, SpeakerTime, Standstill, TimeChange, Undo, Withdrawal,
};
use crate::domain::text::clip;
use crate::domain::{Time, fmt_seconds, fmt_time};
use std::fmt;

/// The report's sections that are lists of lines, in the words the text, the screen and the
/// page share: (heading, lines, shown when empty). Lines carry no indent.
pub struct Section {
    pub heading: String,
    pub lines: Vec<String>,
}

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Report {
    /// "#1 Ghana (Ama Mensah): 0:20 over, 3:20 of 3:00": one overrun, for the text and the page.
    pub fn overrun_line(o: &SpeakerTime) -> String {
        format!(
            "#{} {} ({}): {} over, {} of {}",
            o.id,
            o.title,
            o.speaker,
            fmt_seconds(o.over_seconds),
            fmt_seconds(o.used_seconds),
            fmt_seconds(o.limit_seconds)
        )
    }

    /// "#7 Poland (Jan Kowalski): withdrawn 16 October 09:00": one withdrawal, for the text, the
    /// page and the screen.
    pub fn withdrawn_line(w: &Withdrawal) -> String {
        format!(
            "#{} {} ({}): {} {}",
            w.id,
            w.title,
            w.speaker,
            w.how,
            time_and_notice(w.at, w.notice_at)
        )
    }

    /// "17 October 10:00-13:00: 6 speakers heard in 17:30 (limits 20:00); 2 overruns, 0:50."
    pub fn slot_line(sl: &SlotSummary) -> String {
        if sl.heard == 0 {
            return format!("{}: nobody heard", sl.heading);
        }
        format!(
            "{}: {} heard in {} (limits {}); {}",
            sl.heading,
            plural(sl.heard, "speaker", "speakers"),
            fmt_seconds(sl.seconds),
            fmt_seconds(sl.limit_seconds),
            match sl.overruns {
                0 => "no overrun".to_string(),
                n => format!(
                    "{}, {} over",
                    plural(n, "overrun", "overruns"),
                    fmt_seconds(sl.overtime_seconds)
                ),
            }
        )
    }

    /// "2022-10-17 10:05 +02:00: #3 Peru (Ana), absent when called; the setting drop: dropped
    /// from the list".
    pub fn absence_line(a: &Absence) -> String {
        format!(
            "{}: {}{}{}, absent when called; the setting {}: {}",
            fmt_time(a.at),
            a.entry.map(|id| format!("#{id} ")).unwrap_or_default(),
            a.title,
            if a.speaker.is_empty() {
                String::new()
            } else {
                format!(" ({})", a.speaker)
            },
            a.policy,
            a.outcome
        )
    }

    /// "2022-10-17 10:05 +02:00: during Ghana, the floor stood still 0:45 (to 10:05:45)".
    pub fn standstill_line(st: &Standstill) -> String {
        format!(
            "{}: during {}, the floor stood still {}{}",
            fmt_time(st.at),
            st.title,
            fmt_seconds(st.seconds),
            match st.until {
                Some(u) => format!(" (to {})", u.format("%H:%M:%S")),
                None => " so far (the clock is still stopped)".to_string(),
            }
        )
    }

    /// "2022-10-17 10:06 +02:00: undone \"30 seconds more\", which was: extra time for ...".
    pub fn undo_line(u: &Undo) -> String {
        if u.change.is_empty() {
            format!(
                "{}: {} \"{}\" (the file does not say which change)",
                fmt_time(u.at),
                u.verb,
                u.label
            )
        } else {
            format!(
                "{}: {} \"{}\", which was: {}",
                fmt_time(u.at),
                u.verb,
                u.label,
                u.change
            )
        }
    }

    fn total_line(what: &str, changes: &[TimeChange], total: i64) -> String {
        if changes.is_empty() {
            format!("{what}: none")
        } else {
            format!(
                "{what}: {} in all ({})",
                fmt_seconds(total),
                plural(changes.len(), "time", "times")
            )
        }
    }

    /// "Extra time granted: 0:30 in all (1 time)".
    pub fn granted_line(&self) -> String {
        Self::total_line(
            "Extra time granted",
            &self.extra_granted,
            self.extra_granted_seconds,
        )
    }

    /// "Time taken away: 0:30 in all (1 time)".
    pub fn taken_line(&self) -> String {
        Self::total_line("Time taken away", &self.time_taken, self.time_taken_seconds)
    }

    /// "1 point of order; the floor stood still 0:45 in all."
    fn standstill_total(list: &[Standstill], one: &str, many: &str) -> String {
        format!(
            "{}; the floor stood still {} in all",
            plural(list.len(), one, many),
            fmt_seconds(list.iter().map(|p| p.seconds).sum())
        )
    }

    /// The sections of the floor and the meeting (after the time by group): meeting slots,
    /// absences, points of order, pauses.
    pub fn floor_sections(&self) -> Vec<Section> {
        let mut out = Vec::new();
        if !self.slots.is_empty() {
            out.push(Section {
                heading: "Meeting slots".to_string(),
                lines: self.slots.iter().map(Report::slot_line).collect(),
            });
        }
        out.push(Section {
            heading: "Absences".to_string(),
            lines: self.absences.iter().map(Report::absence_line).collect(),
        });
        let mut points: Vec<String> = self
            .points_of_order
            .iter()
            .map(Report::standstill_line)
            .collect();
        if !points.is_empty() {
            points.push(Self::standstill_total(
                &self.points_of_order,
                "point of order",
                "points of order",
            ));
        }
        out.push(Section {
            heading: "Points of order".to_string(),
            lines: points,
        });
        let mut pauses: Vec<String> = self.pauses.iter().map(Report::standstill_line).collect();
        if !pauses.is_empty() {
            pauses.push(Self::standstill_total(&self.pauses, "pause", "pauses"));
        }
        out.push(Section {
            heading: "Pauses".to_string(),
            lines: pauses,
        });
        out
    }

    /// The President's changes of the speakers' time: granted and taken away, apart.
    pub fn time_sections(&self) -> Vec<Section> {
        let lines = |l: &[TimeChange]| {
            l.iter()
                .map(|c| format!("{}: {}", fmt_time(c.at), c.text))
                .collect()
        };
        vec![
            Section {
                heading: self.granted_line(),
                lines: lines(&self.extra_granted),
            },
            Section {
                heading: self.taken_line(),
                lines: lines(&self.time_taken),
            },
        ]
    }

    /// Undo and redo, each named by the change it undid; `None` when there was none.
    pub fn undo_section(&self) -> Option<Section> {
        (!self.undone.is_empty()).then(|| Section {
            heading: "Undone and redone".to_string(),
            lines: self.undone.iter().map(Report::undo_line).collect(),
        })
    }
}

pub(crate) fn time_and_notice(at: Option<Time>, notice: Option<Time>) -> String {
    match (at, notice) {
        (Some(a), Some(n)) if n != a => format!("{} (notice {})", fmt_time(a), fmt_time(n)),
        (Some(a), _) => fmt_time(a),
        (None, Some(n)) => format!("notice {}", fmt_time(n)),
        (None, None) => "time not recorded".to_string(),
    }
}

pub(crate) fn over_words(over: i64) -> String {
    if over > 0 {
        format!("+{}", fmt_seconds(over))
    } else {
        String::new()
    }
}

/// Breaks `text` into lines of at most `width` characters at spaces: the first line starts
/// with `first` spaces, the others with `rest`. A word longer than a line is cut.
pub(crate) fn wrap(text: &str, width: usize, first: usize, rest: usize) -> Vec<String> {
    let width = width.max(first.max(rest) + 8);
    let mut out = Vec::new();
    let mut line = " ".repeat(first);
    let mut len = first;
    // True while nothing but the indent is on the line.
    let mut empty = true;
    for word in text.split_whitespace() {
        let mut chars: Vec<char> = word.chars().collect();
        if !empty && len + 1 + chars.len() > width {
            out.push(std::mem::replace(&mut line, " ".repeat(rest)));
            len = rest;
            empty = true;
        }
        while len + usize::from(!empty) + chars.len() > width {
            // Only a word longer than a whole line gets here: cut it.
            let take = width - len - usize::from(!empty);
            if !empty {
                line.push(' ');
            }
            line.extend(chars.drain(..take));
            out.push(std::mem::replace(&mut line, " ".repeat(rest)));
            len = rest;
            empty = true;
        }
        if !empty {
            line.push(' ');
            len += 1;
        }
        len += chars.len();
        line.extend(chars);
        empty = false;
    }
    if !empty || out.is_empty() {
        out.push(line);
    }
    out
}

/// The plain text of `podium report`.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Report: {}, as at {}", self.title, fmt_time(self.at))?;
        writeln!(f)?;
        writeln!(f, "{}", self.summary())?;
        if let Some(c) = self.current_line() {
            writeln!(f, "{c}")?;
        }
        writeln!(f, "{} waiting.", self.waiting)?;

        writeln!(f, "\nTime used against the limit")?;
        if self.heard.is_empty() {
            writeln!(f, "  nobody heard yet")?;
        } else {
            writeln!(
                f,
                "  {:>4} {:>5}  {:<34} {:<24} {:>7} {:>7} {:>7}",
                "#", "id", "delegation", "speaker", "used", "limit", "over"
            )?;
            for (i, h) in self.heard.iter().enumerate() {
                let row = format!(
                    "  {:>4} {:>5}  {:<34} {:<24} {:>7} {:>7} {:>7}",
                    i + 1,
                    h.id,
                    clip(&h.title, 34),
                    clip(&h.speaker, 24),
                    fmt_seconds(h.used_seconds),
                    fmt_seconds(h.limit_seconds),
                    over_words(h.over_seconds)
                );
                writeln!(f, "{}", row.trim_end())?;
            }
        }

        writeln!(f, "\nOverruns")?;
        if self.overruns.is_empty() {
            writeln!(f, "  none")?;
        }
        for o in &self.overruns {
            writeln!(f, "  {}", Report::overrun_line(o))?;
        }

        writeln!(f, "\nTime by regional group")?;
        for g in &self.by_group {
            writeln!(
                f,
                "  {:<36} {:>3} speaker{} {:>8}",
                g.group,
                g.speakers,
                if g.speakers == 1 { " " } else { "s" },
                fmt_seconds(g.seconds)
            )?;
        }

        for sec in self.floor_sections() {
            writeln!(f, "\n{}", sec.heading)?;
            if sec.lines.is_empty() {
                writeln!(f, "  none")?;
            }
            for l in &sec.lines {
                writeln!(f, "  {l}")?;
            }
        }

        writeln!(f, "\nWithdrawn")?;
        if self.withdrawn.is_empty() {
            writeln!(f, "  none")?;
        }
        for w in &self.withdrawn {
            writeln!(f, "  {}", Report::withdrawn_line(w))?;
        }

        let events = |f: &mut fmt::Formatter<'_>, heading: &str, list: &[Event]| -> fmt::Result {
            writeln!(f, "\n{heading}")?;
            if list.is_empty() {
                writeln!(f, "  none")?;
            }
            for e in list {
                write!(f, "  {}: {}", fmt_time(e.at), e.text)?;
                if let Some(r) = &e.reason {
                    write!(f, "; reason: {r}")?;
                }
                writeln!(f)?;
            }
            Ok(())
        };
        events(f, "Changed by override (and why)", &self.overrides)?;
        events(f, "Swaps", &self.swaps)?;
        events(f, "Replacements", &self.replacements)?;
        for sec in self.time_sections().into_iter().chain(self.undo_section()) {
            writeln!(f, "\n{}", sec.heading)?;
            for l in &sec.lines {
                writeln!(f, "  {l}")?;
            }
        }
        Ok(())
    }
}
