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

/// The binary body of one plain armored signature block (`-----BEGIN PGP SIGNATURE-----`,
/// optional headers, base64, an optional `=CRC` line, the end line), decoded directly: sequoia's
/// armor reader costs more than the rest of checking a signature, and every event signature is
/// such a block. Anything else (other text around it, a bad checksum) is left to sequoia.
fn plain_armor(block: &[u8]) -> Option<Vec<u8>> {
    use base64::Engine;
    let text = std::str::from_utf8(block).ok()?;
    let mut lines = text.lines().map(str::trim_end);
    if lines.next()? != "-----BEGIN PGP SIGNATURE-----" {
        return None;
    }
    let mut body = String::with_capacity(block.len());
    let mut in_headers = true;
    let mut crc = None;
    for line in lines.by_ref() {
        if in_headers {
            if line.is_empty() {
                in_headers = false;
            } else if !line.contains(": ") {
                in_headers = false;
                body.push_str(line);
            }
            continue;
        }
        if line == "-----END PGP SIGNATURE-----" {
            break;
        }
        if let Some(c) = line.strip_prefix('=') {
            crc = Some(c.to_string());
            continue;
        }
        body.push_str(line);
    }
    if lines.any(|l| !l.trim().is_empty()) {
        return None;
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(body)
        .ok()?;
    if let Some(c) = crc {
        let want = base64::engine::general_purpose::STANDARD.decode(c).ok()?;
        let sum = crc24(&bytes);
        if want != [(sum >> 16) as u8, (sum >> 8) as u8, sum as u8] {
            return None;
        }
    }
    Some(bytes)
}

/// The armor checksum (RFC 4880 §6.1), a byte at a time from a table.
fn crc24(data: &[u8]) -> u32 {
    let mut crc: u32 = 0xB704CE;
    for &b in data {
        crc = (crc << 8) ^ CRC24_TABLE[(((crc >> 16) as u8) ^ b) as usize];
    }
    crc & 0xFFFFFF
}

/// The CRC-24 of each byte value (the bitwise definition, run once at compile time).
const CRC24_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut crc = (i as u32) << 16;
        let mut bit = 0;
        while bit < 8 {
            crc <<= 1;
            if crc & 0x1000000 != 0 {
                crc ^= 0x1864CFB;
            }
            bit += 1;
        }
        table[i] = crc & 0xFFFFFF;
        i += 1;
    }
    table
};

/// Appends the signature packets of one armored block or binary stream.
fn parse_packets(bytes: &[u8], sigs: &mut Vec<Signature>) -> anyhow::Result<()> {
    let decoded = plain_armor(bytes);
    let bytes = decoded.as_deref().unwrap_or(bytes);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast dearmoring reads what sequoia's armor reader reads, and leaves to it whatever it
    /// is not sure of.
    #[test]
    fn crc24_is_openpgps() {
        // The check value of CRC-24/OPENPGP, and the initial value for no data.
        assert_eq!(crc24(b"123456789"), 0x21CF02);
        assert_eq!(crc24(b""), 0xB704CE);
    }

    #[test]
    fn plain_armor_reads_what_sequoia_reads() {
        let t0: jiff::Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
        let (secret, _) = crate::pgp::generate("T <t@example.org>", None, t0).unwrap();
        let key =
            crate::pgp::load_signing_key(secret.as_bytes(), &mut || Ok(String::new()), t0).unwrap();
        let armored = crate::pgp::sign_detached(&key, b"data", t0).unwrap();
        let fast = plain_armor(armored.as_bytes()).expect("a plain block");
        let mut by_sequoia = Vec::new();
        std::io::copy(
            &mut openpgp::armor::Reader::from_bytes(
                armored.as_bytes(),
                openpgp::armor::ReaderMode::Tolerant(None),
            ),
            &mut by_sequoia,
        )
        .unwrap();
        assert_eq!(fast, by_sequoia);
        // Headers are skipped; a wrong checksum or trailing text falls back to sequoia.
        let with_header = armored.replacen("-----\n", "-----\nComment: hi\n", 1);
        assert_eq!(
            plain_armor(with_header.as_bytes()).as_deref(),
            Some(&fast[..])
        );
        let crc_line = armored.lines().find(|l| l.starts_with('=')).unwrap();
        let bad_crc = armored.replace(crc_line, "=AAAA");
        assert_eq!(plain_armor(bad_crc.as_bytes()), None);
        assert_eq!(plain_armor(format!("{armored}\ntrailing").as_bytes()), None);
        assert_eq!(plain_armor(b"not armor"), None);
        assert_eq!(parse_signatures(armored.as_bytes()).unwrap().len(), 1);
    }
}
