//! The packets of a detached signature file (`.asc`): reading every
//! signature packet of it, in either form several signers produce (one
//! armored block after another, or one block of several packets), and
//! writing several signatures as ONE armored block (SPEC §4), the form
//! every OpenPGP implementation reads whole: gpg reads every block, but
//! Sequoia's `sq`, `sqv` and `sqop` only the first.

use std::io::Write as _;

use sequoia_openpgp as openpgp;

use openpgp::Packet;
use openpgp::armor;
use openpgp::packet::Signature;
use openpgp::parse::{PacketParser, PacketParserResult, Parse};
use openpgp::serialize::Serialize;

use super::PgpError;
use super::import::error_chain;

/// Joins the signatures of several detached signature files (armored or
/// binary, one or more packets each) into one armored `PGP SIGNATURE`
/// block holding every signature packet, in order.
///
/// A single input that already is one block is returned unchanged (byte
/// for byte), so re-publishing a package signed once rewrites nothing.
/// An unreadable input is [`PgpError::Malformed`].
pub fn join_signatures<S: AsRef<[u8]>>(files: &[S]) -> Result<String, PgpError> {
    if let [one] = files
        && let Ok(text) = std::str::from_utf8(one.as_ref())
        && armor_blocks(one.as_ref()).len() == 1
        && text
            .trim_start()
            .starts_with("-----BEGIN PGP SIGNATURE-----")
    {
        return Ok(text.trim_end().to_string() + "\n");
    }
    let mut sigs = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let mut more = parse_signatures(f.as_ref()).map_err(|e| {
            PgpError::Malformed(format!("signature #{}: {}", i + 1, error_chain(&e)))
        })?;
        sigs.append(&mut more);
    }
    armor_signatures(sigs)
}

/// Serializes signatures as one armored `PGP SIGNATURE` block.
pub(super) fn armor_signatures(sigs: Vec<Signature>) -> Result<String, PgpError> {
    let mut w = armor::Writer::new(Vec::new(), armor::Kind::Signature)
        .map_err(|e| PgpError::Other(e.into()))?;
    for sig in sigs {
        Packet::from(sig).serialize(&mut w)?;
    }
    w.flush().map_err(|e| PgpError::Other(e.into()))?;
    let bytes = w.finalize().map_err(|e| PgpError::Other(e.into()))?;
    String::from_utf8(bytes).map_err(|e| PgpError::Other(e.into()))
}

/// Reads the signature packets of a detached signature (armored or not).
///
/// An armored file may hold several blocks one after another (`cat a.asc
/// b.asc`, or the `.asc` of a package signed by several people as older
/// relmgr versions wrote it), or one block of several packets (what gpg and
/// [`join_signatures`] write); the armor reader stops at the first `END`
/// line, so each block is parsed on its own.
pub(super) fn parse_signatures(bytes: &[u8]) -> anyhow::Result<Vec<Signature>> {
    let mut sigs = Vec::new();
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Ok(sigs);
    }
    for block in armor_blocks(bytes) {
        parse_packets(block, &mut sigs)?;
    }
    Ok(sigs)
}

/// Splits `bytes` before each line that starts an armor block; binary
/// input (no such line) is one block.
fn armor_blocks(bytes: &[u8]) -> Vec<&[u8]> {
    const BEGIN: &[u8] = b"-----BEGIN PGP ";
    let starts: Vec<usize> = (0..bytes.len())
        .filter(|&i| (i == 0 || bytes[i - 1] == b'\n') && bytes[i..].starts_with(BEGIN))
        .collect();
    if starts.len() <= 1 {
        return vec![bytes];
    }
    let mut blocks = Vec::with_capacity(starts.len());
    for (k, &start) in starts.iter().enumerate() {
        // Text before the first block stays with it (the armor reader skips it).
        let from = if k == 0 { 0 } else { start };
        let to = starts.get(k + 1).copied().unwrap_or(bytes.len());
        blocks.push(&bytes[from..to]);
    }
    blocks
}

/// Appends the signature packets of one armored block or binary stream.
fn parse_packets(bytes: &[u8], sigs: &mut Vec<Signature>) -> anyhow::Result<()> {
    let mut ppr = PacketParser::from_bytes(bytes)?;
    while let PacketParserResult::Some(pp) = ppr {
        let (packet, next) = pp.next()?;
        match packet {
            Packet::Signature(s) => sigs.push(s),
            Packet::Marker(_) => {}
            Packet::Unknown(u) => {
                return Err(anyhow::anyhow!(
                    "unreadable {} packet: {}",
                    u.tag(),
                    error_chain(u.error())
                ));
            }
            other => {
                return Err(anyhow::anyhow!(
                    "unexpected {} packet in a detached signature",
                    other.tag()
                ));
            }
        }
        ppr = next;
    }
    Ok(())
}
