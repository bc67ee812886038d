//! Containment of a bug in one package's checks: a panic while checking a package becomes a
//! failing finding for that package, instead of killing the whole report (and printing a raw
//! panic on stderr, even under `--json`).
//!
//! Owns [`contained`]. The panic hook is wrapped once so that panics inside [`contained`] are
//! silent on this thread (their message goes into the finding); other panics still reach the
//! previous hook.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// Set while this thread runs inside [`contained`].
    static CONTAINED: Cell<bool> = const { Cell::new(false) };
}

static HOOK: Once = Once::new();

/// Runs `f`; a panic inside it is returned as `Err(message)`.
pub fn contained<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !CONTAINED.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = CONTAINED.with(|c| c.replace(true));
    // Unwind safety: the checks' state lives inside `f` and is dropped with the panic.
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CONTAINED.with(|c| c.set(was));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message() {
        assert_eq!(contained(|| 7), Ok(7));
        let got = contained(|| -> u8 { panic!("byte index 4 is not a char boundary") });
        assert_eq!(got, Err("byte index 4 is not a char boundary".to_string()));
        let n = 3;
        assert_eq!(
            contained(|| -> u8 { panic!("{n} apples") }),
            Err("3 apples".into())
        );
    }
}
