//! The `pixeltales` binary: tune the allocator, then hand over to the CLI.

fn main() -> std::process::ExitCode {
    pixeltales::memory::tune_allocator();
    pixeltales::cli::main()
}
