//! The layers of `src/lib.rs`'s map, checked on the source itself: every `use` and every
//! `crate::`/`super::`/`self::` path becomes an edge from one file to the file that defines the
//! module it names. A rule broken here is a circle a newcomer would have to untangle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One source file of the library crate.
struct File {
    /// `src/`-relative, e.g. `api/stories/mod.rs`.
    name: String,
    /// Its module path, e.g. `["api", "stories"]`.
    module: Vec<String>,
    /// The code with comments and literals blanked out.
    code: String,
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Blanks comments, strings and char literals so that only code is searched.
fn strip(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !ident_before(&b, i) {
            // A raw string: r"..." or r#"..."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            'raw: while j < b.len() {
                if b[j] == '"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break 'raw;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && (next == Some('\\') || b.get(i + 2) == Some(&'\'')) {
            // A char literal ('x' or '\n'); a lifetime ('a) has no closing quote.
            i += 1;
            while i < b.len() && b[i] != '\'' {
                if b[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(b: &[char], i: usize) -> bool {
    i > 0 && (b[i - 1].is_alphanumeric() || b[i - 1] == '_')
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Expands a `use` tree (`a::{b, c::{d, e}}`) into its paths.
fn expand(tree: &str) -> Vec<String> {
    // Aliases (`x as y`) name nothing new; drop them, then all spacing.
    let mut spaced = String::new();
    for c in tree.chars() {
        if matches!(c, '{' | '}' | ',') {
            spaced.extend([' ', c, ' ']);
        } else {
            spaced.push(c);
        }
    }
    let mut kept = Vec::new();
    let mut words = spaced.split_whitespace();
    while let Some(w) = words.next() {
        if w == "as" {
            words.next();
        } else {
            kept.push(w);
        }
    }
    let tree = kept.concat();
    let mut out = Vec::new();
    expand_into("", &tree, &mut out);
    out
}

fn expand_into(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let Some(open) = tree.find('{') else {
        out.push(format!("{prefix}{tree}"));
        return;
    };
    let head = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut depth = 0;
    let mut start = 0;
    let bytes: Vec<char> = inner.chars().collect();
    let mut parts = Vec::new();
    for (k, ch) in bytes.iter().enumerate() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(bytes[start..k].iter().collect::<String>());
                start = k + 1;
            }
            _ => {}
        }
    }
    parts.push(bytes[start..].iter().collect::<String>());
    for part in parts.into_iter().filter(|p| !p.is_empty()) {
        if part == "self" {
            out.push(format!("{prefix}{}", head.trim_end_matches("::")));
        } else {
            expand_into(&format!("{prefix}{head}"), &part, out);
        }
    }
}

/// Every crate-relative path a file names, as written (`crate::a::b`, `super::c`, `self::d`).
fn paths(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let at_word = i == 0 || !is_ident(chars[i - 1]) && chars[i - 1] != ':';
        let rest: String = chars[i..(i + 4).min(chars.len())].iter().collect();
        if at_word && rest == "use " {
            let end = chars[i..]
                .iter()
                .position(|&c| c == ';')
                .map_or(chars.len(), |p| i + p);
            let tree: String = chars[i + 4..end].iter().collect();
            found.extend(expand(&tree));
            i = end;
            continue;
        }
        if at_word {
            let tail: String = chars[i..(i + 7).min(chars.len())].iter().collect();
            if tail.starts_with("crate::")
                || tail.starts_with("super::")
                || tail.starts_with("self::")
            {
                let mut j = i;
                while j < chars.len() && (is_ident(chars[j]) || chars[j] == ':') {
                    j += 1;
                }
                found.push(chars[i..j].iter().collect());
                i = j;
                continue;
            }
        }
        i += 1;
    }
    found
}

/// The absolute module path a written path names, or None for paths outside the crate.
fn absolute(file: &File, path: &str) -> Option<Vec<String>> {
    let segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut here = file.module.clone();
    let mut rest = &segs[..];
    match rest.first() {
        Some(&"crate") => {
            here.clear();
            rest = &rest[1..];
        }
        Some(&"super") | Some(&"self") => {
            while let Some(&s) = rest.first() {
                match s {
                    "super" => {
                        here.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                rest = &rest[1..];
            }
        }
        _ => return None,
    }
    here.extend(rest.iter().map(|s| s.to_string()));
    Some(here)
}

struct Graph {
    files: Vec<File>,
    by_module: BTreeMap<Vec<String>, usize>,
    edges: Vec<BTreeSet<usize>>,
}

fn graph() -> Graph {
    let mut paths_on_disk = Vec::new();
    collect(&src(), &mut paths_on_disk);
    let mut files = Vec::new();
    for p in paths_on_disk {
        let name = p
            .strip_prefix(src())
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        // The binary and the build script are not part of the library's module tree.
        if name == "main.rs" || name == "build.rs" {
            continue;
        }
        let mut module: Vec<String> = name
            .trim_end_matches(".rs")
            .split('/')
            .map(str::to_string)
            .collect();
        if module.last().is_some_and(|m| m == "mod" || m == "lib") {
            module.pop();
        }
        let mut text = std::fs::read_to_string(&p).expect("read source");
        // A file's own unit tests sit at its end and may reach anywhere; layers are about the
        // code that ships.
        if let Some(at) = text.find("#[cfg(test)]\nmod ") {
            text.truncate(at);
        }
        files.push(File {
            name,
            module,
            code: strip(&text),
        });
    }
    let by_module: BTreeMap<Vec<String>, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.module.clone(), i))
        .collect();
    let mut edges = vec![BTreeSet::new(); files.len()];
    for (i, f) in files.iter().enumerate() {
        for written in paths(&f.code) {
            let Some(abs) = absolute(f, &written) else {
                continue;
            };
            // The deepest module file the path passes through defines what it names.
            let target = (1..=abs.len())
                .rev()
                .find_map(|n| by_module.get(&abs[..n]).copied());
            if let Some(t) = target
                && t != i
            {
                edges[i].insert(t);
            }
        }
    }
    Graph {
        files,
        by_module,
        edges,
    }
}

impl Graph {
    fn layer_of(&self, i: usize) -> &str {
        self.files[i].module.first().map_or("", String::as_str)
    }

    /// Files of `from` that import a file of one of the `to` layers, as "a.rs -> b.rs".
    fn imports(&self, from: &str, to: &[&str]) -> Vec<String> {
        let mut bad = Vec::new();
        for (i, targets) in self.edges.iter().enumerate() {
            if self.layer_of(i) != from {
                continue;
            }
            for &t in targets {
                if to.contains(&self.layer_of(t)) {
                    bad.push(format!("{} -> {}", self.files[i].name, self.files[t].name));
                }
            }
        }
        bad
    }

    /// The groups of files that import each other in a circle (Tarjan's algorithm).
    fn cycles(&self) -> Vec<Vec<String>> {
        struct T<'g> {
            g: &'g Graph,
            index: Vec<Option<usize>>,
            low: Vec<usize>,
            on: Vec<bool>,
            stack: Vec<usize>,
            next: usize,
            found: Vec<Vec<String>>,
        }
        fn visit(t: &mut T<'_>, v: usize) {
            t.index[v] = Some(t.next);
            t.low[v] = t.next;
            t.next += 1;
            t.stack.push(v);
            t.on[v] = true;
            for &w in &t.g.edges[v] {
                match t.index[w] {
                    None => {
                        visit(t, w);
                        t.low[v] = t.low[v].min(t.low[w]);
                    }
                    Some(iw) if t.on[w] => t.low[v] = t.low[v].min(iw),
                    _ => {}
                }
            }
            if Some(t.low[v]) == t.index[v] {
                let mut group = Vec::new();
                while let Some(w) = t.stack.pop() {
                    t.on[w] = false;
                    group.push(t.g.files[w].name.clone());
                    if w == v {
                        break;
                    }
                }
                if group.len() > 1 {
                    group.sort();
                    t.found.push(group);
                }
            }
        }
        let n = self.files.len();
        let mut t = T {
            g: self,
            index: vec![None; n],
            low: vec![0; n],
            on: vec![false; n],
            stack: Vec::new(),
            next: 0,
            found: Vec::new(),
        };
        for v in 0..n {
            if t.index[v].is_none() {
                visit(&mut t, v);
            }
        }
        t.found
    }
}

#[test]
fn the_pure_domain_touches_no_database_runtime_or_http() {
    let g = graph();
    let mut bad = Vec::new();
    for f in g
        .files
        .iter()
        .filter(|f| f.module.first().is_some_and(|m| m == "domain"))
    {
        for io in ["rusqlite", "tokio", "hyper"] {
            let used = f.code.match_indices(io).any(|(at, _)| {
                let before = f.code[..at].chars().next_back();
                let after = &f.code[at + io.len()..];
                !before.is_some_and(|c| is_ident(c) || c == ':')
                    && (after.starts_with("::") || after.starts_with(';'))
            });
            if used {
                bad.push(format!("{} uses {io}", f.name));
            }
        }
    }
    assert!(bad.is_empty(), "domain must stay pure: {bad:#?}");
}

#[test]
fn nothing_below_the_handlers_imports_them() {
    let g = graph();
    let mut bad = Vec::new();
    for layer in ["store", "realtime", "domain", "db"] {
        bad.extend(g.imports(layer, &["api"]));
    }
    assert!(bad.is_empty(), "these reach up into api: {bad:#?}");
}

#[test]
fn the_store_imports_only_the_database_the_domain_errors_and_time() {
    let g = graph();
    let mut bad = Vec::new();
    for (i, targets) in g.edges.iter().enumerate() {
        if g.layer_of(i) != "store" {
            continue;
        }
        for &t in targets {
            if !["store", "db", "domain", "error", "time"].contains(&g.layer_of(t)) {
                bad.push(format!("{} -> {}", g.files[i].name, g.files[t].name));
            }
        }
    }
    assert!(bad.is_empty(), "store reaches outside its layer: {bad:#?}");
}

#[test]
fn the_database_and_the_domain_never_reach_transport() {
    let g = graph();
    let mut bad = Vec::new();
    for layer in ["db", "domain", "store", "error"] {
        bad.extend(g.imports(layer, &["http", "realtime", "app", "cli"]));
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn no_two_files_import_each_other_in_a_circle() {
    let g = graph();
    assert!(g.by_module.len() > 100, "the source tree was not found");
    let cycles = g.cycles();
    assert!(cycles.is_empty(), "import circles: {cycles:#?}");
}

#[test]
fn the_checker_sees_use_trees_and_inline_paths() {
    let code = strip(
        "use crate::a::{b as bee, c::{d, self}};\n// use crate::nope;\nlet s = \"crate::nope\";\n\
         fn f() { crate::e::g(); super::h::i(); }",
    );
    let mut found = paths(&code);
    found.sort();
    assert_eq!(
        found,
        [
            "crate::a::b",
            "crate::a::c",
            "crate::a::c::d",
            "crate::e::g",
            "super::h::i"
        ]
    );
}
