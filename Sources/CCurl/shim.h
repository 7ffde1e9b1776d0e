#ifndef CURBSIDE_CCURL_SHIM_H
#define CURBSIDE_CCURL_SHIM_H
#include <curl/curl.h>

// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: typed wrappers.
static inline CURLcode curbside_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode curbside_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode curbside_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode curbside_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
typedef size_t (*curbside_write_fn)(char *ptr, size_t size, size_t nmemb, void *userdata);
static inline CURLcode curbside_setopt_write_function(CURL *h, curbside_write_fn f) { return curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, f); }
static inline CURLcode curbside_setopt_header_function(CURL *h, curbside_write_fn f) { return curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, f); }
static inline CURLcode curbside_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode curbside_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }

// Progress callback (CURLOPT_XFERINFOFUNCTION): returning non-zero aborts the transfer, which is how
// a cancelled Swift task stops a transfer in flight.
typedef int (*curbside_xferinfo_fn)(void *clientp, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow);
static inline CURLcode curbside_setopt_xferinfo_function(CURL *h, curbside_xferinfo_fn f) { return curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, f); }

// CURL_GLOBAL_DEFAULT is a macro expression Swift does not import.
static inline CURLcode curbside_global_init(void) { return curl_global_init(CURL_GLOBAL_DEFAULT); }
// CURL_ERROR_SIZE, as a value Swift can read.
static inline size_t curbside_error_size(void) { return CURL_ERROR_SIZE; }
#endif
