/// mimalloc, not glibc's malloc: fsck and replay allocate on several threads at once, where
/// glibc grows each thread's arena a page at a time (60,000 `mprotect` calls in one fsck).
mod cli;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // SQLite takes its memory from the same allocator (before its first connection).
    relmgr::store::memory::use_mimalloc();
    cli::run()
}
