//! SQLite's memory, from mimalloc (the program's allocator, see `main.rs`) rather than glibc's
//! malloc, and without SQLite's own accounting of it.
//!
//! fsck's scratch index is a whole index in memory (about 60 MB at 10,000 releases). Under
//! glibc, SQLite's allocations were memory of its own: the pages mimalloc had just freed (the
//! log read, then replayed) could not take them, and every B-tree rebalancing took glibc's
//! lock and SQLite's (the accounting, kept under a mutex on every allocation and free).

use std::ffi::{c_int, c_void};

use libmimalloc_sys as mi;
use rusqlite::ffi;

unsafe extern "C" fn malloc(n: c_int) -> *mut c_void {
    // SAFETY: mimalloc's malloc; SQLite never asks for a negative size.
    unsafe { mi::mi_malloc(n.max(0) as usize) }
}

unsafe extern "C" fn free(p: *mut c_void) {
    // SAFETY: `p` came from `malloc` or `realloc` (mimalloc), or is null.
    unsafe { mi::mi_free(p) }
}

unsafe extern "C" fn realloc(p: *mut c_void, n: c_int) -> *mut c_void {
    // SAFETY: as for `malloc` and `free`.
    unsafe { mi::mi_realloc(p, n.max(0) as usize) }
}

unsafe extern "C" fn size(p: *mut c_void) -> c_int {
    // SAFETY: `p` came from `malloc` or `realloc`. SQLite's allocations are below 2 GiB.
    unsafe { mi::mi_usable_size(p) as c_int }
}

unsafe extern "C" fn roundup(n: c_int) -> c_int {
    // SAFETY: a pure function of the size.
    unsafe { mi::mi_good_size(n.max(0) as usize).min(c_int::MAX as usize) as c_int }
}

unsafe extern "C" fn init(_: *mut c_void) -> c_int {
    ffi::SQLITE_OK
}

unsafe extern "C" fn shutdown(_: *mut c_void) {}

/// Gives SQLite mimalloc's memory and turns its memory statistics off. Call it before the
/// first connection opens: once SQLite is initialized its configuration can no longer change,
/// and a later call does nothing (SQLite keeps its own malloc, which works as well).
pub fn use_mimalloc() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let methods = Box::leak(Box::new(ffi::sqlite3_mem_methods {
            xMalloc: Some(malloc),
            xFree: Some(free),
            xRealloc: Some(realloc),
            xSize: Some(size),
            xRoundup: Some(roundup),
            xInit: Some(init),
            xShutdown: Some(shutdown),
            pAppData: std::ptr::null_mut(),
        }));
        // SAFETY: SQLite copies the methods (they are leaked all the same); both options are
        // refused, harmlessly, once SQLite is initialized.
        unsafe {
            ffi::sqlite3_config(ffi::SQLITE_CONFIG_MEMSTATUS, 0 as c_int);
            ffi::sqlite3_config(
                ffi::SQLITE_CONFIG_MALLOC,
                methods as *mut ffi::sqlite3_mem_methods,
            );
        }
    });
}
