#ifndef INTERCHANGE_COPENSSL_SHIM_H
#define INTERCHANGE_COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/err.h>
#include <openssl/crypto.h>
#include <openssl/provider.h>
#endif
