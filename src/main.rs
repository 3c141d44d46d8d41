fn main() -> std::process::ExitCode {
    cybernorms::cli::main()
}
