# Sourced by run-app.sh, run-tests.sh and build-deb.sh: the one configuration of the build folder they
# share, so that CI builds the programs once for the package and the tests. RelWithDebInfo with line
# tables only (-g1): backtraces keep function names and lines; the build takes about a third less
# time than with full debug information (-g), which nobody reads in these builds (a debugger session
# wants its own Debug folder). The package's programs are stripped by cpack (CPACK_STRIP_FILES).
OBJECTIVITY_CMAKE_ARGS=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG"
    "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG")
if command -v ccache >/dev/null; then
    OBJECTIVITY_CMAKE_ARGS+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
