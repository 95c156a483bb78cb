//! The command line: parses arguments, runs a command, prints, and picks the exit code.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::audit as revisions;

mod color;
mod files;
mod help;
mod mistakes;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::i18n::t;
use crate::{checklists, init, load, pipeline, render, report, validate};
use files::{build, evidence_list, evidence_lock};

// The help texts of the commands and options come from the catalogue (`cli.*` keys):
// see `help.rs`.
/// Assess, publish and audit compliance with the PHR basic guideline (基本的指針).
#[derive(Parser)]
#[command(name = "checksheet", version, about, max_term_width = 100)]
struct Cli {
    #[arg(short = 'C', global = true, value_name = "DIR")]
    directory: Option<PathBuf>,
    #[arg(long, global = true, value_enum, default_value_t = color::When::Auto)]
    color: color::When,
    #[arg(long, global = true, value_enum)]
    lang: Option<help::Lang>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Init(InitArgs),
    Check {
        #[arg(default_value = ".")]
        dir: PathBuf,
        #[arg(long)]
        service: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long)]
        strict: bool,
        #[arg(long, value_name = "REV")]
        since: Option<String>,
    },
    Build {
        #[arg(default_value = ".")]
        dir: PathBuf,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        context: bool,
        #[arg(long, value_name = "KEY")]
        sign: Option<PathBuf>,
        #[arg(long, value_name = "URL")]
        timestamp: Option<String>,
    },
    Diff {
        from: Option<String>,
        to: Option<String>,
        #[arg(long)]
        service: Option<String>,
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        #[arg(long)]
        exit_code: bool,
        #[arg(long)]
        internal: bool,
    },
    Log {
        #[arg(long)]
        service: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long, value_name = "FILE")]
        allowed_signers: Option<PathBuf>,
    },
    Verify {
        site: String,
        #[arg(long, value_name = "FILE")]
        allowed_signers: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        tsa_certs: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Whether `-C` named the repository to check the site against.
        #[arg(skip)]
        repository_asked: bool,
    },
    Publish {
        #[arg(long)]
        message: Option<String>,
        #[arg(long)]
        allow_incomplete: bool,
        #[arg(long, value_name = "KEY")]
        sign: Option<PathBuf>,
    },
    Evidence {
        #[command(subcommand)]
        command: EvidenceCommand,
    },
    Checklist {
        #[command(subcommand)]
        command: ChecklistCommand,
    },
    Partners {
        #[command(subcommand)]
        command: PartnersCommand,
    },
    Export {
        #[arg(default_value = ".")]
        dir: PathBuf,
        #[arg(long)]
        service: Option<String>,
        #[arg(long, value_enum)]
        format: ExportFormat,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        internal: bool,
    },
}

#[derive(clap::Args)]
struct InitArgs {
    #[arg(default_value = ".")]
    dir: PathBuf,
    #[arg(long, default_value = "phr-basic-guideline")]
    checklist: String,
    #[arg(long, default_value = "株式会社サンプル")]
    org: String,
    #[arg(long, default_value = "サービス名")]
    service: String,
    #[arg(long)]
    service_id: Option<String>,
    #[arg(long)]
    as_of: Option<jiff::civil::Date>,
    #[arg(long)]
    xlsx: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Xlsx,
    Yaml,
    OscalCatalog,
    OscalResults,
}

#[derive(Subcommand)]
enum EvidenceCommand {
    Lock {
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    List {
        #[arg(default_value = ".")]
        dir: PathBuf,
        #[arg(long)]
        service: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

#[derive(Subcommand)]
enum PartnersCommand {
    Check {
        #[arg(default_value = ".")]
        dir: PathBuf,
        #[arg(long, default_value = "1y", value_name = "AGE")]
        max_age: crate::partners::MaxAge,
        #[arg(long, value_name = "DATE")]
        on: Option<jiff::civil::Date>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

#[derive(Subcommand)]
enum ChecklistCommand {
    List {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    Show {
        checklist: String,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
        #[arg(long, value_enum)]
        basis: Option<BasisFilter>,
    },
}

/// `--basis`: how well a requirement's wording is verified.
#[derive(Clone, Copy, ValueEnum)]
enum BasisFilter {
    Seed,
    Src,
    Rec,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    Text,
    Markdown,
    Json,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum ShowFormat {
    Text,
    Json,
    Yaml,
}

/// What a command achieved, short of an error.
enum Outcome {
    /// Done; exit 0.
    Clean,
    /// Done, with error-level findings; exit 1.
    Findings,
}

/// Runs checksheet with `args` (the program name first) and returns the exit code:
/// 0 when all is well, 1 when there are error-level findings, 2 when the input is unusable.
pub fn run(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> ExitCode {
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    if let Some(language) =
        crate::i18n::choose(help::lang_option(&args), |name| std::env::var(name).ok())
    {
        crate::i18n::set(language);
    }
    let mut command = help::command();
    let parsed = command
        .try_get_matches_from_mut(&args)
        .and_then(|matches| <Cli as clap::FromArgMatches>::from_arg_matches(&matches));
    let mut cli = match parsed {
        Ok(cli) => cli,
        // The help and the version, or a mistake clap tells in English.
        Err(error)
            if !error.use_stderr()
                || error.kind()
                    == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
                || crate::i18n::language() == crate::i18n::Language::En =>
        {
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
        Err(error) => {
            let text = mistakes::japanese(&error, &mut command, &args);
            eprint!("{}", crate::terminal::visible(&text, color::stderr()));
            return ExitCode::from(2);
        }
    };
    cli.color.apply();
    let json = cli.command.wants_json();
    if let Command::Verify {
        repository_asked, ..
    } = &mut cli.command
    {
        *repository_asked = cli.directory.is_some();
    }
    if let Some(directory) = &cli.directory
        && let Err(error) = std::env::set_current_dir(directory)
    {
        return fail(&Error::io("io.change-folder", directory, error), json);
    }
    let mut stdout = std::io::stdout().lock();
    match execute(cli.command, &mut stdout) {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(error) => {
            let _ = stdout.flush();
            drop(stdout);
            fail(&error, json)
        }
    }
}

/// Reports `error` (also as JSON on standard output when the command was asked for JSON)
/// and returns exit code 2.
fn fail(error: &Error, json: bool) -> ExitCode {
    if json {
        let _ = print(&mut std::io::stdout(), &self::json(&error.to_json()));
    }
    let colour = color::stderr();
    eprint!(
        "{}",
        crate::terminal::visible(&error.render(colour), colour)
    );
    ExitCode::from(2)
}

/// A text report as a terminal may be given it: what anyone typed in it shown, not obeyed
/// (see [`crate::terminal`]).
fn visible(text: &str) -> String {
    crate::terminal::visible(text, false).into_owned()
}

impl Command {
    /// Whether the command was asked for JSON output.
    fn wants_json(&self) -> bool {
        matches!(
            self,
            Command::Check {
                format: Format::Json,
                ..
            } | Command::Log {
                format: Format::Json,
                ..
            } | Command::Verify {
                format: Format::Json,
                ..
            } | Command::Diff {
                format: DiffFormat::Json,
                ..
            } | Command::Partners {
                command: PartnersCommand::Check {
                    format: Format::Json,
                    ..
                }
            } | Command::Evidence {
                command: EvidenceCommand::List {
                    format: Format::Json,
                    ..
                }
            } | Command::Checklist {
                command: ChecklistCommand::List {
                    format: Format::Json
                } | ChecklistCommand::Show {
                    format: ShowFormat::Json,
                    ..
                }
            }
        )
    }
}

fn print(out: &mut impl std::io::Write, text: &str) -> Result<(), Error> {
    print_bytes(out, text.as_bytes())
}

/// Writes `bytes` to `out`: text, or a file written to standard output.
fn print_bytes(out: &mut impl std::io::Write, bytes: &[u8]) -> Result<(), Error> {
    match out.write_all(bytes).and_then(|()| out.flush()) {
        // A closed pipe (`checksheet check | head`) is not a failure.
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::io("io.stdout", "standard output", error))
        }
        _ => Ok(()),
    }
}

fn json<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("reports serialize to JSON");
    text.push('\n');
    text
}

fn execute(command: Command, out: &mut impl std::io::Write) -> Result<Outcome, Error> {
    match command {
        Command::Init(args) => init_command(args, out),
        Command::Check {
            dir,
            service,
            format,
            strict,
            since,
        } => check_command(
            &dir,
            service.as_deref(),
            (strict, since.as_deref()),
            format,
            out,
        ),
        Command::Build {
            dir,
            out: site,
            context,
            sign,
            timestamp,
        } => build(&dir, site.as_deref(), context, (sign, timestamp), out),
        Command::Diff {
            from,
            to,
            service,
            format,
            exit_code,
            internal,
        } => diff_command(
            (from.as_deref(), to.as_deref()),
            service.as_deref(),
            format,
            exit_code,
            internal,
            out,
        ),
        command @ Command::Log { .. } => log_command(command, out),
        Command::Verify {
            site,
            allowed_signers,
            tsa_certs,
            format,
            repository_asked,
        } => verify_command(
            &site,
            (allowed_signers, tsa_certs),
            repository_asked,
            format,
            out,
        ),
        command @ Command::Publish { .. } => publish_command(command, out),
        Command::Evidence { command } => match command {
            EvidenceCommand::Lock { dir } => evidence_lock(&dir, out),
            EvidenceCommand::List {
                dir,
                service,
                format,
            } => evidence_list(&dir, service.as_deref(), format, out),
        },
        Command::Checklist { command } => match command {
            ChecklistCommand::List { format } => checklist_list(format, out),
            ChecklistCommand::Show {
                checklist,
                format,
                basis,
            } => checklist_show(&checklist, format, basis, out),
        },
        Command::Partners {
            command:
                PartnersCommand::Check {
                    dir,
                    max_age,
                    on,
                    format,
                },
        } => partners_check(&dir, max_age, on.unwrap_or_else(today), format, out),
        Command::Export {
            dir,
            service,
            format,
            out: file,
            internal,
        } => export_command(
            &dir,
            service.as_deref(),
            format,
            (file.as_deref(), internal),
            out,
        ),
    }
}

/// `export`: the answers as a workbook or YAML, or OSCAL; to `file` (and `internal` parts).
fn export_command(
    dir: &Path,
    service: Option<&str>,
    format: ExportFormat,
    (file, internal): (Option<&Path>, bool),
    out: &mut impl std::io::Write,
) -> Result<Outcome, Error> {
    match format {
        ExportFormat::Xlsx | ExportFormat::Yaml => files::export(
            dir,
            service,
            matches!(format, ExportFormat::Xlsx),
            file,
            out,
        ),
        ExportFormat::OscalCatalog => {
            files::oscal(dir, &files::Oscal::Catalog, internal, file, out)
        }
        ExportFormat::OscalResults => {
            files::oscal(dir, &files::Oscal::Results(service), internal, file, out)
        }
    }
}

fn verify_command(
    site: &str,
    (allowed_signers, tsa_certs): (Option<PathBuf>, Option<PathBuf>),
    repository_asked: bool,
    format: Format,
    out: &mut impl std::io::Write,
) -> Result<Outcome, Error> {
    let allowed = allowed_signers
        .as_deref()
        .map(read_allowed_signers)
        .transpose()?;
    let authorities = tsa_certs
        .as_deref()
        .map(crate::timestamp::authorities)
        .transpose()?;
    // With -C, the site is also built anew from that repository; in an assessment folder,
    // when it is the site's own.
    let here = Path::new(".");
    let repository = if repository_asked {
        Some(crate::verify::Repository::Asked(here))
    } else {
        Path::new(crate::load::ASSESSMENT_FILE)
            .exists()
            .then_some(crate::verify::Repository::Here(here))
    };
    let verification =
        crate::verify::site(site, allowed.as_ref(), authorities.as_ref(), repository)?;
    let text = match format {
        Format::Text => visible(&crate::verify::text(&verification)),
        Format::Json => json(&serde_json::json!({
            "verified": verification.verified(),
            "verification": verification,
        })),
    };
    print(out, &text)?;
    Ok(if verification.verified() {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

/// Today in Japan, where the guideline's users are.
fn today() -> jiff::civil::Date {
    jiff::tz::Offset::constant(9)
        .to_datetime(jiff::Timestamp::now())
        .date()
}

fn partners_check(
    dir: &Path,
    max_age: crate::partners::MaxAge,
    today: jiff::civil::Date,
    format: Format,
    out: &mut impl std::io::Write,
) -> Result<Outcome, Error> {
    let snapshot = pipeline::working_tree(dir)?;
    let partners = &snapshot.workspace.assessment.partners;
    if partners.is_empty() {
        return Err(crate::partners::no_partners());
    }
    let reports = crate::partners::check(dir, partners, max_age, today)?;
    let text = match format {
        Format::Text => visible(&crate::partners::text(&reports, max_age, today)),
        Format::Json => json(&serde_json::json!({
            "checked": today.to_string(),
            "max-age": max_age.code(),
            "partners": reports,
        })),
    };
    print(out, &text)?;
    Ok(
        if reports.iter().all(crate::partners::PartnerReport::verified) {
            Outcome::Clean
        } else {
            Outcome::Findings
        },
    )
}

/// Reads an allowed signers file, warning on standard error of each line set aside.
fn read_allowed_signers(path: &Path) -> Result<crate::sign::AllowedSigners, Error> {
    let allowed = crate::sign::allowed_signers(path)?;
    for warning in allowed.warnings() {
        eprintln!("{}", visible(&warning));
    }
    Ok(allowed)
}

/// `log`: with `--allowed-signers` (or git's `gpg.ssh.allowedSignersFile`), each
/// publication's approver is named.
fn log_command(command: Command, out: &mut impl std::io::Write) -> Result<Outcome, Error> {
    let Command::Log {
        service,
        format,
        allowed_signers,
    } = command
    else {
        unreachable!("log_command is given `log`")
    };
    let service = service.as_deref();
    let allowed_signers = allowed_signers.as_deref();
    let allowed = crate::approval::signers_file(Path::new("."), allowed_signers)
        .map(|file| read_allowed_signers(&file))
        .transpose()?;
    let entries = revisions::log(Path::new("."), service, allowed.as_ref())?;
    let text = match format {
        Format::Text => visible(&report::log_text(&entries)),
        Format::Json => json(&entries),
    };
    print(out, &text)?;
    Ok(Outcome::Clean)
}

fn diff_command(
    (from, to): (Option<&str>, Option<&str>),
    service: Option<&str>,
    format: DiffFormat,
    exit_code: bool,
    internal: bool,
    out: &mut impl std::io::Write,
) -> Result<Outcome, Error> {
    let seen = if internal {
        revisions::Seen::Internal
    } else {
        revisions::Seen::Public
    };
    let (diff, newer) = revisions::diff(Path::new("."), from, to, service, seen)?;
    let text = match format {
        DiffFormat::Text => {
            crate::terminal::visible(&report::diff_text(&diff, color::stdout()), color::stdout())
                .into_owned()
        }
        DiffFormat::Markdown => report::diff_markdown(&diff),
        DiffFormat::Json => json(&serde_json::to_value(&diff).expect("diffs serialize")),
        DiffFormat::Html => render::diff_page(&newer.workspace, &diff, crate::i18n::language())?,
    };
    print(out, &text)?;
    Ok(if exit_code && diff.summary.total() > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// `publish`: exit 1, with every cause, when the sheet may not be published as it is.
fn publish_command(command: Command, out: &mut impl std::io::Write) -> Result<Outcome, Error> {
    let Command::Publish {
        message,
        allow_incomplete,
        sign,
    } = command
    else {
        unreachable!("publish_command is given `publish`")
    };
    let (message, sign) = (message.as_deref(), sign.as_deref());
    // The key is read first: a wrong passphrase tags nothing.
    let key = sign
        .map(|path| {
            crate::sign::read_key(
                path,
                std::env::var(crate::sign::PASSPHRASE_VAR).ok().as_deref(),
            )
        })
        .transpose()?;
    match revisions::publish(Path::new("."), message, allow_incomplete, key.as_ref())? {
        Ok(text) => {
            print(out, &visible(&text))?;
            Ok(Outcome::Clean)
        }
        Err(causes) => {
            let mut text = String::new();
            for cause in &causes {
                text.push_str(&cause.render(color::stderr()));
                text.push_str("\n\n");
            }
            let _ = writeln!(text, "{}", t!("publish.refused", count = causes.len()));
            eprint!("{text}");
            Ok(Outcome::Findings)
        }
    }
}

/// `init`.
fn init_command(args: InitArgs, out: &mut impl std::io::Write) -> Result<Outcome, Error> {
    // Said when the service id was made from the name.
    let derived_id = args.service_id.is_none();
    let options = &init::Options {
        service_id: args
            .service_id
            .unwrap_or_else(|| init::default_service_id(&args.service)),
        dir: args.dir,
        checklist: args.checklist,
        organization: args.org,
        service_name: args.service,
        as_of: args.as_of.unwrap_or_else(today),
        xlsx: args.xlsx,
    };
    init::check_dir(&options.dir)?;
    if !validate::is_id(&options.service_id) {
        return Err(Error::input(
            Diagnostic::new("invalid-id", t!("init.invalid-id", id = options.service_id))
                .help(t!("id.help")),
        ));
    }
    let created = init::run(options)?;
    let mut text = format!("{}\n", t!("init.created"));
    for name in &created {
        let _ = writeln!(text, "  {name}");
    }
    if derived_id && !options.service_name.is_ascii() {
        let _ = writeln!(
            text,
            "\n{}",
            t!(
                "init.derived-id",
                name = options.service_name,
                id = options.service_id
            )
        );
    }
    let dir = options.dir.display().to_string();
    let _ = writeln!(
        text,
        "\n{}\n  1. {}\n  2. {}\n  3. {}",
        t!("init.next"),
        if options.xlsx {
            t!("init.next-fill-workbook", answers = created[1])
        } else {
            t!("init.next-fill", answers = created[1])
        },
        t!("init.next-check", dir = dir),
        t!(
            "init.next-build",
            dir = dir,
            site = crate::load::display(&options.dir, "site/")
        )
    );
    print(out, &text)?;
    Ok(Outcome::Clean)
}

/// `check`; `strict` makes warnings errors, `since` compares with a revision.
fn check_command(
    dir: &Path,
    service: Option<&str>,
    (strict, since): (bool, Option<&str>),
    format: Format,
    out: &mut impl std::io::Write,
) -> Result<Outcome, Error> {
    let mut snapshot = pipeline::working_tree(dir)?;
    pipeline::known_service(snapshot.sheet.service_ids(), service)?;
    if let Some(revision) = since {
        revisions::regressions(dir, revision, &mut snapshot)?;
    }
    let mut sheet = snapshot.sheet;
    sheet.only(service);
    if strict {
        sheet.strict();
    }
    let text = match format {
        // A sheet is published at the earliest today.
        Format::Text => visible(&report::check_text(&sheet, Some(today()))),
        Format::Json => json(&report::check_json(&sheet)),
    };
    print(out, &text)?;
    Ok(if sheet.errors() > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

fn checklist_list(format: Format, out: &mut impl std::io::Write) -> Result<Outcome, Error> {
    let mut all = Vec::new();
    for bundled in checklists::BUNDLED {
        all.push(pipeline::named_checklist(&bundled.reference())?.1);
    }
    let text = match format {
        Format::Text => visible(&report::checklist_list_text(&all)),
        Format::Json => json(
            &all.iter()
                .map(|c| {
                    serde_json::json!({
                        "id": c.id,
                        "edition": c.edition,
                        "title": c.title,
                        "requirements": c.requirements().count(),
                        "facts": c.facts.len(),
                    })
                })
                .collect::<Vec<_>>(),
        ),
    };
    print(out, &text)?;
    Ok(Outcome::Clean)
}

fn checklist_show(
    reference: &str,
    format: ShowFormat,
    basis: Option<BasisFilter>,
    out: &mut impl std::io::Write,
) -> Result<Outcome, Error> {
    let (_, mut checklist) = pipeline::named_checklist(reference)?;
    if let Some(basis) = basis {
        let basis = match basis {
            BasisFilter::Seed => crate::model::Basis::Seed,
            BasisFilter::Src => crate::model::Basis::Src,
            BasisFilter::Rec => crate::model::Basis::Rec,
        };
        for section in &mut checklist.sections {
            section.requirements.retain(|r| r.basis == basis);
        }
        checklist.sections.retain(|s| !s.requirements.is_empty());
    }
    let text = match format {
        ShowFormat::Text => visible(&report::checklist_text(&checklist)),
        ShowFormat::Json => json(&checklist),
        ShowFormat::Yaml => load::to_string(&checklist),
    };
    print(out, &text)?;
    Ok(Outcome::Clean)
}
