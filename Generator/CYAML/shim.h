#ifndef INTERCHANGE_CYAML_SHIM_H
#define INTERCHANGE_CYAML_SHIM_H
#include <yaml.h>
#endif
