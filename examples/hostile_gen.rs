//! Writes the large hostile archives of `scripts/bench-hostile.sh` (#28) with the generators
//! the tests use (`tests/support/hostile.rs`), streamed to the file.
//!
//!   hostile_gen pax OUT LEN          a .tar.gz with one PAX `path` record of LEN bytes
//!   hostile_gen flagged OUT N        a .tar.gz of N entries with absolute paths
//!   hostile_gen zipbomb OUT FILES LEN  a zip of FILES overlapping entries of LEN zero bytes

#[path = "../tests/support/hostile.rs"]
mod generate;

use std::io::{BufWriter, Write};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let num = |i: usize| -> u64 { args[i].parse().expect("a number") };
    let out = BufWriter::new(std::fs::File::create(&args[1]).expect("OUT"));
    match args[0].as_str() {
        "pax" => {
            generate::pax_bomb(out, num(2)).flush().unwrap();
        }
        "flagged" => {
            generate::many_flagged(out, num(2) as usize)
                .flush()
                .unwrap();
        }
        "zipbomb" => {
            let mut out = out;
            let z = generate::overlapping_zip(num(2) as usize, num(3) as usize);
            out.write_all(&z).unwrap();
        }
        other => panic!("unknown kind {other}"),
    }
}
