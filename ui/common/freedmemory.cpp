#include "ui/common/freedmemory.h"

#include <cstdlib> // names the C library (__GLIBC__) before it is asked

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace wirescope {

void returnFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

} // namespace wirescope
