#include "core/session/wsconnectoptions.h"

namespace wirescope {

WsHandshakeRequestOptions WsConnectOptions::handshakeRequestOptions() const
{
    WsHandshakeRequestOptions request;
    request.url = url;
    request.origin = origin;
    request.subprotocols = subprotocols;
    if (permessageDeflate)
        request.extensions << deflateOffer.headerValue();
    request.headers = headers;
    request.basicUser = basicUser;
    request.basicPassword = basicPassword;
    request.bearerToken = bearerToken;
    request.cookies = cookies;
    return request;
}

} // namespace wirescope
