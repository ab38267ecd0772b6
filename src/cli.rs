//! The command line: `briefdesk [--workspace DIR] [check|list|new|fmt|export|digest|…]`.
//!
//! Every failure is one line naming what failed and which file, and a non-zero exit code.

/// `println!` that returns the write error instead of panicking: "briefdesk analyze … | head"
/// closes the pipe early, and that is not a failure.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout(), $($arg)*)?
    }};
}

use crate::layout::{LayoutOptions, Paper};
use crate::model::{
    Clock, Severity, is_silenceable, silenced_count, template::Template, validate, validate_in,
};
use crate::storage::{self, Workspace, locate::locate};
use crate::system::SystemClock;
use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Briefdesk: compose sourced briefing notes from article summaries, offline.
#[derive(Debug, Parser)]
#[command(name = "briefdesk", version, about)]
pub struct Cli {
    /// The workspace folder holding briefs (*.ron) and articles/.
    #[arg(long, short = 'w', global = true, default_value = "briefs")]
    pub workspace: PathBuf,

    /// Open the app, save a PNG of its window to this file once drawn, and exit.
    #[arg(long, value_name = "PNG")]
    pub screenshot: Option<PathBuf>,

    /// The view the app opens on: editor, positions, next-steps, matrix, timeline or preview.
    #[arg(long, default_value = "editor", value_parser = parse_view)]
    pub view: crate::app::View,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load and validate briefs; print problems as file:line:col: message.
    Check {
        /// Brief files or folders (default: the workspace).
        paths: Vec<PathBuf>,
        /// List every check with its code and whether a brief may silence it, then exit.
        #[arg(long)]
        codes: bool,
    },
    /// List the workspace's briefs.
    List,
    /// Rewrite brief files in canonical form (as the app saves them), keeping a backup.
    Fmt {
        /// Brief files or folders (default: the workspace).
        paths: Vec<PathBuf>,
    },
    /// Export a brief as a PDF briefing note, or as Markdown for mail and chat.
    Export {
        /// The brief file (.ron).
        brief: PathBuf,
        /// Where to write (default: beside the brief, with a .pdf or .md extension).
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        /// Paper size: a4 or letter (PDF only).
        #[arg(long, default_value = "a4", value_parser = parse_paper)]
        paper: Paper,
        /// pdf, or md for GitHub-flavoured Markdown.
        #[arg(long, default_value = "pdf", value_parser = parse_format)]
        format: Format,
    },
    /// Put several briefs in one PDF behind a cover page with the highest marking and contents.
    Digest {
        /// The brief files (.ron), in the order they appear.
        #[arg(required = true)]
        briefs: Vec<PathBuf>,
        /// Where to write the PDF.
        #[arg(long, short = 'o', required = true)]
        output: PathBuf,
        /// Paper size: a4 or letter.
        #[arg(long, default_value = "a4", value_parser = parse_paper)]
        paper: Paper,
        /// The cover's title (default: "Digest of N briefs").
        #[arg(long)]
        title: Option<String>,
    },
    /// Import article files (text, Markdown, HTML, RSS/Atom) into the workspace's articles/.
    Import {
        /// Article files; a feed gives one article per item.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Propose actors, quotes, positions and next steps found in one article.
    Analyze {
        /// The article file (text, Markdown, HTML, or a feed: its first item).
        article: PathBuf,
        /// Print one JSON object instead of a readable report.
        #[arg(long)]
        json: bool,
    },
    /// Create a new brief pre-filled with suggestions from articles (all marked suggested).
    Draft {
        /// Article files.
        #[arg(required = true)]
        articles: Vec<PathBuf>,
        /// Where to write the brief (default: a new file in the workspace).
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
    },
    /// Create a new brief file in the workspace from a template.
    New {
        /// The brief's title.
        #[arg(long)]
        title: String,
        /// information, decision, situation-update or meeting.
        #[arg(long, default_value = "information", value_parser = parse_template)]
        template: Template,
        /// Registry reference (default: the next free BN-YYYY-NNNN).
        #[arg(long)]
        reference: Option<String>,
    },
}

fn parse_view(name: &str) -> Result<crate::app::View, String> {
    use crate::app::View;
    match name {
        "editor" => Ok(View::Editor),
        "positions" => Ok(View::Positions),
        "next-steps" => Ok(View::NextSteps),
        "matrix" => Ok(View::Matrix),
        "timeline" => Ok(View::Timeline),
        "preview" => Ok(View::Preview),
        _ => Err(format!(
            "unknown view `{name}` (choose editor, positions, next-steps, matrix, timeline or preview)"
        )),
    }
}

fn parse_paper(name: &str) -> Result<Paper, String> {
    match name.to_ascii_lowercase().as_str() {
        "a4" => Ok(Paper::A4),
        "letter" | "us-letter" => Ok(Paper::Letter),
        _ => Err(format!("unknown paper size `{name}` (choose a4 or letter)")),
    }
}

/// What `export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Markdown,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Markdown => "md",
        }
    }
}

fn parse_format(name: &str) -> Result<Format, String> {
    match name.to_ascii_lowercase().as_str() {
        "pdf" => Ok(Format::Pdf),
        "md" | "markdown" => Ok(Format::Markdown),
        _ => Err(format!("unknown format `{name}` (choose pdf or md)")),
    }
}

fn parse_template(slug: &str) -> Result<Template, String> {
    Template::from_slug(slug).ok_or_else(|| {
        let names: Vec<&str> = Template::ALL.iter().map(|t| t.slug()).collect();
        format!(
            "unknown template `{slug}` (choose from: {})",
            names.join(", ")
        )
    })
}

/// Runs the parsed command line; the caller prints the error.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        None => {
            crate::app::run(cli.workspace, cli.screenshot, cli.view)
                .map_err(|err| anyhow::anyhow!("cannot open the desktop app: {err}"))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check { codes: true, .. }) => list_checks(),
        Some(Command::Check { paths, .. }) => check(&or_workspace(paths, cli.workspace)),
        Some(Command::List) => list(&cli.workspace),
        Some(Command::Export {
            brief,
            output,
            paper,
            format,
        }) => export(&brief, output, paper, format),
        Some(Command::Digest {
            briefs,
            output,
            paper,
            title,
        }) => digest(&briefs, &output, paper, title.as_deref()),
        Some(Command::Fmt { paths }) => fmt(&or_workspace(paths, cli.workspace)),
        Some(Command::Import { files }) => import(&cli.workspace, &files),
        Some(Command::Analyze { article, json }) => analyze(&article, json),
        Some(Command::Draft { articles, output }) => draft(&cli.workspace, &articles, output),
        Some(Command::New {
            title,
            template,
            reference,
        }) => new_brief(&cli.workspace, &title, template, reference),
    }
}

/// The paths given on the command line, or the workspace when none were.
fn or_workspace(paths: Vec<PathBuf>, workspace: PathBuf) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![workspace]
    } else {
        paths
    }
}

fn open_workspace(root: &Path) -> Result<Workspace> {
    Workspace::open(root).with_context(|| format!("cannot open workspace {}", root.display()))
}

fn brief_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            files.extend(
                open_workspace(path)?
                    .brief_paths()
                    .with_context(|| format!("cannot list {}", path.display()))?,
            );
        } else if path.exists() {
            files.push(path.clone());
        } else {
            bail!("{}: no such file or folder", path.display());
        }
    }
    Ok(files)
}

fn fmt(paths: &[PathBuf]) -> Result<ExitCode> {
    let mut failed = false;
    for file in brief_files(paths)? {
        let result = storage::load(&file)
            .map_err(anyhow::Error::from)
            .and_then(|loaded| {
                storage::save(&file, &loaded.brief, loaded.fingerprint.as_ref())?;
                Ok(())
            });
        if let Err(err) = result {
            failed = true;
            outln!("{err:#}");
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn list_checks() -> Result<ExitCode> {
    for (code, meaning) in crate::model::CHECKS {
        let note = if is_silenceable(code) {
            ""
        } else {
            "  (cannot be silenced)"
        };
        outln!("{code}  {meaning}{note}");
    }
    outln!(
        "Silence a check for one brief by adding its code to `silenced_checks: [..]`, or in the app's problems list."
    );
    Ok(ExitCode::SUCCESS)
}

fn check(paths: &[PathBuf]) -> Result<ExitCode> {
    let files = brief_files(paths)?;
    let (mut errors, mut warnings, mut silenced) = (0, 0, 0);
    for file in &files {
        match storage::load(file) {
            Err(err) => {
                errors += 1;
                outln!("{err}");
            }
            Ok(loaded) => {
                let context = crate::layout::check_context(&loaded.brief, &Default::default());
                silenced += silenced_count(&loaded.brief, &context);
                for diag in validate_in(&loaded.brief, &context) {
                    let level = match diag.severity {
                        Severity::Error => {
                            errors += 1;
                            "error"
                        }
                        Severity::Warning => {
                            warnings += 1;
                            "warning"
                        }
                    };
                    let place = match locate(&loaded.text, &format!("brief.{}", diag.path)) {
                        Some((line, col)) => format!("{}:{line}:{col}", file.display()),
                        None => file.display().to_string(),
                    };
                    outln!(
                        "{place}: {level}[{}]: {} ({})",
                        diag.code,
                        diag.message,
                        diag.path
                    );
                }
            }
        }
    }
    outln!(
        "checked {} brief{}: {errors} error{}, {warnings} warning{}{}",
        files.len(),
        plural(files.len()),
        plural(errors),
        plural(warnings),
        if silenced > 0 {
            format!(" ({silenced} silenced)")
        } else {
            String::new()
        }
    );
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Tells the user, without stopping, that a brief has validation errors.
fn warn_if_invalid(brief_path: &Path, brief: &crate::model::Brief) {
    let problems = validate(brief)
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if problems > 0 {
        eprintln!(
            "warning: {} has {problems} error{}; exporting anyway (run `briefdesk check` for details)",
            brief_path.display(),
            plural(problems)
        );
    }
}

fn export(
    brief_path: &Path,
    output: Option<PathBuf>,
    paper: Paper,
    format: Format,
) -> Result<ExitCode> {
    let loaded = storage::load(brief_path)?;
    let output = output.unwrap_or_else(|| brief_path.with_extension(format.extension()));
    warn_if_invalid(brief_path, &loaded.brief);
    if format == Format::Markdown {
        let text = crate::markdown::brief_to_markdown(&loaded.brief);
        storage::replace_file(&output, text.as_bytes(), false)
            .with_context(|| format!("cannot write {}", output.display()))?;
        outln!(
            "wrote {} ({} KB)",
            output.display(),
            text.len().div_ceil(1024)
        );
        return Ok(ExitCode::SUCCESS);
    }
    let exported = crate::pdf::export_brief(&loaded.brief, &LayoutOptions { paper })
        .with_context(|| format!("cannot export {}", brief_path.display()))?;
    for warning in &exported.warnings {
        eprintln!("warning: {}: {warning}", brief_path.display());
    }
    storage::replace_file(&output, &exported.bytes, false)
        .with_context(|| format!("cannot write {}", output.display()))?;
    outln!(
        "wrote {} ({} page{}, {} KB)",
        output.display(),
        exported.pages,
        plural(exported.pages),
        exported.bytes.len().div_ceil(1024)
    );
    Ok(ExitCode::SUCCESS)
}

fn digest(
    brief_paths: &[PathBuf],
    output: &Path,
    paper: Paper,
    title: Option<&str>,
) -> Result<ExitCode> {
    if brief_paths.is_empty() {
        bail!("a digest needs at least one brief");
    }
    // Every brief loads before anything is written: a digest missing one is worse than none.
    let mut briefs = Vec::with_capacity(brief_paths.len());
    for path in brief_paths {
        // The load error already names the file and its cause; its source would repeat it.
        let loaded =
            storage::load(path).map_err(|err| anyhow::anyhow!("cannot make the digest: {err}"))?;
        warn_if_invalid(path, &loaded.brief);
        briefs.push(loaded.brief);
    }
    let exported = crate::pdf::export_digest(&briefs, &LayoutOptions { paper }, title)
        .with_context(|| format!("cannot make the digest {}", output.display()))?;
    for warning in &exported.warnings {
        eprintln!("warning: {}: {warning}", output.display());
    }
    storage::replace_file(output, &exported.bytes, false)
        .with_context(|| format!("cannot write {}", output.display()))?;
    outln!(
        "wrote {} ({} brief{}, {} page{}, {} KB)",
        output.display(),
        briefs.len(),
        plural(briefs.len()),
        exported.pages,
        plural(exported.pages),
        exported.bytes.len().div_ceil(1024)
    );
    Ok(ExitCode::SUCCESS)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn list(root: &Path) -> Result<ExitCode> {
    let workspace = open_workspace(root)?;
    let entries = workspace
        .scan()
        .with_context(|| format!("cannot list {}", root.display()))?;
    outln!(
        "{:<14} {:<9} {:<20} {:<22} TITLE",
        "REFERENCE",
        "STATUS",
        "UPDATED",
        "MARKING"
    );
    for entry in &entries {
        match &entry.result {
            Ok(loaded) => {
                let meta = &loaded.brief.meta;
                outln!(
                    "{:<14} {:<9} {:<20} {:<22} {}",
                    meta.reference,
                    meta.status.label(),
                    meta.updated.to_string(),
                    meta.marking.banner(),
                    meta.title
                );
            }
            Err(err) => outln!("{:<14} {err}", "BROKEN"),
        }
    }
    if entries.is_empty() {
        outln!("(no briefs in {})", root.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn new_brief(
    root: &Path,
    title: &str,
    template: Template,
    reference: Option<String>,
) -> Result<ExitCode> {
    if title.trim().is_empty() {
        bail!("a brief needs a title (--title)");
    }
    let workspace = open_workspace(root)?;
    let now = SystemClock.now();
    let reference = reference.unwrap_or_else(|| workspace.next_reference(now.date.year));
    let brief = template.instantiate(title.trim(), &reference, now);
    let (path, _) = workspace.create(&brief)?;
    outln!(
        "created {} ({reference}, {})",
        path.display(),
        template.label()
    );
    Ok(ExitCode::SUCCESS)
}

fn import(root: &Path, files: &[PathBuf]) -> Result<ExitCode> {
    let dir = root.join(storage::ARTICLES_DIR);
    let mut failed = 0;
    let mut imported = 0;
    for file in files {
        let result = crate::import::import_file(file)
            .map_err(anyhow::Error::from)
            .and_then(|articles| {
                let mut written = Vec::new();
                for article in &articles {
                    written.push(storage::store_article(&dir, article)?);
                }
                Ok(written)
            });
        match result {
            Ok(written) => {
                for stored in &written {
                    outln!("{stored}");
                }
                imported += written.len();
            }
            Err(err) => {
                failed += 1;
                eprintln!("{err:#}");
            }
        }
    }
    outln!(
        "imported {imported} article{} into {}{}",
        plural(imported),
        dir.display(),
        if failed > 0 {
            format!("; {failed} file{} failed", plural(failed))
        } else {
            String::new()
        }
    );
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn first_article(path: &Path) -> Result<crate::model::Article> {
    let mut articles = crate::import::import_file(path)?;
    if articles.len() > 1 {
        eprintln!(
            "note: {} holds {} articles; analysing the first",
            path.display(),
            articles.len()
        );
    }
    if articles.is_empty() {
        bail!("{}: no article found", path.display());
    }
    Ok(articles.swap_remove(0))
}

fn analyze(path: &Path, json: bool) -> Result<ExitCode> {
    let article = first_article(path)?;
    let analysis = crate::analysis::analyze(&article);
    if json {
        outln!("{}", serde_json::to_string_pretty(&analysis)?);
        return Ok(ExitCode::SUCCESS);
    }
    outln!("{} ({})", article.title, path.display());
    match article.published {
        Some(date) => outln!("dated {date}; relative times resolved against it"),
        None => outln!("no date: relative times are kept as written, unresolved"),
    }
    outln!("\nACTORS");
    for a in &analysis.actors {
        outln!("  {:<32} {}", a.name, a.kind.label());
    }
    outln!("\nQUOTES");
    for q in &analysis.quotes {
        outln!("  {}: \u{201c}{}\u{201d}", q.speaker, q.text);
    }
    outln!("\nPOSITIONS");
    for p in &analysis.positions {
        outln!(
            "  {} [{}] \u{2014} {} ({})",
            p.actor,
            p.stance.label(),
            p.summary,
            p.cue
        );
    }
    outln!("\nNEXT STEPS");
    for s in &analysis.next_steps {
        let date = match (s.date_from, s.date_to) {
            (Some(from), Some(to)) => format!("{from} to {to}"),
            (Some(from), None) => from.to_string(),
            (None, Some(to)) => format!("by {to}"),
            (None, None) => "date open".into(),
        };
        outln!("  {} ({date}, {}): {}", s.when, s.qualifier.label(), s.what);
    }
    Ok(ExitCode::SUCCESS)
}

fn draft(root: &Path, paths: &[PathBuf], output: Option<PathBuf>) -> Result<ExitCode> {
    let mut articles = Vec::new();
    for path in paths {
        articles.extend(crate::import::import_file(path)?);
    }
    let now = SystemClock.now();
    let path = match output {
        Some(path) => {
            let reference = format!("BN-{}-DRAFT", now.date.year);
            let brief = crate::analysis::draft_brief(&articles, &reference, now);
            storage::save(&path, &brief, None)?;
            path
        }
        None => {
            let workspace = open_workspace(root)?;
            let reference = workspace.next_reference(now.date.year);
            let brief = crate::analysis::draft_brief(&articles, &reference, now);
            let created = workspace.create(&brief)?.0;
            // The brief cites these articles: keep them in the workspace's library too, so
            // the app lists them beside the brief. The brief is saved already, so a library
            // that cannot be written is a warning, not a failed draft.
            let library = root.join(storage::ARTICLES_DIR);
            for article in &articles {
                if let Err(err) = storage::store_article(&library, article) {
                    eprintln!(
                        "warning: could not keep \"{}\" in {}: {err}",
                        article.title,
                        library.display()
                    );
                }
            }
            created
        }
    };
    let loaded = storage::load(&path)?;
    let brief = &loaded.brief;
    outln!(
        "created {} with {} suggested actor{}, {} position{} and {} next step{} from {} article{}",
        path.display(),
        brief.actors.len(),
        plural(brief.actors.len()),
        brief.positions.len(),
        plural(brief.positions.len()),
        brief.next_steps.len(),
        plural(brief.next_steps.len()),
        articles.len(),
        plural(articles.len())
    );
    Ok(ExitCode::SUCCESS)
}
