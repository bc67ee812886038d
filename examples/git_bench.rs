//! Times the git transport of the shared history (`relmgr::git`) on a scratch bare remote and
//! two clones in a temp dir: `cargo run --release --example git_bench [RECORDS] [BATCH]`
//! (default 10,000 records, 100 per append). The goal: 10,000 records read in well under a
//! second.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use relmgr::git::{Record, Repo};

const A: &str = "aaaaaaaa-0000-4000-8000-000000000001";

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .current_dir(dir)
        .args(["-c", "init.defaultBranch=main"])
        .args(args)
        .status()
        .expect("git must be installed")
        .success();
    assert!(ok, "git {args:?}");
}

fn clone(site: &Path, name: &str) -> anyhow::Result<Repo> {
    let dir = site.join(name);
    std::fs::create_dir(&dir)?;
    git(&dir, &["init", "-q"]);
    let remote = site.join("remote.git");
    git(&dir, &["remote", "add", "origin", remote.to_str().unwrap()]);
    Ok(Repo::open(&dir)?)
}

/// An event-sized record (about 500 bytes) named by a 64-hex id.
fn record(i: usize) -> Record {
    let body = format!(
        "{{\"type\":\"vote.cast\",\"target\":\"release:demo@1.{i}.0\",\"actor\":\"pmc{}\",\"time\":\"2027-01-05T10:00:00Z\",\"payload\":{{\"vote\":\"+1\",\"binding\":true,\"comment\":\"{}\"}}}}",
        i % 7,
        "checked signatures, checksums, LICENSE and NOTICE; built from source ".repeat(5)
    );
    Record {
        name: format!("{i:064x}"),
        bytes: body.into_bytes(),
    }
}

fn best_of<T>(n: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::MAX;
    let mut last = None;
    for _ in 0..n {
        let t = Instant::now();
        last = Some(f());
        best = best.min(t.elapsed().as_secs_f64());
    }
    (best, last.unwrap())
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().map_or(Ok(10_000), |s| s.parse())?;
    let batch: usize = args.next().map_or(Ok(100), |s| s.parse())?;
    let site = tempfile::tempdir()?;
    git(site.path(), &["init", "-q", "--bare", "remote.git"]);
    let a = clone(site.path(), "a")?;
    let at = jiff::Timestamp::from_second(1_800_000_000)?;

    let records: Vec<Record> = (0..n).map(record).collect();
    let t = Instant::now();
    let mut appends = 0;
    for chunk in records.chunks(batch) {
        a.append(A, chunk, at)?;
        appends += 1;
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "append: {n} records in {appends} appends of {batch}: {s:.2} s ({:.1} ms per append)",
        1000.0 * s / appends as f64
    );
    let t = Instant::now();
    a.append(A, &[record(n)], at)?;
    println!(
        "append: 1 record onto {n}: {:.1} ms",
        1000.0 * t.elapsed().as_secs_f64()
    );

    let (s, all) = best_of(3, || a.read_all());
    println!("read_all: {} records: {s:.3} s (best of 3)", all?.len());
    let (s, names) = best_of(3, || a.names());
    println!("names: {} names: {s:.3} s (best of 3)", names?.len());
    // What git's own maintenance (`gc --auto`, run by `git fetch`, `git commit`…) does to the
    // loose objects of many small appends.
    let t = Instant::now();
    git(a.root(), &["gc", "-q"]);
    println!("git gc: {:.2} s", t.elapsed().as_secs_f64());
    let (s, all) = best_of(3, || a.read_all());
    println!("read_all after gc: {} records: {s:.3} s", all?.len());

    let t = Instant::now();
    a.push("origin", A)?;
    println!("push: {:.2} s", t.elapsed().as_secs_f64());

    let b = clone(site.path(), "b")?;
    let t = Instant::now();
    let incoming = b.fetch("origin")?;
    let fetched = t.elapsed().as_secs_f64();
    b.accept(&incoming)?;
    println!(
        "fetch (fresh clone): {} records: {fetched:.2} s; accept: {:.3} s",
        incoming.records().len(),
        t.elapsed().as_secs_f64() - fetched
    );
    let (s, all) = best_of(3, || b.read_all());
    println!(
        "read_all on the fresh clone: {} records: {s:.3} s",
        all?.len()
    );

    let more: Vec<Record> = (n + 1..n + 1 + batch).map(record).collect();
    a.append(A, &more, at)?;
    a.push("origin", A)?;
    let t = Instant::now();
    let incoming = b.fetch("origin")?;
    b.accept(&incoming)?;
    println!(
        "fetch + accept of {} new records onto {n}: {:.2} s",
        incoming.records().len(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}
