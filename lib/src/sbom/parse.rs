//! Lockfile parsers for [`super::deps`]: text in, [`Dep`]s out (unsorted, maybe repeated).

use anyhow::{Context, Result};
use serde_json::Value;

use super::deps::Dep;
use super::purl;

/// Parses the lockfile at archive path `path` by its file name.
pub(crate) fn lockfile(path: &str, text: &str) -> Result<Vec<Dep>> {
    let base = path.rsplit('/').next().unwrap_or(path);
    match base {
        "Cargo.lock" => cargo_lock(path, text),
        "package-lock.json" => package_lock(path, text),
        "go.mod" => Ok(go_mod(path, text)),
        "requirements.txt" => Ok(requirements(path, text)),
        _ => Ok(Vec::new()),
    }
}

fn dep(ecosystem: &'static str, name: &str, version: &str, found_in: &str) -> Dep {
    let (name, purl) = match ecosystem {
        "cargo" => (name.to_string(), purl::cargo(name, version)),
        "npm" => (name.to_string(), purl::npm(name, version)),
        "golang" => (name.to_string(), purl::golang(name, version)),
        _ => (purl::pypi_name(name), purl::pypi(name, version)),
    };
    Dep {
        ecosystem,
        name,
        version: version.to_string(),
        purl,
        found_in: found_in.to_string(),
    }
}

/// `Cargo.lock`: every `[[package]]` with a `source` (registry or git). Packages without a
/// `source` are the workspace's own (or path dependencies) and are left out.
pub(crate) fn cargo_lock(path: &str, text: &str) -> Result<Vec<Dep>> {
    let doc: toml::Table = toml::from_str(text).context("invalid TOML")?;
    let mut out = Vec::new();
    let Some(pkgs) = doc.get("package").and_then(|p| p.as_array()) else {
        return Ok(out);
    };
    for p in pkgs {
        let get = |k: &str| p.get(k).and_then(|v| v.as_str());
        if let (Some(name), Some(version), Some(_)) = (get("name"), get("version"), get("source")) {
            out.push(dep("cargo", name, version, path));
        }
    }
    Ok(out)
}

/// `package-lock.json`: v2/v3 `packages` entries under `node_modules/` (the root `""`,
/// workspace folders and `link` entries are the project's own); v1 `dependencies`, nested,
/// when there is no `packages`. Versions that are not registry versions (`file:`, `git+…`,
/// URLs) are left out.
pub(crate) fn package_lock(path: &str, text: &str) -> Result<Vec<Dep>> {
    let doc: Value = serde_json::from_str(text).context("invalid JSON")?;
    let mut out = Vec::new();
    if let Some(pkgs) = doc.get("packages").and_then(Value::as_object) {
        for (key, v) in pkgs {
            let Some(idx) = key.rfind("node_modules/") else {
                continue;
            };
            if v.get("link").and_then(Value::as_bool) == Some(true) {
                continue;
            }
            let name = v
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or(&key[idx + "node_modules/".len()..]);
            if let Some(version) = v.get("version").and_then(Value::as_str)
                && npm_version_ok(version)
                && !name.is_empty()
            {
                out.push(dep("npm", name, version, path));
            }
        }
    } else if let Some(deps) = doc.get("dependencies") {
        v1_deps(deps, path, &mut out, 0);
    }
    Ok(out)
}

fn npm_version_ok(v: &str) -> bool {
    !v.is_empty() && !v.contains(':') && !v.contains('/')
}

fn v1_deps(deps: &Value, path: &str, out: &mut Vec<Dep>, depth: usize) {
    let Some(map) = deps.as_object() else { return };
    if depth > 64 {
        return;
    }
    for (name, v) in map {
        if let Some(version) = v.get("version").and_then(Value::as_str)
            && npm_version_ok(version)
        {
            out.push(dep("npm", name, version, path));
        }
        if let Some(nested) = v.get("dependencies") {
            v1_deps(nested, path, out, depth + 1);
        }
    }
}

/// `go.mod`: `require` lines, single (`require m v`) and in blocks (`require ( … )`);
/// `// indirect` requirements are kept (they are in the build too). `replace`/`exclude` are
/// not applied.
pub(crate) fn go_mod(path: &str, text: &str) -> Vec<Dep> {
    let mut out = Vec::new();
    let mut in_block = false;
    for raw in text.lines() {
        let line = raw.split("//").next().unwrap_or("").trim();
        if in_block {
            if line.starts_with(')') {
                in_block = false;
            } else {
                go_require(line, path, &mut out);
            }
            continue;
        }
        let Some(rest) = line.strip_prefix("require") else {
            continue;
        };
        if !rest.starts_with(|c: char| c.is_whitespace() || c == '(') {
            continue;
        }
        let rest = rest.trim();
        if let Some(after) = rest.strip_prefix('(') {
            in_block = !after.trim().starts_with(')');
        } else {
            go_require(rest, path, &mut out);
        }
    }
    out
}

fn go_require(line: &str, path: &str, out: &mut Vec<Dep>) {
    let mut parts = line.split_whitespace().map(|s| s.trim_matches('"'));
    if let (Some(module), Some(version)) = (parts.next(), parts.next())
        && version.starts_with('v')
    {
        out.push(dep("golang", module, version, path));
    }
}

/// `requirements.txt`: pinned lines only (`name==version`, extras `name[x]==1.0`, markers after
/// `;` and `--hash=` options ignored, `\` continuations joined); comments, options (`-r`, `-e`,
/// `--index-url`, …), ranges, wildcards (`==1.*`), `===` and unpinned lines are left out.
pub(crate) fn requirements(path: &str, text: &str) -> Vec<Dep> {
    let mut out = Vec::new();
    let mut logical = String::new();
    for raw in text.lines() {
        if let Some(cont) = raw.strip_suffix('\\') {
            logical.push_str(cont);
            logical.push(' ');
            continue;
        }
        logical.push_str(raw);
        if let Some((name, version)) = pinned(&logical) {
            out.push(dep("pypi", &name, &version, path));
        }
        logical.clear();
    }
    out
}

fn pinned(line: &str) -> Option<(String, String)> {
    // A comment starts at `#` at the start or after whitespace.
    let mut end = line.len();
    for (i, c) in line.char_indices() {
        if c == '#' && (i == 0 || line[..i].ends_with(char::is_whitespace)) {
            end = i;
            break;
        }
    }
    let line = line[..end].split(';').next()?.trim();
    if line.is_empty() || line.starts_with('-') {
        return None;
    }
    // Drop per-requirement options (`--hash=…`).
    let line = match line.find(" -").or_else(|| line.find("\t-")) {
        Some(i) => line[..i].trim(),
        None => line,
    };
    let (lhs, rhs) = line.split_once("==")?;
    let version = rhs.trim();
    if version.starts_with('=')
        || version.is_empty()
        || version.contains(['*', ',', '<', '>', '!', '~', '=', ' '])
    {
        return None;
    }
    let name = lhs.split('[').next()?.trim();
    let valid = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_');
    if name.is_empty() || !name.chars().all(valid) {
        return None;
    }
    Some((name.to_string(), version.to_string()))
}
