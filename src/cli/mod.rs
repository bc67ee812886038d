//! The command line: global flags, the command enum, one dispatch `match`, and the one error
//! funnel that turns errors into messages and SPEC §5 exit codes. Command modules parse, call
//! `ops`, and render; they hold no logic of their own.

mod check;
mod complete;
mod cve;
mod docs;
mod fetch;
mod fsck;
mod init;
mod key;
mod lifecycle;
mod log;
mod mail;
pub mod output;
mod policy;
mod project;
mod publish;
mod release;
mod role;
mod sbom;
mod stage;
mod sync;
mod user;
mod vote;

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::cli::output::{ColorChoice, Output};
use relmgr::error::{Error, Kind};
use relmgr::ops::Session;
use relmgr::store::{self, Store};

/// Carry a release from staged files to a signed, voted, published and, when needed, revoked
/// release, with an audit trail.
#[derive(Debug, Parser)]
#[command(name = "relmgr", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes.
#[derive(Debug, clap::Args, Clone)]
pub struct Global {
    /// The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself
    /// [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]
    #[arg(long, global = true, value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// Act as this user [default: $RELMGR_USER, else config.toml's user]
    #[arg(long = "as", global = true, value_name = "USER", add = complete::users())]
    pub as_user: Option<String>,
    /// Print one JSON document on stdout (errors as a JSON document on stderr)
    #[arg(long, global = true)]
    pub json: bool,
    /// Never prompt (implied when stdin is not a terminal or $CI is set)
    #[arg(short = 'y', long, global = true)]
    pub yes: bool,
    /// Print only the result, no status lines
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Print more detail on stderr
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// When to colour the output (NO_COLOR is honoured with auto)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

impl Global {
    /// Whether prompts are allowed: a terminal on stdin, no --yes, no $CI.
    pub fn may_prompt(&self) -> bool {
        !self.yes
            && std::env::var_os("CI").is_none_or(|v| v.is_empty())
            && std::io::stdin().is_terminal()
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a store (.relmgr/) in DIR; the user becomes its admin
    Init(init::Args),
    /// Projects: create, list, show, edit
    #[command(subcommand)]
    Project(project::ProjectCmd),
    /// Products (sub-lines of a project): create, list, show, edit
    #[command(subcommand)]
    Product(project::ProductCmd),
    /// Users: add, edit, list, show, consent
    #[command(subcommand)]
    User(user::UserCmd),
    /// Roles: grant, revoke, list
    #[command(subcommand)]
    Role(role::RoleCmd),
    /// OpenPGP keys: import, list, show, remove, export (KEYS), generate
    #[command(subcommand)]
    Key(key::KeyCmd),
    /// Vote policy: show, set, history
    #[command(subcommand)]
    Policy(policy::PolicyCmd),
    /// Stage files (or an external package) into a release's draft revision
    Stage(stage::StageArgs),
    /// Remove a package from a draft revision
    Unstage(stage::UnstageArgs),
    /// Sign every package of a draft revision with your key
    Sign(stage::SignArgs),
    /// Release checks: signatures, checksums, archives, LICENSE/NOTICE, headers, naming, layout
    Check(check::CheckArgs),
    /// Verify checksums and signatures of a release or of a directory
    Verify(stage::VerifyArgs),
    /// Votes: start, cast, status, close, import
    #[command(subcommand)]
    Vote(vote::VoteCmd),
    /// Make a release with a passed vote current (distributing)
    Promote(lifecycle::PromoteArgs),
    /// Render the [ANNOUNCE] mail and mark the release announced
    Announce(lifecycle::AnnounceArgs),
    /// The release mails: resend one that failed to send
    #[command(subcommand)]
    Mail(mail::MailCmd),
    /// Revoke a release from any stage; its version stays blocked
    Revoke(lifecycle::RevokeArgs),
    /// Write the dist tree with KEYS and a signed snapshot.json (pmc or rm)
    Publish(publish::PublishArgs),
    /// Fetch the package bytes this store lacks from a directory or URL, verified (e.g. a clone)
    Fetch(fetch::FetchArgs),
    /// A CycloneDX 1.6 or SPDX 2.3 SBOM of a release, reproducible
    Sbom(sbom::SbomArgs),
    /// Check objects, checksums, signatures, the event chain and the derived files
    Fsck(fsck::FsckArgs),
    /// CVEs: add, link, list
    #[command(subcommand)]
    Cve(cve::CveCmd),
    /// Releases: list, show
    #[command(subcommand)]
    Release(release::ReleaseCmd),
    /// The audit events, oldest first
    Log(log::Args),
    /// Share the history through git: fetch, merge, bring the index up to date, push
    Sync(sync::Args),
    /// Print a shell completion script
    Completions(docs::CompletionsArgs),
    /// Write completions/ and man/ from the command definitions (for maintainers)
    #[command(hide = true)]
    GenerateDocs(docs::GenerateArgs),
}

/// What every command gets: the global flags and the output settings.
pub struct Ctx {
    pub global: Global,
    pub out: Output,
}

impl Ctx {
    /// Opens the store and the acting user's session.
    pub fn session(&self) -> anyhow::Result<Session> {
        let dir = store::locate(self.global.store.as_deref())?;
        let mut store = Store::open(&dir)?;
        relmgr::ops::sync::catch_up(&mut store)?;
        let user = self
            .global
            .as_user
            .clone()
            .or_else(|| std::env::var("RELMGR_USER").ok().filter(|u| !u.is_empty()));
        let signing_key = std::env::var_os("RELMGR_SIGNING_KEY")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| {
                store
                    .config
                    .signing_key
                    .as_ref()
                    .map(|p| store.dir.join("..").join(p))
            });
        let mut s = Session::new(store, user)?;
        if let Some(path) = signing_key {
            let may_prompt = self.global.may_prompt();
            s.event_key = relmgr::ops::EventKey::Pending {
                path,
                passphrase: Box::new(move |which: &str| key::passphrase(may_prompt, which)),
            };
        }
        Ok(s)
    }
}

/// Parses argv, runs the command, and maps the outcome to an exit code.
pub fn run() -> ExitCode {
    complete::answer_if_asked();
    run_from(std::env::args_os())
}

pub fn run_from(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let args: Vec<OsString> = args.into_iter().collect();
    let json = args.iter().any(|a| a == "--json");
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind::*;
            if matches!(
                e.kind(),
                DisplayHelp | DisplayVersion | DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                let _ = e.print();
                return ExitCode::from(if e.kind() == DisplayHelpOnMissingArgumentOrSubcommand {
                    2
                } else {
                    0
                });
            }
            if json {
                let doc = serde_json::json!({"error": {"code": Kind::Usage.code(), "message": e.kind().to_string(), "details": {"usage": e.to_string()}}});
                eprintln!("{doc}");
            } else {
                let _ = e.print();
            }
            return ExitCode::from(2);
        }
    };
    let out = Output::new(
        cli.global.json,
        cli.global.quiet,
        cli.global.verbose,
        cli.global.color,
    );
    let ctx = Ctx {
        global: cli.global.clone(),
        out,
    };
    let code = match dispatch(&ctx, cli.command) {
        Ok(code) => code,
        Err(e) => report(&ctx.out, &e),
    };
    // A change recorded here that git would not take into the clone's ref is said, even with
    // --quiet: the team does not see it until the next write or `sync` exports it.
    for problem in relmgr::ops::share::take_unshared() {
        let message = format!(
            "recorded here, but not yet in the shared history: {problem} (the next write or `relmgr sync` adds it)"
        );
        if ctx.global.json {
            eprintln!("{}", serde_json::json!({"warning": {"message": message}}));
        } else {
            eprintln!("warning: {}", crate::cli::output::printable(&message, true));
        }
    }
    code
}

fn dispatch(ctx: &Ctx, command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Init(a) => init::run(ctx, a),
        Command::Project(c) => project::run_project(ctx, c),
        Command::Product(c) => project::run_product(ctx, c),
        Command::User(c) => user::run(ctx, c),
        Command::Role(c) => role::run(ctx, c),
        Command::Key(c) => key::run(ctx, c),
        Command::Policy(c) => policy::run(ctx, c),
        Command::Stage(a) => stage::stage(ctx, a),
        Command::Unstage(a) => stage::unstage(ctx, a),
        Command::Sign(a) => stage::sign(ctx, a),
        Command::Verify(a) => stage::verify(ctx, a),
        Command::Check(a) => check::run(ctx, a),
        Command::Vote(c) => vote::run(ctx, c),
        Command::Promote(a) => lifecycle::promote(ctx, a),
        Command::Announce(a) => lifecycle::announce(ctx, a),
        Command::Revoke(a) => lifecycle::revoke(ctx, a),
        Command::Cve(c) => cve::run(ctx, c),
        Command::Publish(a) => publish::run(ctx, a),
        Command::Fetch(a) => fetch::run(ctx, a),
        Command::Sbom(a) => sbom::run(ctx, a),
        Command::Fsck(a) => fsck::run(ctx, a),
        Command::Release(c) => release::run(ctx, c),
        Command::Log(a) => log::run(ctx, a),
        Command::Sync(a) => sync::run(ctx, a),
        Command::Mail(c) => mail::run(ctx, c),
        Command::Completions(a) => docs::completions(a),
        Command::GenerateDocs(a) => docs::generate(a),
    }
}

/// The error funnel: one line on stderr (`error: …`, causes, `hint: …`) or a JSON document,
/// and the exit code of the error's kind (1 for anything untyped).
fn report(out: &Output, e: &anyhow::Error) -> ExitCode {
    let typed = e.chain().find_map(|c| c.downcast_ref::<Error>());
    let code = typed.map_or(1, |t| t.kind.exit_code());
    if out.json {
        let doc = serde_json::json!({"error": {
            "code": typed.map_or("failed", |t| t.kind.code()),
            "message": format!("{e:#}"),
            "hint": typed.and_then(|t| t.hint.clone()),
            "details": typed.map_or(serde_json::Value::Null, |t| t.details.clone()),
        }});
        eprintln!("{doc}");
    } else {
        let message = crate::cli::output::printable(&format!("{e:#}"), true).into_owned();
        eprintln!("{} {message}", out.paint("error:", "1;31"));
        if let Some(hint) = typed.and_then(|t| t.hint.as_ref()) {
            let hint = crate::cli::output::printable(hint, true);
            eprintln!("{} {hint}", out.paint("hint:", "1;33"));
        }
    }
    ExitCode::from(code)
}

/// Parses a typed argument, for clap's `value_parser`: errors are usage errors naming the value.
pub fn parse<T: std::str::FromStr<Err = Error>>(s: &str) -> Result<T, String> {
    s.parse::<T>().map_err(|e| e.message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    /// Every argument says what it is in `--help` and the man pages, positional ones included.
    #[test]
    fn every_argument_has_a_description() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                if arg.get_help().is_none() && !arg.is_hide_set() {
                    missing.push(format!("{path} <{}>", arg.get_id()));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "relmgr", &mut missing);
        assert!(missing.is_empty(), "no description: {missing:#?}");
    }
}
