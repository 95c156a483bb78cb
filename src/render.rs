//! Rendering: the static site from the evaluation, through tera templates. Rendering never
//! decides compliance and never reads evidence files; it only shows what it is given.

mod data;
mod labels;
mod view;

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::evaluate::Evaluation;
use crate::model::Language;
use crate::validate::Workspace;
use labels::language_code;
use view::{LanguageLink, Page, ServiceCard, Tool};

/// The templates shipped in the binary; a file of the same name in the assessment's
/// `templates/` folder replaces one.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("index.html", include_str!("../templates/index.html")),
    ("service.html", include_str!("../templates/service.html")),
    ("style.css", include_str!("../templates/style.css")),
];

/// A rendered site: file contents by path, and what each page's template saw.
pub struct Site {
    pub files: BTreeMap<String, Vec<u8>>,
    pub contexts: BTreeMap<String, serde_json::Value>,
}

/// Where the pages of `language` live: the first language at the root, others in a folder.
fn prefix(language: Language, first: Language) -> String {
    if language == first {
        String::new()
    } else {
        format!("{}/", language_code(language))
    }
}

/// `../` once per folder in `path`.
fn up(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// Loads the templates: the embedded ones, replaced file by file from `root/templates/`.
fn engine(root: &Path) -> Result<tera::Tera, Error> {
    let mut templates: BTreeMap<String, String> = TEMPLATES
        .iter()
        .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
        .collect();
    let dir = root.join("templates");
    if dir.is_dir() {
        let entries = std::fs::read_dir(&dir).map_err(|e| Error::io("read", &dir, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io("read", &dir, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.path().is_file() && (name.ends_with(".html") || name.ends_with(".css")) {
                let shown = crate::load::display(root, &format!("templates/{name}"));
                let source =
                    crate::load::read_source(&entry.path(), &shown).map_err(Error::input)?;
                templates.insert(name, source.text);
            }
        }
    }
    let mut tera = tera::Tera::new();
    tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| template_error(root, &e))?;
    Ok(tera)
}

fn template_error(root: &Path, error: &tera::Error) -> Error {
    Error::input(
        Diagnostic::new("template", format!("a template cannot be used: {error}"))
            .in_file(crate::load::display(root, "templates"))
            .help("fix the template in `templates/`, or remove it to use the built-in one"),
    )
}

fn render(
    tera: &tera::Tera,
    root: &Path,
    template: &str,
    page: &Page,
) -> Result<(String, serde_json::Value), Error> {
    let value = serde_json::to_value(page).expect("views serialize");
    let context = tera::Context::from_serialize(page).expect("views serialize");
    let html = tera
        .render(template, &context)
        .map_err(|e| template_error(root, &e))?;
    Ok((html, value))
}

/// Renders the site for `workspace` as evaluated in `evaluation`.
pub fn site(workspace: &Workspace, evaluation: &Evaluation) -> Result<Site, Error> {
    let tera = engine(&workspace.root)?;
    let languages = &workspace.assessment.languages;
    let first = languages[0];
    let mut files = BTreeMap::new();
    let mut contexts = BTreeMap::new();
    for &language in languages {
        let base = prefix(language, first);
        let switch = |page: &str| -> Vec<LanguageLink> {
            languages
                .iter()
                .map(|&other| LanguageLink {
                    code: language_code(other),
                    name: labels::labels(other).language_name,
                    href: format!(
                        "{}{}{page}",
                        up(&format!("{base}{page}")),
                        prefix(other, first)
                    ),
                    current: other == language,
                })
                .collect()
        };
        let page = |path: String, languages: Vec<LanguageLink>| Page {
            lang: language_code(language),
            content_lang: language_code(first),
            root: up(&path),
            home: format!("{}{base}index.html", up(&path)),
            path,
            t: labels::labels(language),
            languages,
            tool: Tool {
                name: env!("CARGO_PKG_NAME"),
                version: env!("CARGO_PKG_VERSION"),
            },
            organization: view::organization(&workspace.assessment.organization, language),
            checklist: view::checklist(&workspace.checklist, language),
            services: Vec::new(),
            service: None,
        };

        let mut index = page(format!("{base}index.html"), switch("index.html"));
        for (service, result) in workspace.services.iter().zip(&evaluation.services) {
            let summary = view::summary(result, language);
            index.services.push(ServiceCard {
                id: &service.service.id,
                name: view::service_name(&service.service, language),
                href: format!("{}/index.html", service.service.id),
                as_of: result.as_of.to_string(),
                applicable: summary.applicable,
                done: summary.done,
                gaps: summary.gaps,
            });
        }
        let (html, context) = render(&tera, &workspace.root, "index.html", &index)?;
        files.insert(index.path.clone(), html.into_bytes());
        contexts.insert(index.path.clone(), context);

        for (service, result) in workspace.services.iter().zip(&evaluation.services) {
            let id = &service.service.id;
            let own = format!("{id}/index.html");
            let mut sheet = page(format!("{base}{own}"), switch(&own));
            let data = format!("{}{id}/", up(&sheet.path));
            sheet.service = Some(view::ServiceView {
                id,
                name: view::service_name(&service.service, language),
                url: service.service.url.as_deref().and_then(view::web_address),
                as_of: result.as_of.to_string(),
                reviewed_by: service.answers.reviewed_by.as_deref(),
                summary: view::summary(result, language),
                facts: view::facts(&workspace.checklist, &service.answers, language),
                sections: view::sections(&workspace.checklist, &service.answers, result, language),
                json: format!("{data}checksheet.json"),
                csv: format!("{data}checksheet.csv"),
            });
            let (html, context) = render(&tera, &workspace.root, "service.html", &sheet)?;
            files.insert(sheet.path.clone(), html.into_bytes());
            contexts.insert(sheet.path.clone(), context);
        }
    }
    let style = tera
        .render("style.css", &tera::Context::new())
        .map_err(|e| template_error(&workspace.root, &e))?;
    files.insert("style.css".to_owned(), style.into_bytes());
    for (service, result) in workspace.services.iter().zip(&evaluation.services) {
        let id = &service.service.id;
        files.insert(
            format!("{id}/checksheet.json"),
            data::json(workspace, service, result),
        );
        files.insert(
            format!("{id}/checksheet.csv"),
            data::csv(workspace, service, result),
        );
    }
    Ok(Site { files, contexts })
}

/// The repository files the site is built from, relative to the assessment folder.
pub fn inputs(workspace: &Workspace) -> Vec<String> {
    let mut inputs = vec![crate::load::ASSESSMENT_FILE.to_owned()];
    inputs.extend(workspace.services.iter().map(|s| s.service.answers.clone()));
    if workspace.lock_file.is_some() {
        inputs.push(crate::load::LOCK_FILE.to_owned());
    }
    if crate::load::is_inside(&workspace.assessment.checklist)
        && workspace
            .root
            .join(&workspace.assessment.checklist)
            .is_file()
    {
        inputs.push(workspace.assessment.checklist.clone());
    }
    if let Ok(entries) = std::fs::read_dir(workspace.root.join("templates")) {
        let mut templates: Vec<String> = entries
            .filter_map(Result::ok)
            .map(|e| format!("templates/{}", e.file_name().to_string_lossy()))
            .collect();
        templates.sort();
        inputs.extend(templates);
    }
    inputs
}

/// `manifest.json`: the tool, the inputs' and every output's SHA-256, and the source commit
/// when there is one.
pub fn manifest(workspace: &Workspace, site: &Site, commit: Option<&str>) -> Vec<u8> {
    data::manifest(workspace, &site.files, commit)
}
