package io.ordergate.scalepoint.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** Scalepoint's Authorization Server token endpoint; the base URL is the token URL itself. */
public interface TokenApi {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response token(MultivaluedMap<String, String> form);
}
