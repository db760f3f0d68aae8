package io.ordergate.scalepoint.boundary;

import static io.ordergate.scalepoint.boundary.ScalepointConnectionAdminResource.optional;

import io.ordergate.platform.boundary.AdminApi;
import io.ordergate.platform.boundary.StrictJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Base64;
import java.util.List;

/** Admin API: the client certificates OrderGate signs its token requests with ({@code private_key_jwt}). */
@AdminApi
@Path("admin/scalepoint/connection/certificates")
@Produces(MediaType.APPLICATION_JSON)
public class ScalepointCertificatesAdminResource {

    @Inject
    ScalepointCertificates certificates;

    @Context
    SecurityContext security;

    @GET
    public List<CertificateView> list() {
        return certificates.list();
    }

    /**
     * No body (or {@code {"commonName": "..."}}): generates a key pair and certificate. Body
     * {@code {"pkcs12": "<base64>", "password": "..."}}: stores an existing one. 201 with the
     * certificate to send to Scalepoint.
     */
    @POST
    public Response add(byte[] body) {
        CertificateView created;
        if (body == null || body.length == 0) {
            created = certificates.generate(null, actor());
        } else {
            var request = StrictJson.object(body);
            var pkcs12 = optional(request, "pkcs12");
            if (pkcs12 == null) {
                created = certificates.generate(optional(request, "commonName"), actor());
            } else {
                byte[] file;
                try {
                    file = Base64.getMimeDecoder().decode(pkcs12);
                } catch (IllegalArgumentException e) {
                    throw StrictJson.bad("'pkcs12' must be the base64 of a PKCS#12 (.p12/.pfx) file.");
                }
                var password = optional(request, "password");
                created = certificates.upload(file, password == null ? new char[0] : password.toCharArray(), actor());
            }
        }
        return Response.status(201).entity(created).build();
    }

    @POST
    @Path("{thumbprint}/activate")
    public CertificateView activate(@PathParam("thumbprint") String thumbprint) {
        return certificates.activate(thumbprint, actor());
    }

    /** Retires a certificate that is not active: its private key is wiped. */
    @DELETE
    @Path("{thumbprint}")
    public CertificateView retire(@PathParam("thumbprint") String thumbprint) {
        return certificates.retire(thumbprint, actor());
    }

    String actor() {
        return security.getUserPrincipal().getName();
    }
}
