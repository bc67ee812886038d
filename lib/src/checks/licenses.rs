//! Which licenses a file header may name: the project's accepted ids, and for Apache-2.0
//! projects the ASF's third-party categories (https://www.apache.org/legal/resolved.html).
//!
//! Owns [`judge_spdx`]. The rule, kept simple on purpose:
//! * an expression the accepted ids satisfy passes (`MIT OR GPL-2.0-only` in an MIT project);
//! * otherwise, in a project that accepts Apache-2.0, an expression satisfiable with category A
//!   ids passes (MIT, BSD, ISC… may be bundled), one that needs category B warns (weak
//!   copyleft: MPL, EPL, CDDL… only in binary form), one that needs category X fails (GPL,
//!   LGPL, AGPL, SSPL, BUSL, non-commercial CC…: incompatible), unknown ids warn;
//! * in other projects, ids outside the accepted list warn; the GNU copyleft ids fail when
//!   the project's licenses are all permissive (an MIT project cannot ship a GPL file as MIT).

/// ASF category A: may be included in Apache products (the common SPDX ids).
pub const CATEGORY_A: &[&str] = &[
    "Apache-2.0",
    "MIT",
    "MIT-0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "0BSD",
    "ISC",
    "Zlib",
    "BSL-1.0",
    "PSF-2.0",
    "Python-2.0",
    "CC0-1.0",
    "Unlicense",
    "X11",
    "W3C",
    "UPL-1.0",
    "PostgreSQL",
    "NCSA",
    "bzip2-1.0.6",
    "libpng-2.0",
    "ICU",
    "Unicode-DFS-2016",
    "Unicode-3.0",
    "BlueOak-1.0.0",
    "CC-BY-3.0",
    "CC-BY-4.0",
    "OpenSSL",
    "curl",
];

/// ASF category B: weak copyleft, binary form only.
pub const CATEGORY_B: &[&str] = &[
    "MPL-1.1",
    "MPL-2.0",
    "EPL-1.0",
    "EPL-2.0",
    "CDDL-1.0",
    "CDDL-1.1",
    "CPL-1.0",
    "IPL-1.0",
    "EUPL-1.1",
    "EUPL-1.2",
    "OFL-1.1",
    "CC-BY-SA-3.0",
    "CC-BY-SA-4.0",
    "Ruby",
];

/// ASF category X (by prefix): may not be included.
pub const CATEGORY_X: &[&str] = &[
    "GPL-",
    "LGPL-",
    "AGPL-",
    "SSPL-",
    "BUSL-",
    "CC-BY-NC",
    "CPAL-",
    "QPL-",
    "Sleepycat",
    "JSON",
    "OSL-",
];

/// How a header's SPDX expression fares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Accepted; the note says why when it is not one of the project's own ids.
    Ok,
    /// Worth a look (category B, unknown id, not accepted).
    Doubtful(String),
    /// Incompatible with the project's license.
    Incompatible(String),
}

fn in_x(id: &str) -> bool {
    CATEGORY_X.iter().any(|p| id.starts_with(p))
}

/// Judges the SPDX expression `expr` (as written after `SPDX-License-Identifier:`) against the
/// `accepted` ids (non-empty).
pub fn judge_spdx(expr: &str, accepted: &[String]) -> Verdict {
    let expr = expr
        .trim()
        .trim_end_matches("*/")
        .trim_end_matches("-->")
        .trim();
    let Ok(parsed) = spdx::Expression::parse_mode(expr, spdx::ParseMode::LAX) else {
        return Verdict::Doubtful(format!("{expr:?} is not an SPDX expression"));
    };
    let id_of = |r: &spdx::LicenseReq| r.license.id().map(|i| i.name.to_string());
    let holds = |ok: &dyn Fn(&str) -> bool| parsed.evaluate(|r| id_of(r).is_some_and(|i| ok(&i)));
    if holds(&|i| accepted.iter().any(|a| a == i)) {
        return Verdict::Ok;
    }
    let project = accepted.join(" OR ");
    let apache = accepted.iter().any(|a| a == "Apache-2.0");
    if apache {
        if holds(&|i| CATEGORY_A.contains(&i)) {
            return Verdict::Ok;
        }
        if holds(&|i| CATEGORY_A.contains(&i) || CATEGORY_B.contains(&i)) {
            return Verdict::Doubtful(format!(
                "{expr} is ASF category B (binary form only in {project} projects)"
            ));
        }
        if !parsed.evaluate(|r| id_of(r).is_none_or(|i| !in_x(&i))) {
            return Verdict::Incompatible(format!(
                "{expr} is incompatible with {project} (ASF category X)"
            ));
        }
        return Verdict::Doubtful(format!("{expr} is not an accepted license ({project})"));
    }
    let permissive = accepted.iter().all(|a| CATEGORY_A.contains(&a.as_str()));
    let gnu = |i: &str| ["GPL-", "LGPL-", "AGPL-"].iter().any(|p| i.starts_with(p));
    if permissive && !parsed.evaluate(|r| id_of(r).is_none_or(|i| !gnu(&i))) {
        return Verdict::Incompatible(format!("{expr} is incompatible with {project}"));
    }
    Verdict::Doubtful(format!("{expr} is not an accepted license ({project})"))
}

/// The ids of an SPDX expression (the project's license), in order, without duplicates.
pub fn ids_of(expr: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Ok(e) = spdx::Expression::parse_mode(expr, spdx::ParseMode::LAX) {
        for r in e.requirements() {
            if let Some(id) = r.req.license.id()
                && !out.iter().any(|o| o == id.name)
            {
                out.push(id.name.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn verdicts() {
        let apache = ids(&["Apache-2.0"]);
        let mit = ids(&["MIT"]);
        let ok = |e: &str, a: &[String]| judge_spdx(e, a) == Verdict::Ok;
        let bad = |e: &str, a: &[String]| matches!(judge_spdx(e, a), Verdict::Incompatible(_));
        let doubt = |e: &str, a: &[String]| matches!(judge_spdx(e, a), Verdict::Doubtful(_));
        assert!(ok("Apache-2.0", &apache));
        assert!(ok("MIT", &apache), "category A");
        assert!(ok("BSD-3-Clause */", &apache));
        assert!(ok("Apache-2.0 OR GPL-2.0-only", &apache));
        assert!(bad("GPL-3.0-only", &apache));
        assert!(bad("GPL-2.0-or-later", &apache));
        assert!(bad("LGPL-2.1-only AND MIT", &apache));
        assert!(doubt("MPL-2.0", &apache), "category B");
        assert!(doubt("LicenseRef-Proprietary", &apache));
        assert!(doubt("not a license (", &apache));
        assert!(ok("MIT", &mit));
        assert!(doubt("Apache-2.0", &mit));
        assert!(bad("GPL-3.0-only", &mit));
        assert!(ok("GPL-3.0-only", &ids(&["GPL-3.0-only"])));
        assert_eq!(ids_of("MIT OR Apache-2.0"), ["MIT", "Apache-2.0"]);
    }
}
