//! Layers point one way (issue 9, ARCHITECTURE.md): the domain imports nothing else of the
//! crate; nothing imports the command line or the screen; the modules of `src/` form no cycle.
//! Read from the source files themselves, so a new import that breaks the rule fails here: at
//! the level of the top modules, and of the files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The top-level module a file of `src/` belongs to (`src/tui/view/queue.rs` -> `tui`).
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src");
    let first = rel.components().next().expect("a component");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_string()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules of the crate each file names through `crate::`.
fn imports(text: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            // `crate::{a, b::c}` names several.
            let names: Vec<String> = if let Some(inner) = rest.strip_prefix('{') {
                let end = inner.find('}').unwrap_or(inner.len());
                inner[..end]
                    .split(',')
                    .map(|n| n.trim().split("::").next().unwrap_or("").trim().to_string())
                    .collect()
            } else {
                vec![
                    rest.chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect(),
                ]
            };
            for n in names {
                if modules.contains(&n) {
                    found.insert(n);
                }
            }
        }
    }
    found
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = files
        .iter()
        .map(|f| module_of(&src, f))
        .filter(|m| m != "lib" && m != "main")
        .collect();
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let m = module_of(&src, f);
        let text = std::fs::read_to_string(f).expect("read");
        let mut deps = imports(&text, &modules);
        deps.remove(&m);
        g.entry(m).or_default().extend(deps);
    }
    g
}

#[test]
fn the_domain_imports_nothing_else_of_the_crate() {
    let g = graph();
    let domain = g.get("domain").expect("a domain module");
    assert!(domain.is_empty(), "the domain imports {domain:?}");
}

#[test]
fn nothing_imports_the_command_line_or_the_screen() {
    for (m, deps) in graph() {
        if m == "main" {
            continue;
        }
        for top in ["cli", "tui"] {
            assert!(
                !deps.contains(top),
                "{m} imports {top}: the command line and the screen sit on top"
            );
        }
    }
}

#[test]
fn the_modules_of_src_form_no_cycle() {
    let g = graph();
    // Depth-first search for a back edge.
    fn visit(
        m: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == m) {
            let mut cycle = path[at..].to_vec();
            cycle.push(m.to_string());
            return Some(cycle);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_string());
        for d in g.get(m).into_iter().flatten() {
            if let Some(c) = visit(d, g, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for m in g.keys() {
        if let Some(cycle) = visit(m, &g, &mut Vec::new(), &mut done) {
            panic!("a cycle among the modules of src/: {}", cycle.join(" -> "));
        }
    }
}

// ---- The files of src/ ------------------------------------------------------------------------
//
// A file depends on the file that *defines* what it names: `crate::domain::Session` is
// `src/domain/list/session.rs`, reached through the re-exports of `domain/mod.rs` and `list.rs`.
// A re-export (`pub use x::Y`) is itself a dependency of the file that writes it. So a folder's
// root that re-exports its children, and a child that takes something defined in that root,
// make a cycle; a child that takes the same thing from the sibling that defines it does not.
// `mod x;` is ownership, not a dependency; an inline `mod tests { use super::*; }` names its own
// file.

/// One `use` of a file: the path as written, the name it binds, where it stands.
struct Use {
    path: Vec<String>,
    name: String,
    at: usize,
}

struct SourceFile {
    file: PathBuf,
    /// `["domain", "list"]` for `src/domain/list.rs`.
    module: Vec<String>,
    /// The text without its comments.
    code: String,
    uses: Vec<Use>,
    /// Inline modules: (start, end, name).
    inline: Vec<(usize, usize, String)>,
    /// The children declared with `mod x;`.
    children: BTreeSet<String>,
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn without_comments(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            // A URL in a string ("http://") is not a comment.
            Some(at) if !l[..at].ends_with(':') => &l[..at],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `a::{b, c::{d, e as f}}` into `a::b`, `a::c::d`, `a::c::e as f` (one space around `as`).
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(open) = tree.find('{') else {
        return vec![tree.replace(" ::", "::").replace(":: ", "::")];
    };
    let base = tree[..open].replace(' ', "");
    let inner = tree[open + 1..].trim_end().trim_end_matches('}');
    let (mut parts, mut depth, mut cur) = (Vec::new(), 0, String::new());
    for c in inner.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if c == ',' && depth == 0 {
            parts.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    parts.push(cur);
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .flat_map(|p| expand(p).into_iter().map(|e| format!("{base}{e}")))
        .collect()
}

/// The `use` declarations of a file.
fn uses_of(code: &str) -> Vec<Use> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = code[from..].find("use ") {
        let at = from + found;
        from = at + 4;
        if code[..at].chars().next_back().is_some_and(is_ident) {
            continue;
        }
        let Some(end) = code[at..].find(';') else {
            break;
        };
        for tree in expand(&code[at + 4..at + end]) {
            let (path, alias) = match tree.split_once(" as ") {
                Some((p, a)) => (p.to_string(), Some(a.trim().to_string())),
                None => (tree.clone(), None),
            };
            let path: Vec<String> = path
                .trim_end_matches(':')
                .split("::")
                .map(str::to_string)
                .collect();
            let name = alias.unwrap_or_else(|| path.last().cloned().unwrap_or_default());
            out.push(Use { path, name, at });
        }
    }
    out
}

/// Inline `mod name { ... }` blocks: where they start and end.
fn inline_modules(code: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut from = 0;
    while let Some(found) = code[from..].find("mod ") {
        let at = from + found;
        from = at + 4;
        if code[..at].chars().next_back().is_some_and(is_ident) {
            continue;
        }
        let name: String = code[at + 4..]
            .chars()
            .take_while(|c| is_ident(*c))
            .collect();
        let after = code[at + 4 + name.len()..].trim_start();
        if !after.starts_with('{') {
            continue;
        }
        let open = code.len() - after.len();
        let (mut depth, mut end) = (0, code.len());
        for (k, b) in bytes.iter().enumerate().skip(open) {
            match b {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = k;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push((at, end, name));
    }
    out
}

/// The children a file declares with `mod x;`.
fn declared_children(code: &str) -> BTreeSet<String> {
    code.split("mod ")
        .skip(1)
        .filter_map(|rest| {
            let name: String = rest.chars().take_while(|c| is_ident(*c)).collect();
            rest[name.len()..]
                .trim_start()
                .starts_with(';')
                .then_some(name)
        })
        .collect()
}

/// Every `a::b::c` a file writes, with where it stands.
fn paths_of(code: &str) -> Vec<(Vec<String>, usize)> {
    let chars: Vec<(usize, char)> = code.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        let before = if k > 0 { chars[k - 1].1 } else { ' ' };
        if !is_ident(c) || is_ident(before) || before == ':' {
            k += 1;
            continue;
        }
        let mut segs = vec![String::new()];
        while k < chars.len() {
            let c = chars[k].1;
            if is_ident(c) {
                segs.last_mut().expect("a segment").push(c);
                k += 1;
            } else if c == ':'
                && k + 2 < chars.len()
                && chars[k + 1].1 == ':'
                && is_ident(chars[k + 2].1)
            {
                segs.push(String::new());
                k += 2;
            } else {
                break;
            }
        }
        if segs.len() > 1 {
            out.push((segs, at));
        }
    }
    out
}

fn source_files() -> Vec<SourceFile> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .filter(|f| !f.ends_with("main.rs"))
        .map(|file| {
            let rel = file
                .strip_prefix(&src)
                .expect("under src")
                .with_extension("");
            let mut module: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().to_string())
                .collect();
            if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                module.pop();
            }
            let code = without_comments(&std::fs::read_to_string(&file).expect("read"));
            SourceFile {
                uses: uses_of(&code),
                inline: inline_modules(&code),
                children: declared_children(&code),
                file,
                module,
                code,
            }
        })
        .collect()
}

struct Crate {
    files: Vec<SourceFile>,
    by_module: BTreeMap<Vec<String>, usize>,
}

impl Crate {
    /// The module a place of file `f` is in: its file's, and the inline modules around it.
    fn module_at(&self, f: usize, at: usize) -> Vec<String> {
        let file = &self.files[f];
        let mut m = file.module.clone();
        for (a, b, name) in &file.inline {
            if *a <= at && at < *b {
                m.push(name.clone());
            }
        }
        m
    }

    /// The absolute path of `path` written at `at` in file `f`, if it names something of the
    /// crate.
    fn absolute(&self, f: usize, path: &[String], at: usize, depth: usize) -> Option<Vec<String>> {
        let file = &self.files[f];
        let first = path.first()?.as_str();
        let mut cur = self.module_at(f, at);
        let mut rest = path;
        match first {
            "crate" => {
                cur.clear();
                rest = &path[1..];
            }
            "super" | "self" => {
                while let Some(s) = rest.first() {
                    match s.as_str() {
                        "super" => {
                            cur.pop();
                        }
                        "self" => {}
                        _ => break,
                    }
                    rest = &rest[1..];
                }
            }
            _ if file.children.contains(first) => {}
            _ => {
                // A name this file brought in with `use`.
                if depth > 8 {
                    return None;
                }
                let u = file.uses.iter().find(|u| {
                    u.name == first
                        && u.path.len() > 1
                        && (matches!(u.path[0].as_str(), "crate" | "super" | "self")
                            || file.children.contains(&u.path[0]))
                })?;
                let mut full = u.path.clone();
                full.extend(path[1..].iter().cloned());
                return self.absolute(f, &full, u.at, depth + 1);
            }
        }
        cur.extend(rest.iter().cloned());
        Some(cur)
    }

    /// The file that defines what the absolute `path` names, through re-exports.
    fn defining_file(&self, path: &[String], depth: usize) -> Option<usize> {
        if depth > 16 {
            return None;
        }
        if let Some(f) = self.by_module.get(path) {
            return Some(*f);
        }
        let k = (0..path.len())
            .rev()
            .find(|k| self.by_module.contains_key(&path[..*k]))?;
        let f = self.by_module[&path[..k]];
        let item = &path[k];
        for u in &self.files[f].uses {
            if &u.name == item {
                if let Some(abs) = self.absolute(f, &u.path, u.at, 0) {
                    let mut abs = abs;
                    abs.extend(path[k + 1..].iter().cloned());
                    return self.defining_file(&abs, depth + 1);
                }
            } else if u.name == "*" {
                let Some(abs) = self.absolute(f, &u.path[..u.path.len() - 1], u.at, 0) else {
                    continue;
                };
                let Some(&g) = self.by_module.get(&abs) else {
                    continue;
                };
                if defines(&self.files[g].code, item) {
                    let mut abs = abs;
                    abs.push(item.clone());
                    abs.extend(path[k + 1..].iter().cloned());
                    return self.defining_file(&abs, depth + 1);
                }
            }
        }
        Some(f)
    }

    fn edges(&self) -> Vec<BTreeSet<usize>> {
        (0..self.files.len())
            .map(|f| {
                let file = &self.files[f];
                let mut named: Vec<(Vec<String>, usize)> = paths_of(&file.code);
                for u in &file.uses {
                    let mut p = u.path.clone();
                    if p.last().is_some_and(|l| l == "*") {
                        p.pop();
                    }
                    named.push((p, u.at));
                }
                named
                    .iter()
                    .filter_map(|(p, at)| self.absolute(f, p, *at, 0))
                    .filter_map(|abs| self.defining_file(&abs, 0))
                    .filter(|g| *g != f)
                    .collect()
            })
            .collect()
    }
}

/// Whether `code` defines an item called `name`.
fn defines(code: &str, name: &str) -> bool {
    [
        "struct", "enum", "fn", "trait", "type", "const", "static", "mod",
    ]
    .iter()
    .any(|kw| {
        code.match_indices(&format!("{kw} {name}")).any(|(at, m)| {
            let after = code[at + m.len()..].chars().next();
            !after.is_some_and(is_ident) && !code[..at].chars().next_back().is_some_and(is_ident)
        })
    })
}

#[test]
fn the_files_of_src_form_no_cycle() {
    let files = source_files();
    let by_module = files
        .iter()
        .enumerate()
        .map(|(k, f)| (f.module.clone(), k))
        .collect();
    let krate = Crate { files, by_module };
    let edges = krate.edges();
    // Some depends on `src/domain/list/session.rs` for the session: the test reads right.
    let session = krate
        .files
        .iter()
        .position(|f| f.file.ends_with("domain/list/session.rs"))
        .expect("the session's file");
    assert!(
        edges.iter().any(|e| e.contains(&session)),
        "nothing depends on the file that defines the session: the reading is wrong"
    );
    fn visit(
        f: usize,
        edges: &[BTreeSet<usize>],
        path: &mut Vec<usize>,
        done: &mut BTreeSet<usize>,
    ) -> Option<Vec<usize>> {
        if let Some(at) = path.iter().position(|p| *p == f) {
            let mut cycle = path[at..].to_vec();
            cycle.push(f);
            return Some(cycle);
        }
        if done.contains(&f) {
            return None;
        }
        path.push(f);
        for g in &edges[f] {
            if let Some(c) = visit(*g, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(f);
        None
    }
    let mut done = BTreeSet::new();
    for f in 0..krate.files.len() {
        if let Some(cycle) = visit(f, &edges, &mut Vec::new(), &mut done) {
            let names: Vec<String> = cycle
                .iter()
                .map(|k| krate.files[*k].file.display().to_string())
                .collect();
            panic!("a cycle among the files of src/: {}", names.join(" -> "));
        }
    }
}
