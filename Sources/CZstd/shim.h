#ifndef CURBSIDE_CZSTD_SHIM_H
#define CURBSIDE_CZSTD_SHIM_H
// zstd (Debian's libzstd-dev): bronze page bodies are stored compressed.
#include <zstd.h>
#endif
