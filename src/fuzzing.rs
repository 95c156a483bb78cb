//! Entry points for the fuzz targets (`fuzz/`) and for the test that replays their corpus:
//! each takes arbitrary bytes as one input file, in the place of that file in the bundled
//! sample assessment, and runs on it what `check` and `build` run, from reading the files to
//! the pages and their messages. None may panic, hang or run out of memory, whatever the
//! bytes; where an output must never hold something (active content in a page), it asserts
//! so.

mod shaped;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::load::{Files, Refusal};

/// An assessment folder in memory: file contents by path with `/`.
struct Memory {
    files: BTreeMap<String, Vec<u8>>,
}

impl Files for Memory {
    fn read(&self, path: &str, limit: u64, _confined: bool) -> Result<Option<Vec<u8>>, Refusal> {
        let path = path.trim_start_matches("./");
        match self.files.get(path) {
            Some(bytes) if bytes.len() as u64 > limit => Err(Refusal::TooLarge(bytes.len() as u64)),
            Some(bytes) => Ok(Some(bytes.clone())),
            None if self
                .files
                .keys()
                .any(|name| name.starts_with(&format!("{path}/"))) =>
            {
                Err(Refusal::NotAFile)
            }
            None => Ok(None),
        }
    }

    fn name(&self, path: &str) -> String {
        path.to_owned()
    }

    fn list(&self, dir: &str) -> Vec<String> {
        let prefix = format!("{}/", dir.trim_end_matches('/'));
        self.files
            .keys()
            .filter_map(|name| name.strip_prefix(&prefix))
            .filter(|rest| !rest.contains('/'))
            .map(str::to_owned)
            .collect()
    }

    fn folders(&self, dir: &str) -> Vec<String> {
        let prefix = match dir.trim_end_matches('/') {
            "" => String::new(),
            dir => format!("{dir}/"),
        };
        let mut names: Vec<String> = self
            .files
            .keys()
            .filter_map(|name| name.strip_prefix(&prefix))
            .filter_map(|rest| rest.split_once('/').map(|(folder, _)| folder.to_owned()))
            .collect();
        names.sort();
        names.dedup();
        names
    }
}

/// The folder of the bundled sample assessment.
fn sample_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sample-phr")
}

/// The files of the bundled sample assessment, read once.
fn sample() -> &'static BTreeMap<String, Vec<u8>> {
    static SAMPLE: OnceLock<BTreeMap<String, Vec<u8>>> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let root = sample_folder();
        crate::write::files_under(&root)
            .expect("the sample assessment is readable")
            .into_iter()
            .map(|name| {
                let bytes = std::fs::read(root.join(&name)).expect("a sample file is readable");
                (name, bytes)
            })
            .collect()
    })
}

/// Reads, checks and evaluates the assessment `files`, reports on it as `check` does and
/// renders its site as `build` does; an unusable one, its messages.
fn run(files: BTreeMap<String, Vec<u8>>) {
    let root = sample_folder();
    let snapshot = crate::load::from(&root, Box::new(Memory { files }))
        .and_then(|loaded| crate::pipeline::open("fuzz", loaded));
    let snapshot = match snapshot {
        Ok(snapshot) => snapshot,
        Err(error) => {
            let _ = error.render(false);
            return;
        }
    };
    let _ = crate::report::check_text(&snapshot.sheet, None);
    let _ = crate::report::check_json(&snapshot.sheet);
    let mut site = crate::render::Site::default();
    let rendered = crate::render::site(&snapshot.workspace, &snapshot.sheet, &[], &mut site)
        .and_then(|()| crate::render::history(&snapshot.workspace, &[], &mut site));
    if let Err(error) = rendered {
        let _ = error.render(false);
        return;
    }
    for (path, bytes) in &site.files {
        if path.ends_with(".html") {
            let html = String::from_utf8_lossy(bytes);
            let found = active_content(&html);
            assert!(found.is_none(), "{path} holds active content: {found:?}");
        }
    }
}

/// The sample with `bytes` as its file `name`.
fn with(name: &str, bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut files = sample().clone();
    files.insert(name.to_owned(), bytes.to_vec());
    files
}

/// An answers file (YAML).
pub fn answers(bytes: &[u8]) {
    run(with("answers/karada-note.yaml", bytes));
}

/// An answers workbook (xlsx).
pub fn workbook(bytes: &[u8]) {
    run(with("answers/sukoyaka-pocket.xlsx", bytes));
}

/// The sample's answers workbook with the changes `bytes` describes: cells anywhere, long
/// texts, many shared strings, merged ranges, a declared dimension (see [`shaped`]).
pub fn workbook_shaped(bytes: &[u8]) {
    const NAME: &str = "answers/sukoyaka-pocket.xlsx";
    let original = &sample()[NAME];
    if let Some(workbook) = shaped::workbook(original, bytes) {
        run(with(NAME, &workbook));
    }
}

/// `checksheet.yaml`.
pub fn settings(bytes: &[u8]) {
    run(with(crate::load::ASSESSMENT_FILE, bytes));
}

/// `checksheet.lock`.
pub fn lock(bytes: &[u8]) {
    run(with(crate::load::LOCK_FILE, bytes));
}

/// A checklist of the assessment's own, named by its path in `checksheet.yaml`.
pub fn checklist(bytes: &[u8]) {
    let mut files = with("checklists/own.yaml", bytes);
    let settings = files
        .get_mut(crate::load::ASSESSMENT_FILE)
        .expect("the sample has settings");
    let text = String::from_utf8_lossy(settings).replacen(
        "checklist: phr-basic-guideline@2021-04",
        "checklist: checklists/own.yaml",
        1,
    );
    *settings = text.into_bytes();
    run(files);
}

/// Markdown as an explanation is published: the HTML may hold no active content.
pub fn markdown(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let html = crate::markdown::to_html(&text);
    let found = active_content(&html);
    assert!(found.is_none(), "active content {found:?} in {html}");
    let _ = crate::markdown::to_text(&text);
}

/// A git revision whose tree holds the sample with the entries `bytes` describes (see
/// [`crate::history::fuzzed_repository`]) over it, compared with the sample's revision by
/// `diff`, listed by `log` and built with its publication history as `build` does.
pub fn tree(bytes: &[u8]) {
    let Ok(folder) = tempfile::tempdir() else {
        return;
    };
    let dir = folder.path();
    if !crate::history::fuzzed_repository(dir, bytes, sample()) {
        return;
    }
    // The working tree holds the sample, as a clone of the first commit would.
    for (name, contents) in sample() {
        let path = dir.join(name);
        if path
            .parent()
            .is_some_and(|p| std::fs::create_dir_all(p).is_err())
            || std::fs::write(&path, contents).is_err()
        {
            return;
        }
    }
    match crate::audit::diff(
        dir,
        Some("HEAD~1"),
        Some("HEAD"),
        None,
        crate::audit::Seen::Internal,
    ) {
        Ok((diff, _)) => {
            let _ = crate::report::diff_text(&diff, false);
        }
        Err(error) => {
            let _ = error.render(false);
        }
    }
    if let Err(error) = crate::audit::log(dir, None, None) {
        let _ = error.render(false);
    }
}

/// The first piece of active content in `html`, as a browser would read it: an element that
/// runs or embeds something (`script`, `iframe`, `object`, `embed`, `form`, `base`, `svg`,
/// `math`, a refreshing `meta`), an event handler attribute (`on…`), or an address in
/// `href`, `src`, `action`, `formaction` or `srcset` whose scheme is not http, https or
/// mailto once its character references are read.
#[must_use]
pub fn active_content(html: &str) -> Option<String> {
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        rest = &rest[name.len()..];
        if matches!(
            name.as_str(),
            "script" | "iframe" | "object" | "embed" | "form" | "base" | "svg" | "math" | "frame"
        ) {
            return Some(format!("<{name}>"));
        }
        // The attributes, up to the end of the tag.
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
            if rest.is_empty() || rest.starts_with('>') {
                break;
            }
            let end = rest
                .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>' || c == '/')
                .unwrap_or(rest.len())
                .max(1);
            let attribute = rest[..end].to_ascii_lowercase();
            rest = rest[end..].trim_start();
            let mut value = String::new();
            if let Some(after) = rest.strip_prefix('=') {
                let after = after.trim_start();
                let (quoted, remainder) = if let Some(quote @ ('"' | '\'')) = after.chars().next() {
                    let body = &after[1..];
                    let close = body.find(quote).unwrap_or(body.len());
                    (&body[..close], body.get(close + 1..).unwrap_or(""))
                } else {
                    let close = after
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .unwrap_or(after.len());
                    (&after[..close], &after[close..])
                };
                quoted.clone_into(&mut value);
                rest = remainder;
            }
            if attribute.starts_with("on") {
                return Some(format!("<{name} {attribute}>"));
            }
            if name == "meta" && attribute == "http-equiv" && value.eq_ignore_ascii_case("refresh")
            {
                return Some("<meta http-equiv=refresh>".to_owned());
            }
            if matches!(
                attribute.as_str(),
                "href" | "src" | "action" | "formaction" | "srcset"
            ) && !safe_address(&read_references(&value))
            {
                return Some(format!("<{name} {attribute}={value}>"));
            }
        }
    }
    None
}

/// Whether an address is relative, or absolute with the scheme http, https or mailto.
fn safe_address(address: &str) -> bool {
    let address: String = address
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect::<String>()
        .to_ascii_lowercase();
    match address.find(':') {
        None => true,
        Some(colon) if address[..colon].contains(['/', '?', '#']) => true,
        Some(colon) => matches!(&address[..colon], "http" | "https" | "mailto"),
    }
}

/// `value` with its character references (`&#58;`, `&#x3a;`, `&colon;`, `&amp;`…) read as
/// a browser reads them.
fn read_references(value: &str) -> String {
    let mut read = String::new();
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        read.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        let end = rest
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
            .unwrap_or(rest.len());
        let reference = &rest[..end];
        let character = if let Some(number) = reference
            .strip_prefix("#x")
            .or(reference.strip_prefix("#X"))
        {
            u32::from_str_radix(number, 16)
                .ok()
                .and_then(char::from_u32)
        } else if let Some(number) = reference.strip_prefix('#') {
            number.parse().ok().and_then(char::from_u32)
        } else {
            match reference.to_ascii_lowercase().as_str() {
                "colon" => Some(':'),
                "amp" => Some('&'),
                "tab" => Some('\t'),
                "newline" => Some('\n'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => None,
            }
        };
        match character {
            Some(character) => {
                read.push(character);
                rest = rest[end..].strip_prefix(';').unwrap_or(&rest[end..]);
            }
            None => read.push('&'),
        }
    }
    read.push_str(rest);
    read
}
