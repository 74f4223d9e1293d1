#pragma once

#include <QtGlobal>

namespace wirescope {

// Seen from Wirescope: Out is what we wrote to the socket, In what we read from it.
enum class Direction : quint8 {
    In,
    Out,
};

} // namespace wirescope
