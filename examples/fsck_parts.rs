//! Times the parts of `fsck` that read the index, on a store: `cargo run --release --example
//! fsck_parts DIR` (DIR holds `.relmgr`). `scripts/scale.sh` prints it beside the fsck row, so
//! the replay of the log can be judged alone (the goal: 10,000 events in under a second).

use std::time::Instant;

/// The allocator of the `relmgr` binary, so that the parts cost what they cost there.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use relmgr::machine::replay;
use relmgr::store::{events, integrity};
use rusqlite::{Connection, OpenFlags};

/// The process's resident memory now, where the system says it (Linux): fresh memory is paid
/// for when first touched (about 1 ms per MB on a small VM), so what fsck holds is time too.
fn resident() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .map(|s| {
            let field = |name: &str| {
                s.lines()
                    .find_map(|l| l.strip_prefix(name))
                    .map_or(String::new(), |v| v.trim().to_string())
            };
            format!(" (resident {}, peak {})", field("VmRSS:"), field("VmHWM:"))
        })
        .unwrap_or_default()
}

fn main() -> anyhow::Result<()> {
    relmgr::store::memory::use_mimalloc();
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let db = Connection::open_with_flags(
        std::path::Path::new(&dir).join(".relmgr/index.db"),
        OpenFlags::SQLITE_OPEN_READ_ONLY,
    )?;
    let n = events::count(&db)?;
    let time = |what: &str, t: Instant| {
        println!("{what}: {:.3} s{}", t.elapsed().as_secs_f64(), resident())
    };
    let t = Instant::now();
    let problems = integrity::sqlite_problems(&integrity::open_for_checks(
        &std::path::Path::new(&dir).join(".relmgr"),
    )?)?;
    time("sqlite integrity_check + foreign_key_check", t);
    let t = Instant::now();
    let log = replay::read_recorded(&db)?;
    let breaks = log.breaks;
    time(
        &format!("reading the log ({n} events), its chain and its changes"),
        t,
    );
    let t = Instant::now();
    let scratch = replay::replay(log.typed)?.map_err(anyhow::Error::msg)?;
    time(&format!("replay of {n} events into a scratch index"), t);
    let t = Instant::now();
    // As fsck compares: a digest per table on each side, rows only where they differ.
    let key = std::hash::RandomState::new();
    let live = integrity::digests(&db, &key)?;
    let diffs = replay::compare_digests(&live, &key, &db, &scratch)?;
    time("compare live and replayed index", t);
    let t = Instant::now();
    let packages = integrity::managed_packages(&db)?;
    time(&format!("managed packages ({})", packages.len()), t);
    println!(
        "findings: {} sqlite, {} chain, {} replay",
        problems.len(),
        breaks.len(),
        diffs.len()
    );
    Ok(())
}
