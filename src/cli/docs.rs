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
    /// bash, zsh, fish, elvish or powershell
    pub shell: Shell,
}

#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// The repository root to write completions/ and man/ into
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

pub fn completions(a: CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut out = Vec::new();
    clap_complete::generate(a.shell, &mut Cli::command(), "relmgr", &mut out);
    crate::output::write_stdout(&String::from_utf8_lossy(&out));
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
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut Cli::command(), "relmgr", &mut buf);
        files.push((Path::new("completions").join(name), buf));
    }
    let cmd = Cli::command();
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
        .bin_name(name.replace('-', " "));
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut buf)?;
    files.push((Path::new("man").join(format!("{name}.1")), buf));
    for sub in cmd.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        man_pages(sub, &format!("{name}-{}", sub.get_name()), files)?;
    }
    Ok(())
}

pub fn generate(a: GenerateArgs) -> anyhow::Result<ExitCode> {
    for dir in ["completions", "man"] {
        let d = a.dir.join(dir);
        if d.exists() {
            std::fs::remove_dir_all(&d)?;
        }
        std::fs::create_dir_all(&d)?;
    }
    let files = render_all()?;
    for (path, content) in &files {
        std::fs::write(a.dir.join(path), content)?;
    }
    eprintln!("Wrote {} files into completions/ and man/.", files.len());
    Ok(ExitCode::SUCCESS)
}
