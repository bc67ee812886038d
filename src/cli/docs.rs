//! Completions and man pages, generated from the same clap definitions. `relmgr completions
//! SHELL` prints one script; the hidden `relmgr generate-docs DIR` writes `completions/` and
//! `man/` (committed; a test fails when they are stale).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, elvish or powershell (the script asks relmgr for the words, so release
    /// names and user ids come from the store)
    pub shell: Shell,
}

#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// The repository root to write completions/ and man/ into
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

pub fn completions(a: CompletionsArgs) -> anyhow::Result<ExitCode> {
    let out = super::complete::registration(a.shell)?;
    crate::cli::output::write_stdout(&String::from_utf8_lossy(&out));
    Ok(ExitCode::SUCCESS)
}

/// Every generated file with its content, for writing and for the staleness test.
pub fn render_all() -> anyhow::Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut files = Vec::new();
    for (shell, name) in [
        (Shell::Bash, "relmgr.bash"),
        (Shell::Zsh, "_relmgr"),
        (Shell::Fish, "relmgr.fish"),
        (Shell::Elvish, "relmgr.elv"),
        (Shell::PowerShell, "_relmgr.ps1"),
    ] {
        let buf = super::complete::registration(shell)?;
        files.push((Path::new("completions").join(name), buf));
    }
    // The help subcommand has no page of its own: `relmgr help X` is `man relmgr-X`.
    let cmd = Cli::command().disable_help_subcommand(true);
    man_pages(&cmd, "relmgr", &mut files)?;
    Ok(files)
}

fn man_pages(
    cmd: &clap::Command,
    name: &str,
    files: &mut Vec<(PathBuf, Vec<u8>)>,
) -> anyhow::Result<()> {
    if cmd.is_hide_set() {
        return Ok(());
    }
    let cmd = cmd
        .clone()
        .name(name.to_string())
        .bin_name(name.replace('-', " "))
        .disable_help_subcommand(true);
    let mut buf = Vec::new();
    let man = clap_mangen::Man::new(cmd.clone());
    if name == "relmgr" {
        // The main page: clap's sections, then what clap does not know, before VERSION.
        man.render_title(&mut buf)?;
        man.render_name_section(&mut buf)?;
        man.render_synopsis_section(&mut buf)?;
        man.render_description_section(&mut buf)?;
        man.render_options_section(&mut buf)?;
        man.render_subcommands_section(&mut buf)?;
        buf.extend_from_slice(MAIN_PAGE_SECTIONS.as_bytes());
        man.render_version_section(&mut buf)?;
    } else {
        man.render(&mut buf)?;
    }
    files.push((
        Path::new("man/man1").join(format!("{name}.1")),
        ascii_roff(&buf),
    ));
    for sub in cmd.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        man_pages(sub, &format!("{name}-{}", sub.get_name()), files)?;
    }
    Ok(())
}

/// Roff that every formatter reads the same way: each non-ASCII character as its `\[uXXXX]`
/// escape (groff and mandoc warn about raw UTF-8 unless told the encoding).
fn ascii_roff(roff: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(roff);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("\\[u{:04X}]", c as u32));
        }
    }
    out.into_bytes()
}

/// ENVIRONMENT, EXIT STATUS, FILES and EXAMPLES of `relmgr(1)`, in roff.
const MAIN_PAGE_SECTIONS: &str = r#".SH ENVIRONMENT
.TP
\fBRELMGR_STORE\fR
The store to use when \fB\-\-store\fR is not given (a directory holding \fI.relmgr/\fR).
.TP
\fBRELMGR_USER\fR
The acting user when \fB\-\-as\fR is not given; else the \fIuser\fR of \fIconfig.toml\fR.
.TP
\fBRELMGR_NOW\fR
An RFC 3339 time that stands in for the clock, so that scripts and tests can play a 72\-hour vote.
.TP
\fBRELMGR_SIGNING_KEY\fR
A secret key file that signs every event this clone's user writes (else \fIsigning_key\fR of
\fIconfig.toml\fR).
.TP
\fBRELMGR_PASSPHRASE_FILE\fR
A file holding the passphrase of a protected secret key; else relmgr prompts on a terminal.
Secrets are never read from the command line.
.TP
\fBRELMGR_SMTP_PASSWORD_FILE\fR
A file holding the SMTP password for the \fI[smtp]\fR user of \fIconfig.toml\fR.
.TP
\fBNO_COLOR\fR, \fBCI\fR
\fBNO_COLOR\fR turns colour off with \fB\-\-color auto\fR; \fBCI\fR (or a standard input that is
not a terminal) implies \fB\-\-yes\fR: relmgr never prompts.
.SH EXIT STATUS
.TP
\fB0\fR
Done.
.TP
\fB1\fR
Failed: I/O, a corrupt or incompatible store, an internal error, a network deadline.
.TP
\fB2\fR
Usage: bad flags or arguments.
.TP
\fB3\fR
Verification failed: a bad signature, checksum, SBOM, snapshot or shared history.
.TP
\fB4\fR
Not allowed: the acting user lacks the role.
.TP
\fB5\fR
Wrong state: e.g. promote without a passed vote.
.TP
\fB6\fR
Not found: no such store, project, release, user or key, or package bytes the store lacks.
.SH FILES
.TP
\fI.relmgr/\fR
The store, found through \fB\-\-store\fR, \fBRELMGR_STORE\fR or the nearest \fI.relmgr/\fR
upward from the current directory, like \fI.git\fR.
.TP
\fI.relmgr/config.toml\fR
This clone's settings: \fIuser\fR (the default acting user), \fIsigning_key\fR (a secret key
file that signs this clone's events), \fIclone_id\fR, and \fI[smtp]\fR with \fIhost\fR,
\fIport\fR, \fIfrom\fR, \fIuser\fR and \fIsecurity\fR (starttls, tls or none) for the mail
relmgr sends.
.TP
\fI.relmgr/index.db\fR
SQLite: the metadata, the votes and the event log; a cache of the shared history that the next
command rebuilds when it is deleted.
.TP
\fI.relmgr/objects/\fR, \fI.relmgr/releases/\fR, \fI.relmgr/keys/\fR
Package bytes by SHA\-256; the browsable release tree with each package's .asc and .sha512;
one armored certificate per key.
.TP
\fIrefs/relmgr/clones/<id>\fR
In the git repository around the store: each clone's share of the history (\fBrelmgr sync\fR).
.SH EXAMPLES
A release manager stages and signs a candidate, starts the vote and, once it passed, publishes:
.PP
.nf
.RS
relmgr \-\-as rita stage demo@1.2.0 dist/ \-\-sign ../keys/rita.sec.asc
relmgr \-\-as rita vote start demo@1.2.0 \-o vote\-mail.txt
relmgr \-\-as rita vote close demo@1.2.0
relmgr \-\-as rita promote demo@1.2.0
relmgr \-\-as rita publish /srv/dist \-\-key ../keys/rita.sec.asc
.RE
.fi
.PP
A voter checks a downloaded candidate without a store, and a mirror's whole tree:
.PP
.nf
.RS
relmgr check \-\-dir ~/Downloads/demo\-1.2.0\-rc1
relmgr verify \-\-dir /srv/mirror/demo
.RE
.fi
.SH SEE ALSO
\fBgit\fR(1), \fBgpg\fR(1), \fBsqv\fR(1), \fBsha512sum\fR(1)
"#;

pub fn generate(a: GenerateArgs) -> anyhow::Result<ExitCode> {
    for dir in ["completions", "man"] {
        let d = a.dir.join(dir);
        if d.exists() {
            std::fs::remove_dir_all(&d)?;
        }
        std::fs::create_dir_all(&d)?;
    }
    std::fs::create_dir_all(a.dir.join("man/man1"))?;
    let files = render_all()?;
    for (path, content) in &files {
        std::fs::write(a.dir.join(path), content)?;
    }
    eprintln!("Wrote {} files into completions/ and man/.", files.len());
    Ok(ExitCode::SUCCESS)
}
