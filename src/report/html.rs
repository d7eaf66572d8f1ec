//! `podium report --format html`: the report as one self-contained page (no script, no font, no
//! address outside it) with two pictures drawn in SVG: each speaker's time against the limit,
//! and the time by regional group. The figures and lists are those of the text report.

use super::model::{Event, Report, SpeakerTime};
use super::text::Section;
use crate::domain::{fmt_seconds, fmt_time};
use crate::records::html::{PRINT_CSS, esc};
use std::fmt::Write as _;

/// The picture's width in SVG units (the page scales it to its column).
const WIDTH: i64 = 720;
/// The room for the names at the left of the bars, and for the figures at their right.
const LABEL: i64 = 270;
const FIGURES: i64 = 110;
const ROW: i64 = 20;

const CSS: &str = "
svg { width: 100%; height: auto; display: block; break-inside: avoid; page-break-inside: avoid; }
svg text { font-family: 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; font-size: 11px; }
ul { margin: 1mm 0 0 0; padding-left: 6mm; }
li { margin: 0.6mm 0; break-inside: avoid; page-break-inside: avoid; }
p.summary { font-weight: bold; }
.over { color: #b71c1c; font-weight: bold; }
.legend span { display: inline-block; width: 3.5mm; height: 3.5mm; vertical-align: middle; margin: 0 1mm 0 3mm; }
";

/// The page; `zone` says in which time zone the times are written.
pub fn page(r: &Report, zone: &str) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let title = esc(&r.title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Report: {title}</title>\n<style>{PRINT_CSS}{CSS}</style>\n</head>\n<body>\n"
    );
    let _ = writeln!(out, "<h1>Report: {title}</h1>");
    let _ = writeln!(
        out,
        "<p class=\"meta\">As at {}. Times in {}. {} waiting.</p>",
        esc(&fmt_time(r.at)),
        esc(zone),
        r.waiting
    );
    let _ = writeln!(out, "<p class=\"summary\">{}</p>", esc(&r.summary()));
    if let Some(c) = r.current_line() {
        let _ = writeln!(out, "<p>{}</p>", esc(&c));
    }

    let _ = writeln!(out, "<h2>Time used against the limit</h2>");
    if r.heard.is_empty() && r.current.is_none() {
        let _ = writeln!(out, "<p>Nobody heard yet.</p>");
    } else {
        let _ = writeln!(
            out,
            "<p class=\"legend\"><span style=\"background:#2e7d32\"></span>within the limit\
             <span style=\"background:#c62828\"></span>beyond it\
             <span style=\"background:#000;width:0.6mm\"></span>the limit</p>"
        );
        out.push_str(&speakers_chart(r));
    }

    let _ = writeln!(out, "<h2>Overruns</h2>");
    list(
        &mut out,
        &r.overruns
            .iter()
            .map(Report::overrun_line)
            .collect::<Vec<_>>(),
    );

    let _ = writeln!(out, "<h2>Time by regional group</h2>");
    out.push_str(&groups_chart(r));

    for sec in r.floor_sections() {
        section(&mut out, &sec);
    }

    let _ = writeln!(out, "<h2>Withdrawn</h2>");
    list(
        &mut out,
        &r.withdrawn
            .iter()
            .map(Report::withdrawn_line)
            .collect::<Vec<_>>(),
    );
    for (heading, events) in [
        ("Changed by override (and why)", &r.overrides),
        ("Swaps", &r.swaps),
        ("Replacements", &r.replacements),
    ] {
        let _ = writeln!(out, "<h2>{}</h2>", esc(heading));
        list(&mut out, &events.iter().map(event_line).collect::<Vec<_>>());
    }
    for sec in r.time_sections().into_iter().chain(r.undo_section()) {
        section(&mut out, &sec);
    }
    let _ = writeln!(out, "</body>\n</html>");
    out
}

fn event_line(e: &Event) -> String {
    match &e.reason {
        Some(reason) => format!("{}: {}; reason: {reason}", fmt_time(e.at), e.text),
        None => format!("{}: {}", fmt_time(e.at), e.text),
    }
}

fn section(out: &mut String, sec: &Section) {
    let _ = writeln!(out, "<h2>{}</h2>", esc(&sec.heading));
    if !sec.lines.is_empty() || !sec.heading.contains(':') {
        list(out, &sec.lines);
    }
}

fn list(out: &mut String, lines: &[String]) {
    if lines.is_empty() {
        let _ = writeln!(out, "<p>None.</p>");
        return;
    }
    let _ = writeln!(out, "<ul>");
    for l in lines {
        let _ = writeln!(out, "<li>{}</li>", esc(l));
    }
    let _ = writeln!(out, "</ul>");
}

/// `x` scaled so that `scale` fills `width`, in whole units; never past `width`.
fn scaled(x: i64, scale: i64, width: i64) -> i64 {
    if scale <= 0 {
        return 0;
    }
    let v = i128::from(x.max(0)) * i128::from(width) / i128::from(scale);
    i64::try_from(v.clamp(0, i128::from(width))).unwrap_or(width)
}

/// A name cut to fit the labels' room (SVG text does not wrap).
fn label(text: &str) -> String {
    const MAX: usize = 42;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let cut: String = text.chars().take(MAX - 1).collect();
        format!("{cut}…")
    }
}

/// One bar per speech: the time within the limit in green, beyond it in red, the limit a black
/// stroke; the speaker at the podium last, marked "(now)".
fn speakers_chart(r: &Report) -> String {
    let rows: Vec<(&SpeakerTime, bool)> = r
        .heard
        .iter()
        .map(|h| (h, false))
        .chain(r.current.iter().map(|c| (c, true)))
        .collect();
    let scale = rows
        .iter()
        .map(|(h, _)| h.used_seconds.max(h.limit_seconds))
        .max()
        .unwrap_or(0);
    let bar_w = WIDTH - LABEL - FIGURES;
    let height = ROW * i64::try_from(rows.len()).unwrap_or(0) + 8;
    let mut svg = format!(
        "<svg viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" \
         aria-label=\"Each speaker's time against the limit\">\n<title>Each speaker's time against the limit</title>\n"
    );
    for (i, (h, now)) in rows.iter().enumerate() {
        let y = ROW * i64::try_from(i).unwrap_or(0) + 4;
        let used = scaled(h.used_seconds, scale, bar_w);
        let limit = scaled(h.limit_seconds, scale, bar_w);
        let within = used.min(limit);
        let name = if *now {
            format!("{} (now)", h.title)
        } else {
            h.title.clone()
        };
        let _ = writeln!(
            svg,
            "<g><title>{} ({}): {} of {}</title>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{LABEL}\" y=\"{}\" width=\"{within}\" height=\"{}\" fill=\"#2e7d32\"/>",
            esc(&h.title),
            esc(&h.speaker),
            fmt_seconds(h.used_seconds),
            fmt_seconds(h.limit_seconds),
            LABEL - 6,
            y + 13,
            esc(&label(&name)),
            y + 2,
            ROW - 6,
        );
        if used > limit {
            let _ = writeln!(
                svg,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#c62828\"/>",
                LABEL + limit,
                y + 2,
                used - limit,
                ROW - 6
            );
        }
        let over = (h.used_seconds - h.limit_seconds).max(0);
        let _ = writeln!(
            svg,
            "<rect x=\"{}\" y=\"{}\" width=\"2\" height=\"{}\" fill=\"#000\"/>\
             <text x=\"{}\" y=\"{}\"{}>{}/{}{}</text></g>",
            LABEL + limit - 1,
            y,
            ROW - 2,
            LABEL + bar_w + 8,
            y + 13,
            if over > 0 {
                " fill=\"#b71c1c\" font-weight=\"bold\""
            } else {
                ""
            },
            fmt_seconds(h.used_seconds),
            fmt_seconds(h.limit_seconds),
            if over > 0 {
                format!(" +{}", fmt_seconds(over))
            } else {
                String::new()
            }
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// One bar per regional group (and "other"): the time heard from it.
fn groups_chart(r: &Report) -> String {
    let scale = r.by_group.iter().map(|g| g.seconds).max().unwrap_or(0);
    let bar_w = WIDTH - LABEL - FIGURES;
    let height = ROW * i64::try_from(r.by_group.len()).unwrap_or(0) + 8;
    let mut svg = format!(
        "<svg viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" \
         aria-label=\"Time by regional group\">\n<title>Time by regional group</title>\n"
    );
    for (i, g) in r.by_group.iter().enumerate() {
        let y = ROW * i64::try_from(i).unwrap_or(0) + 4;
        let w = scaled(g.seconds, scale, bar_w);
        let _ = writeln!(
            svg,
            "<g><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{LABEL}\" y=\"{}\" width=\"{w}\" height=\"{}\" fill=\"#1565c0\"/>\
             <text x=\"{}\" y=\"{}\">{}, {} heard</text></g>",
            LABEL - 6,
            y + 13,
            esc(&label(&g.group)),
            y + 2,
            ROW - 6,
            LABEL + bar_w + 8,
            y + 13,
            fmt_seconds(g.seconds),
            g.speakers
        );
    }
    svg.push_str("</svg>\n");
    svg
}
