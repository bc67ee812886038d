//! lib/Cargo.toml names no CLI or terminal crate: the compiler keeps the library's sources
//! from the crates its Cargo.toml does not name (issue #26 item 5).

#[test]
fn the_library_package_depends_on_no_cli_or_terminal_crate() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
    let manifest: toml::Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
    let banned = [
        "clap",
        "clap_complete",
        "clap_mangen",
        "indicatif",
        "dialoguer",
        "comfy-table",
    ];
    let norm = |s: &str| s.replace('_', "-");
    // [dependencies], [dev-dependencies], [build-dependencies], and their
    // [target.'cfg(…)'.…] forms.
    let mut tables = vec![&manifest];
    if let Some(toml::Value::Table(targets)) = manifest.get("target") {
        tables.extend(targets.values().filter_map(|t| t.as_table()));
    }
    let mut found = Vec::new();
    for t in tables {
        for kind in ["dependencies", "dev-dependencies", "build-dependencies"] {
            let Some(deps) = t.get(kind).and_then(|d| d.as_table()) else {
                continue;
            };
            for (name, spec) in deps {
                let package = spec.get("package").and_then(|p| p.as_str()).unwrap_or(name);
                if banned.iter().any(|b| norm(b) == norm(package)) {
                    found.push(format!("[{kind}] {name}"));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "lib/Cargo.toml names CLI crates: {found:#?}"
    );
    assert!(manifest.contains_key("dependencies"), "{path}");
}
