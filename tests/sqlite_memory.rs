//! SQLite takes its memory from mimalloc, without its own accounting, once
//! `store::memory::use_mimalloc` runs before the first connection (as `main` does). A test
//! binary of its own: in the other binaries some test may open a connection first.

use rusqlite::{Connection, ffi};

#[test]
fn sqlite_allocates_through_mimalloc_without_its_accounting() {
    relmgr::store::memory::use_mimalloc();
    let db = Connection::open_in_memory().unwrap();
    db.execute_batch(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, blob BLOB);
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
         INSERT INTO t (name, blob) SELECT 'name-' || i, randomblob(300) FROM n;",
    )
    .unwrap();
    let (count, check): (i64, String) = db
        .query_row(
            "SELECT (SELECT count(*) FROM t), (SELECT integrity_check FROM pragma_integrity_check)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((count, check.as_str()), (20000, "ok"));
    // SQLite's accounting is off: it counts nothing, though megabytes are in use. With its
    // default settings it would count them (and take a lock on every allocation to do so).
    // SAFETY: plain reads of SQLite's counters.
    let (used, highwater) =
        unsafe { (ffi::sqlite3_memory_used(), ffi::sqlite3_memory_highwater(0)) };
    assert_eq!((used, highwater), (0, 0));
    // The memory is mimalloc's: SQLite's size of a block is mimalloc's.
    // SAFETY: a block from SQLite's allocator, freed by it.
    unsafe {
        let p = ffi::sqlite3_malloc(1000);
        assert!(!p.is_null());
        assert!(libmimalloc_sys::mi_usable_size(p) >= 1000);
        assert_eq!(
            ffi::sqlite3_msize(p),
            libmimalloc_sys::mi_usable_size(p) as u64
        );
        ffi::sqlite3_free(p);
    }
}
