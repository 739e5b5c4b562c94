// The one translation unit that compiles toml++'s implementation into mockcoach (its documented
// TOML_IMPLEMENTATION mode): every other file includes only the declarations.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
