//! Entry point: parse the command line and hand over to the library.

fn main() -> std::process::ExitCode {
    checksheet::run(std::env::args_os())
}
