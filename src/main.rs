fn main() -> std::process::ExitCode {
    relmgr::cli::run()
}
