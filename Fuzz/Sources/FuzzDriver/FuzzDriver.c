#include <stddef.h>
#include <stdint.h>

// SwiftPM links an executable with `--defsym main=<Module>_main` and compiles its Swift with that entry
// point name, which would replace libFuzzer's own `main`. Defining the renamed entry point here and
// handing control to libFuzzer's documented driver keeps libFuzzer's command line and behaviour intact.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int MastheadFuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
