# Sourced by the scripts that run the tests or the programs without a display (run-tests.sh,
# ci-fuzz.sh, ci-package.sh, run-sanitizers.sh): Qt offscreen with a private runtime folder, the
# sanitizers' options (used only by instrumented builds), and with_postgres.

export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
chmod 700 "$XDG_RUNTIME_DIR"
# Leak detection off: Qt keeps process-lifetime allocations (plugin loaders, the SQL driver
# registry, font caches) that LeakSanitizer reports at exit. See docs/development.md «Sanitizers».
# scripts/fuzz.sh keeps its own default (leaks on): source this file after it.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:strict_string_checks=1:detect_stack_use_after_return=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# Runs the command inside a throwaway PostgreSQL 15 cluster when pg_virtualenv (postgresql-common)
# and PostgreSQL 15 are installed (-t: in a temporary folder even as root, so that runs of several
# users or worktrees on one machine do not collide on the system cluster «15/regress»), so the
# PostgreSQL tests run; otherwise runs it as it is, and those tests skip.
with_postgres() {
    if command -v pg_virtualenv >/dev/null 2>&1 && [ -d /usr/lib/postgresql/15/bin ]; then
        pg_virtualenv -t -v 15 -- "$@"
    else
        echo "pg_virtualenv (postgresql-15) not found: the PostgreSQL tests will be skipped" >&2
        "$@"
    fi
}
