//! Rendering: the static site from the evaluation, through tera templates. Rendering never
//! decides compliance and never reads evidence files; it only shows what it is given.

mod data;
pub mod oscal;
mod view;
pub mod workbook;

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::i18n::t;
use crate::labels::{self, language_code};
use crate::model::Language;
use crate::sheet::{ServiceSheet, Sheet};
use crate::validate::Workspace;
use view::{LanguageLink, Page, ServiceCard, Tool};

/// The templates shipped in the binary; a file of the same name in the assessment's
/// `templates/` folder replaces one.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("index.html", include_str!("../templates/index.html")),
    ("service.html", include_str!("../templates/service.html")),
    ("style.css", include_str!("../templates/style.css")),
    ("print.css", include_str!("../templates/print.css")),
    ("history.html", include_str!("../templates/history.html")),
    ("diff.html", include_str!("../templates/diff.html")),
];

/// Where a rendered site goes, file by file as each is rendered: written out, hashed, or
/// kept, so that no output needs the whole site in memory.
pub trait Sink {
    /// Takes the file `path` (with `/`), whose SHA-256 is `sha256`.
    fn file(&mut self, path: &str, bytes: &[u8], sha256: &str) -> Result<(), Error>;
    /// Takes the file `path`, hashed once here for every sink down the line.
    fn put(&mut self, path: &str, bytes: &[u8]) -> Result<(), Error> {
        self.file(path, bytes, &crate::digest::sha256(bytes))
    }
    /// Whether it wants what each page's template saw (`build --context`).
    fn wants_contexts(&self) -> bool {
        false
    }
    /// Takes what the template of the page `path` saw.
    fn context(&mut self, _path: &str, _context: serde_json::Value) {}
    /// Whether it wants to know what each page is rendered from ([`Sink::again`],
    /// [`Sink::made_from`]), to take unchanged pages from a previous build.
    fn wants_recipes(&self) -> bool {
        false
    }
    /// Takes again, instead of new ones, the previous build's files `paths` if they were
    /// made from `recipe` and are unchanged since, all or none; whether it did.
    fn again(&mut self, _paths: &[&str], _recipe: &str) -> Result<bool, Error> {
        Ok(false)
    }
    /// Notes that the files `paths`, just taken, were made from `recipe`.
    fn made_from(&mut self, _paths: &[&str], _recipe: &str) {}
    /// Takes again the previous build's files `paths`, unchanged, all or none: their
    /// SHA-256s, in order, when it did.
    fn reuse(&mut self, _paths: &[&str]) -> Result<Option<Vec<String>>, Error> {
        Ok(None)
    }
}

/// A rendered site kept in memory: file contents by path, and what each page's template saw.
#[derive(Default)]
pub struct Site {
    pub files: BTreeMap<String, Vec<u8>>,
    pub contexts: BTreeMap<String, serde_json::Value>,
}

impl Sink for Site {
    fn file(&mut self, path: &str, bytes: &[u8], _sha256: &str) -> Result<(), Error> {
        self.files.insert(path.to_owned(), bytes.to_vec());
        Ok(())
    }

    fn wants_contexts(&self) -> bool {
        true
    }

    fn context(&mut self, path: &str, context: serde_json::Value) {
        self.contexts.insert(path.to_owned(), context);
    }
}

/// Where the pages of `language` live: the first language at the root, others in a folder.
fn prefix(language: Language, first: Language) -> String {
    if language == first {
        String::new()
    } else {
        format!("{}/", language_code(language))
    }
}

/// The print stylesheet of the page at `path`: `karada-note/index.print.css`. Each page has
/// its own, for its own running header.
fn print_css(path: &str) -> String {
    format!("{}.print.css", path.strip_suffix(".html").unwrap_or(path))
}

/// `../` once per folder in `path`.
fn up(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// The templates: the embedded ones, replaced file by file by the assessment's own.
fn engine(workspace: &Workspace) -> Result<tera::Tera, Error> {
    let mut templates: BTreeMap<&str, &str> = TEMPLATES.iter().copied().collect();
    for (path, file) in &workspace.templates {
        let name = path.rsplit('/').next().unwrap_or(path);
        templates.insert(name, &file.text);
    }
    let mut tera = tera::Tera::new();
    tera.register_filter("css_string", css_string);
    tera.add_raw_templates(templates)
        .map_err(|e| template_error(&workspace.root, &e))?;
    Ok(tera)
}

/// A text as a quoted CSS string.
fn css_string(text: &str, _: tera::Kwargs, _: &tera::State) -> String {
    let mut quoted = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                quoted.push('\\');
                quoted.push(c);
            }
            '\n' | '\r' => quoted.push(' '),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

fn template_error(root: &Path, error: &tera::Error) -> Error {
    Error::input(
        Diagnostic::new("template", t!("render.template", error = error))
            .in_file(crate::load::display(root, "templates"))
            .help(t!("render.template-help")),
    )
}

/// What a page is rendered from, besides the templates and the program: the template's
/// name and everything the template sees, as a SHA-256.
fn recipe(template: &str, page: &Page) -> String {
    let mut bytes = template.as_bytes().to_vec();
    bytes.push(0);
    serde_json::to_writer(&mut bytes, page).expect("views serialize");
    crate::digest::sha256(&bytes)
}

/// Renders `page` with `template`, and its print stylesheet beside it; or takes both again
/// from the previous build when they were rendered from the same.
fn render(
    tera: &tera::Tera,
    root: &Path,
    template: &str,
    page: &Page,
    site: &mut dyn Sink,
) -> Result<(), Error> {
    let css = print_css(&page.path);
    let paths = [page.path.as_str(), css.as_str()];
    let recipe = site.wants_recipes().then(|| recipe(template, page));
    if let Some(recipe) = &recipe
        && site.again(&paths, recipe)?
    {
        return Ok(());
    }
    let context = tera::Context::from_serialize(page).expect("views serialize");
    let html = tera
        .render(template, &context)
        .map_err(|e| template_error(root, &e))?;
    let print = tera
        .render("print.css", &context)
        .map_err(|e| template_error(root, &e))?;
    site.put(&css, print.as_bytes())?;
    site.put(&page.path, html.as_bytes())?;
    if let Some(recipe) = &recipe {
        site.made_from(&paths, recipe);
    }
    if site.wants_contexts() {
        site.context(
            &page.path,
            serde_json::to_value(page).expect("views serialize"),
        );
    }
    Ok(())
}

/// The pages of one language.
struct Pages<'a> {
    workspace: &'a Workspace,
    language: Language,
    first: Language,
    /// The folder of this language's pages: `""` or `"en/"`.
    base: String,
    /// Within it, the folder of an archived publication's sheets (`"history/<slug>/"`),
    /// or `""` for the current ones.
    archive: String,
}

impl<'a> Pages<'a> {
    /// The pages of the current site of `workspace`, in each of its languages.
    fn current(workspace: &'a Workspace) -> impl Iterator<Item = Pages<'a>> {
        let first = workspace.assessment.languages[0];
        workspace
            .assessment
            .languages
            .iter()
            .map(move |&language| Pages {
                workspace,
                language,
                first,
                base: prefix(language, first),
                archive: String::new(),
            })
    }

    /// Links to `page` (a path within a language's folder) in every language.
    fn switch(&self, page: &str) -> Vec<LanguageLink> {
        let here = up(&format!("{}{page}", self.base));
        self.workspace
            .assessment
            .languages
            .iter()
            .map(|&other| LanguageLink {
                code: language_code(other),
                name: labels::labels(other).language_name,
                href: format!("{here}{}{page}", prefix(other, self.first)),
                current: other == self.language,
            })
            .collect()
    }

    /// A page at `page` within this language's folder, without service data yet.
    fn page(&self, page: &str) -> Page<'a> {
        let path = format!("{}{page}", self.base);
        let logo = self
            .workspace
            .logo
            .as_ref()
            .map(|logo| format!("{}logo.{}", up(&path), logo.extension));
        let organization =
            view::organization(&self.workspace.assessment.organization, self.language);
        let t = labels::labels(self.language);
        Page {
            lang: language_code(self.language),
            content_lang: language_code(self.first),
            root: up(&path),
            home: format!("{}{}index.html", up(&path), self.base),
            history_href: format!("{}{}history/index.html", up(&path), self.base),
            t,
            print_header: format!("{} · {}", organization.name, t.checksheet),
            print_css: print_css(page.rsplit('/').next().unwrap_or(page)),
            languages: self.switch(page),
            path,
            tool: Tool {
                name: env!("CARGO_PKG_NAME"),
                version: env!("CARGO_PKG_VERSION"),
            },
            logo,
            organization,
            checklist: view::checklist(&self.workspace.checklist, self.language),
            services: Vec::new(),
            service: None,
            publications: Vec::new(),
            archived: None,
            previous: None,
            diff: None,
            inline_style: None,
        }
    }

    fn index(&self, sheet: &'a Sheet) -> Page<'a> {
        let mut index = self.page("index.html");
        for service in &sheet.services {
            let summary = view::summary(service, self.language);
            index.services.push(ServiceCard {
                id: &service.service.id,
                name: view::service_name(&service.service, self.language),
                href: format!("{}/index.html", service.service.id),
                as_of: service.as_of.to_string(),
                applicable: summary.applicable,
                done: summary.done,
                gaps: summary.gaps,
                incomplete: summary.incomplete,
            });
        }
        index
    }

    fn sheet(&self, service: &'a ServiceSheet) -> Page<'a> {
        let language = self.language;
        let id = &service.service.id;
        let mut sheet = self.page(&format!("{}{id}/index.html", self.archive));
        let data = format!("{}{}{id}/", up(&sheet.path), self.archive);
        let name = view::service_name(&service.service, language);
        let t = sheet.t;
        sheet.print_header = format!(
            "{} · {name} {} · {} {}",
            sheet.organization.name, t.checksheet, t.as_of, service.as_of
        );
        sheet.service = Some(view::ServiceView {
            id,
            name,
            url: service.service.url.as_deref(),
            as_of: service.as_of.to_string(),
            reviewed_by: service.reviewed_by.as_deref(),
            approved_by: service.approved_by.as_ref().map(|a| a.name.as_str()),
            approver_title: service
                .approved_by
                .as_ref()
                .and_then(|a| a.title.as_deref()),
            approved_on: service.approved_by.as_ref().map(|a| a.date.to_string()),
            next_review: service.next_review.map(|d| d.to_string()),
            summary: view::summary(service, language),
            facts: view::facts(service, language),
            sections: view::sections(service, language),
            json: format!("{data}checksheet.json"),
            csv: format!("{data}checksheet.csv"),
        });
        sheet
    }
}

/// A publication as the site lists it: what changed since the one before (`None` for the
/// first), the dates and services of its sheets. The sheets themselves are archived as the
/// publication is evaluated ([`archive`]), and not kept. A build remembers all but what
/// changed (see [`crate::made`]).
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Published {
    pub publication: crate::history::Publication,
    pub date: String,
    #[serde(skip)]
    pub diff: Option<crate::compare::Diff>,
    /// The `as-of` dates of its sheets, each once, in order.
    as_of: Vec<String>,
    /// The services it published, in order.
    services: Vec<crate::model::Service>,
}

impl Published {
    /// `publication`, published on `date` with the sheets of `sheet`.
    pub fn new(
        publication: crate::history::Publication,
        date: String,
        diff: Option<crate::compare::Diff>,
        sheet: &Sheet,
    ) -> Published {
        let mut as_of: Vec<String> = sheet.services.iter().map(|s| s.as_of.to_string()).collect();
        as_of.sort();
        as_of.dedup();
        Published {
            publication,
            date,
            diff,
            as_of,
            services: sheet.services.iter().map(|s| s.service.clone()).collect(),
        }
    }

    /// The `as-of` dates of its sheets, each once, in order.
    fn as_of(&self) -> Vec<String> {
        self.as_of.clone()
    }

    /// Links to its archived sheets from a page in a language's `history/` folder.
    fn sheets(&self, language: Language) -> Vec<view::SheetLink> {
        let slug = slug(&self.publication.tag);
        self.services
            .iter()
            .map(|s| view::SheetLink {
                name: view::service_name(s, language).to_owned(),
                href: format!("{slug}/{}/index.html", s.id),
            })
            .collect()
    }
}

/// The slug of a publication's page: `checksheet/2026-10-01` → `checksheet-2026-10-01`.
fn slug(tag: &str) -> String {
    tag.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// A comparison as a page that stands alone, in `language`.
pub fn diff_page(
    workspace: &Workspace,
    diff: &crate::compare::Diff,
    language: Language,
) -> Result<String, Error> {
    let tera = engine(workspace)?;
    let first = workspace.assessment.languages[0];
    let pages = Pages {
        workspace,
        language,
        first,
        base: String::new(),
        archive: String::new(),
    };
    let mut page = pages.page("diff.html");
    page.languages.clear();
    page.diff = Some(view::diff(diff, language));
    page.inline_style = Some(
        tera.render("style.css", &style_context(workspace))
            .map_err(|e| template_error(&workspace.root, &e))?,
    );
    let context = tera::Context::from_serialize(&page).expect("views serialize");
    tera.render("diff.html", &context)
        .map_err(|e| template_error(&workspace.root, &e))
}

/// Renders the site for `workspace` as evaluated in `sheet` into `site`, page by page: the
/// current sheets, linked to the last of `history`, with their data files; the history
/// pages are [`history`]'s.
pub fn site(
    workspace: &Workspace,
    sheet: &Sheet,
    history: &[Published],
    site: &mut dyn Sink,
) -> Result<(), Error> {
    let tera = engine(workspace)?;
    for pages in Pages::current(workspace) {
        render(
            &tera,
            &workspace.root,
            "index.html",
            &pages.index(sheet),
            site,
        )?;
        for service in &sheet.services {
            let mut page = pages.sheet(service);
            page.previous = previous(&page.path, &pages.base, history, &service.service.id);
            render(&tera, &workspace.root, "service.html", &page, site)?;
        }
    }
    let style = tera
        .render("style.css", &style_context(workspace))
        .map_err(|e| template_error(&workspace.root, &e))?;
    site.put("style.css", style.as_bytes())?;
    if let Some(logo) = &workspace.logo {
        site.put(&format!("logo.{}", logo.extension), &logo.bytes)?;
    }
    data_files("", sheet, site)
}

/// Renders the history pages of the site for `workspace`, in each of its languages: the
/// list of publications, and a page for each with what changed since the one before.
pub fn history(
    workspace: &Workspace,
    history: &[Published],
    site: &mut dyn Sink,
) -> Result<(), Error> {
    let tera = engine(workspace)?;
    for pages in Pages::current(workspace) {
        let language = pages.language;
        let mut list = pages.page("history/index.html");
        for published in history.iter().rev() {
            let slug = slug(&published.publication.tag);
            let mut page = pages.page(&format!("history/{slug}.html"));
            let diff = published.diff.as_ref().map(|d| view::diff(d, language));
            let publication = view::PublicationView {
                tag: published.publication.tag.clone(),
                date: published.date.clone(),
                message: published.publication.message.clone(),
                href: format!("{slug}.html"),
                changes: diff.as_ref().map_or_else(
                    || list.t.first_publication.to_owned(),
                    |d| d.summary.clone(),
                ),
                as_of: published.as_of(),
                sheets: published.sheets(language),
            };
            page.publications = vec![publication.clone()];
            list.publications.push(publication);
            page.diff = diff;
            render(&tera, &workspace.root, "diff.html", &page, site)?;
        }
        render(&tera, &workspace.root, "history.html", &list, site)?;
    }
    Ok(())
}

/// The last publication's sheet of the service `id`, linked from the page at `path`.
fn previous(path: &str, base: &str, history: &[Published], id: &str) -> Option<view::SheetLink> {
    let published = history.last()?;
    published
        .services
        .iter()
        .any(|s| s.id == id)
        .then(|| view::SheetLink {
            name: published.date.clone(),
            href: format!(
                "{}{base}history/{}/{id}/index.html",
                up(path),
                slug(&published.publication.tag)
            ),
        })
}

/// The sheets of a publication as they were published, rendered from its evaluation
/// (`workspace`, `old`) by the current templates under `history/<slug>/` in each language
/// of the current site (`current`: its settings are enough), with their data files.
pub fn archive(
    current: &Workspace,
    published: &Published,
    (workspace, old): (&Workspace, &Sheet),
    site: &mut dyn Sink,
) -> Result<(), Error> {
    let tera = engine(current)?;
    let first = current.assessment.languages[0];
    let slug = slug(&published.publication.tag);
    for &language in &current.assessment.languages {
        let base = prefix(language, first);
        let pages = Pages {
            workspace,
            language,
            first,
            base: base.clone(),
            archive: format!("history/{slug}/"),
        };
        for service in &old.services {
            let mut page = pages.sheet(service);
            // The site publishes the current logo only.
            page.logo = current
                .logo
                .as_ref()
                .map(|logo| format!("{}logo.{}", up(&page.path), logo.extension));
            let id = &service.service.id;
            let back = format!("{}{base}", up(&page.path));
            page.archived = Some(view::Archived {
                date: published.date.clone(),
                current: current
                    .assessment
                    .services
                    .iter()
                    .any(|s| &s.id == id)
                    .then(|| format!("{back}{id}/index.html")),
                changes: format!("{back}history/{slug}.html"),
            });
            render(&tera, &current.root, "service.html", &page, site)?;
        }
    }
    data_files(&format!("history/{slug}/"), old, site)
}

/// Each service's `checksheet.json` and `checksheet.csv` of `sheet`, in `<folder><id>/`.
fn data_files(folder: &str, sheet: &Sheet, site: &mut dyn Sink) -> Result<(), Error> {
    for service in &sheet.services {
        let id = &service.service.id;
        site.put(
            &format!("{folder}{id}/checksheet.json"),
            &data::json(sheet, service),
        )?;
        site.put(
            &format!("{folder}{id}/checksheet.csv"),
            &data::csv(sheet, service),
        )?;
    }
    Ok(())
}

/// What the stylesheet template sees: the organization's accent colour, if any.
fn style_context(workspace: &Workspace) -> tera::Context {
    let mut context = tera::Context::new();
    if let Some(accent) = crate::validate::look::accent_css(&workspace.assessment.organization) {
        context.insert("accent", &accent);
    }
    context
}

/// The repository files the site is built from, relative to the assessment folder.
pub fn inputs(workspace: &Workspace) -> Vec<String> {
    let mut inputs = vec![crate::load::ASSESSMENT_FILE.to_owned()];
    inputs.extend(
        workspace
            .assessment
            .services
            .iter()
            .map(|s| s.answers.clone()),
    );
    if workspace.lock_file.is_some() {
        inputs.push(crate::load::LOCK_FILE.to_owned());
    }
    inputs.extend(workspace.checklist_path.clone());
    inputs.extend(workspace.logo.as_ref().map(|logo| logo.path.clone()));
    inputs.extend(workspace.templates.iter().map(|(path, _)| path.clone()));
    inputs
}

/// `manifest.json`: the tool, the inputs' and every output's SHA-256 (`outputs`, by path),
/// and the source commit when there is one.
pub fn manifest(
    workspace: &Workspace,
    sheet: &Sheet,
    outputs: &BTreeMap<String, String>,
    commit: Option<&str>,
    history: &[Published],
) -> Vec<u8> {
    data::manifest(workspace, sheet, outputs, commit, history)
}
