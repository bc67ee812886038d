//! Package URLs (purl) for the ecosystems [`super::deps`] finds, in canonical form:
//! `pkg:cargo/serde@1.0.210`, `pkg:npm/%40scope/name@1.2.3`,
//! `pkg:golang/github.com/foo/bar@v1.2.3`, `pkg:pypi/requests@2.31.0`.
//!
//! Rules (purl spec and its type definitions, as `packageurl-python` renders them): every
//! namespace segment, the name and the version are percent-encoded except for the unreserved
//! characters `A-Z a-z 0-9 . - _ ~` (so `@` → `%40`, `+` → `%2B`); npm names and scopes are
//! lowercased; pypi names are lowercased with `_` → `-`; cargo and golang keep their case.

/// Percent-encodes one purl segment: everything but `A-Za-z0-9.-_~`.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Builds `pkg:<ty>/<namespace segments>/<name>@<version>`, encoding each part.
pub fn build(ty: &str, namespace: &[&str], name: &str, version: &str) -> String {
    let mut s = format!("pkg:{ty}/");
    for seg in namespace.iter().filter(|s| !s.is_empty()) {
        s.push_str(&encode(seg));
        s.push('/');
    }
    s.push_str(&encode(name));
    if !version.is_empty() {
        s.push('@');
        s.push_str(&encode(version));
    }
    s
}

/// `pkg:cargo/<name>@<version>`.
pub fn cargo(name: &str, version: &str) -> String {
    build("cargo", &[], name, version)
}

/// `pkg:npm/<name>@<version>` or, for `@scope/name`, `pkg:npm/%40scope/name@<version>`.
pub fn npm(name: &str, version: &str) -> String {
    let name = name.to_ascii_lowercase();
    match name.split_once('/') {
        Some((scope, n)) if scope.starts_with('@') => build("npm", &[scope], n, version),
        _ => build("npm", &[], &name, version),
    }
}

/// `pkg:golang/<module path>@<version>`: the last path segment is the name, the rest the
/// namespace.
pub fn golang(module: &str, version: &str) -> String {
    let segs: Vec<&str> = module.split('/').filter(|s| !s.is_empty()).collect();
    match segs.split_last() {
        Some((name, ns)) => build("golang", ns, name, version),
        None => build("golang", &[], module, version),
    }
}

/// The pypi name as purl wants it: lowercase, `_` → `-`.
pub fn pypi_name(name: &str) -> String {
    name.to_ascii_lowercase().replace('_', "-")
}

/// `pkg:pypi/<normalized name>@<version>`.
pub fn pypi(name: &str, version: &str) -> String {
    build("pypi", &[], &pypi_name(name), version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_forms() {
        assert_eq!(cargo("serde", "1.0.210"), "pkg:cargo/serde@1.0.210");
        assert_eq!(cargo("wasi", "0.11.0+wasi"), "pkg:cargo/wasi@0.11.0%2Bwasi");
        assert_eq!(npm("@Scope/Name", "1.2.3"), "pkg:npm/%40scope/name@1.2.3");
        assert_eq!(npm("left-pad", "1.3.0"), "pkg:npm/left-pad@1.3.0");
        assert_eq!(
            golang("github.com/Foo/bar", "v1.2.3"),
            "pkg:golang/github.com/Foo/bar@v1.2.3"
        );
        assert_eq!(
            golang("github.com/foo/bar/v2", "v2.0.0+incompatible"),
            "pkg:golang/github.com/foo/bar/v2@v2.0.0%2Bincompatible"
        );
        assert_eq!(
            pypi("Typing_Extensions", "4.1.0"),
            "pkg:pypi/typing-extensions@4.1.0"
        );
        assert_eq!(encode("a b/c@d"), "a%20b%2Fc%40d");
    }
}
