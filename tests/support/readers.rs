//! The records read as their readers read them: LibreOffice opening the spreadsheet, headless
//! Chromium rendering and printing the HTML pages. Under `CI` a missing program fails the test
//! and says what to install; elsewhere the test prints a skip line and passes.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The program, if it is here (the shared rule of `support::needs`: under CI its absence fails the
/// test, naming it; elsewhere a SKIPPED line).
pub fn program(name: &str, package: &str) -> Option<PathBuf> {
    let what_for =
        format!("the records' readers; the Debian package {package}, which .ci/run installs");
    super::needs::tool(name, &["--version"], &what_for).then(|| PathBuf::from(name))
}

/// Converts the spreadsheet to CSV with LibreOffice (UTF-8, comma, quoted text) and returns it.
pub fn libreoffice_csv(xlsx: &Path) -> Option<String> {
    let soffice = program("soffice", "libreoffice-calc-nogui")?;
    let dir = tempfile::tempdir().expect("a temporary folder");
    // A profile of its own: a LibreOffice already open for the user does not take the job.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("profile").display()
    );
    let out = Command::new(soffice)
        .args([
            &profile,
            "--headless",
            "--norestore",
            "--convert-to",
            // 44 = comma, 34 = double quote, 76 = UTF-8.
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(xlsx)
        .env("HOME", dir.path())
        .output()
        .expect("soffice runs");
    let stem = xlsx.file_stem().expect("a file name");
    let csv = dir.path().join(stem).with_extension("csv");
    assert!(
        csv.exists(),
        "LibreOffice did not convert {}: {}{}",
        xlsx.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Some(std::fs::read_to_string(csv).expect("UTF-8 CSV"))
}

/// Headless Chromium with a profile of its own, `args` after the usual ones, on `page`.
fn chromium(page: &Path, args: &[String]) -> Option<std::process::Output> {
    let chromium = program("chromium", "chromium")?;
    let profile = tempfile::tempdir().expect("a temporary folder");
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-extensions",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .env("HOME", profile.path())
        .output()
        .expect("chromium runs");
    Some(out)
}

/// Renders `page` to a PNG of `width` x `height` pixels; returns its bytes.
pub fn screenshot(page: &Path, png: &Path, width: u32, height: u32) -> Option<Vec<u8>> {
    let out = chromium(
        page,
        &[
            format!("--screenshot={}", png.display()),
            format!("--window-size={width},{height}"),
        ],
    )?;
    let bytes = std::fs::read(png).unwrap_or_default();
    assert!(
        bytes.starts_with(b"\x89PNG"),
        "Chromium made no PNG of {}: {}",
        page.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    Some(bytes)
}

/// Prints `page` to PDF (the page's own @page size); returns the PDF's bytes.
pub fn print_pdf(page: &Path, pdf: &Path) -> Option<Vec<u8>> {
    let out = chromium(
        page,
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".to_string(),
        ],
    )?;
    let bytes = std::fs::read(pdf).unwrap_or_default();
    assert!(
        bytes.starts_with(b"%PDF"),
        "Chromium printed no PDF of {}: {}",
        page.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    Some(bytes)
}

/// The PNG's width and height, from its header.
pub fn png_size(png: &[u8]) -> (u32, u32) {
    let be = |i: usize| u32::from_be_bytes([png[i], png[i + 1], png[i + 2], png[i + 3]]);
    (be(16), be(20))
}

/// The table rows of a printed page that run over more than one page, read from the PDF's
/// structure tree (Chromium prints a tagged PDF: each row is a `TR` element, and the marked
/// content under it names the page it is drawn on). Also returns how many rows there are.
pub fn rows_cut_across_pages(pdf: &[u8]) -> (usize, usize) {
    use std::collections::{BTreeSet, HashMap};
    let text = String::from_utf8_lossy(pdf);
    // (kind, parent, page) of each structure element, by object number.
    let mut elements: HashMap<u64, (String, Option<u64>, Option<u64>)> = HashMap::new();
    let reference = |body: &str, key: &str| -> Option<u64> {
        let at = body.find(key)? + key.len();
        body[at..].split_whitespace().next()?.parse().ok()
    };
    for chunk in text.split("endobj") {
        let Some(at) = chunk.rfind(" 0 obj") else {
            continue;
        };
        let body = &chunk[at..];
        if !body.contains("/Type /StructElem") {
            continue;
        }
        let number: String = chunk[..at]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let (Ok(number), Some(kind)) = (
            number.parse::<u64>(),
            body.split("/S /")
                .nth(1)
                .and_then(|k| k.split_whitespace().next()),
        ) else {
            continue;
        };
        elements.insert(
            number,
            (
                kind.to_string(),
                reference(body, "/P "),
                reference(body, "/Pg "),
            ),
        );
    }
    let mut children: HashMap<u64, Vec<u64>> = HashMap::new();
    for (n, (_, parent, _)) in &elements {
        if let Some(p) = parent {
            children.entry(*p).or_default().push(*n);
        }
    }
    fn pages(
        n: u64,
        elements: &HashMap<u64, (String, Option<u64>, Option<u64>)>,
        children: &HashMap<u64, Vec<u64>>,
        out: &mut BTreeSet<u64>,
    ) {
        if let Some(page) = elements.get(&n).and_then(|e| e.2) {
            out.insert(page);
        }
        for c in children.get(&n).into_iter().flatten() {
            pages(*c, elements, children, out);
        }
    }
    let rows: Vec<u64> = elements
        .iter()
        .filter(|(_, e)| e.0 == "TR")
        .map(|(n, _)| *n)
        .collect();
    let cut = rows
        .iter()
        .filter(|r| {
            let mut on = BTreeSet::new();
            pages(**r, &elements, &children, &mut on);
            on.len() > 1
        })
        .count();
    (rows.len(), cut)
}
