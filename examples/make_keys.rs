//! Writes the large key files of `scripts/bench-hostile.sh`: `make_keys uids N OUT` (one
//! certificate with N user IDs) or `make_keys keys N OUT` (a keyring of N certificates).

#[path = "../tests/support/keygen.rs"]
mod keygen;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (what, n, out) = match (args.next(), args.next(), args.next()) {
        (Some(w), Some(n), Some(o)) => (w, n.parse::<usize>()?, o),
        _ => anyhow::bail!("usage: make_keys uids|keys N OUT"),
    };
    let bytes = match what.as_str() {
        "uids" => keygen::many_uids(n),
        "keys" => keygen::many_keys(n),
        _ => anyhow::bail!("make_keys: uids or keys, not {what:?}"),
    };
    std::fs::write(out, bytes)?;
    Ok(())
}
