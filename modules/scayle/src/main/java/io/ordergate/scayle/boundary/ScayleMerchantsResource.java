package io.ordergate.scayle.boundary;

import io.ordergate.credentials.boundary.IssuedScayleCredential;
import io.ordergate.credentials.boundary.ScayleCredentialInfo;
import io.ordergate.credentials.boundary.ScayleMerchantCredentials;
import io.ordergate.credentials.boundary.ScayleMerchantInfo;
import io.ordergate.platform.boundary.AdminApi;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.PublicUrl;
import io.ordergate.platform.boundary.StrictJson;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
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
import java.net.URI;
import java.util.List;

/** Admin API: SCAYLE merchants and their webhook credentials. */
@AdminApi
@Path("admin/scayle/merchants")
@Produces(MediaType.APPLICATION_JSON)
public class ScayleMerchantsResource {

    @Inject
    ScayleMerchantCredentials credentials;

    @Inject
    PublicUrl urls;

    @Context
    SecurityContext security;

    @GET
    public List<ScayleMerchantInfo> merchants() {
        return credentials.scayleMerchants();
    }

    /** Body: {@code {"merchantKey": "acme"}}. */
    @POST
    public Response create(byte[] body) {
        var request = StrictJson.object(body);
        if (!(request.get("merchantKey") instanceof JsonString merchantKey)) {
            throw new ProblemException(400, "Bad Request", "Send {\"merchantKey\": \"...\"}.");
        }
        var issued = credentials.createScayleMerchant(merchantKey.getString(), actor());
        return Response.created(URI.create("api/admin/scayle/merchants/" + issued.merchantKey() + "/credentials"))
                .entity(view(issued))
                .build();
    }

    @POST
    @Path("{merchantKey}/credentials")
    public Response rotate(@PathParam("merchantKey") String merchantKey) {
        var issued = credentials.rotateScayleCredentials(merchantKey, actor());
        return Response.status(201).entity(view(issued)).build();
    }

    @GET
    @Path("{merchantKey}/credentials")
    public List<ScayleCredentialInfo> list(@PathParam("merchantKey") String merchantKey) {
        return credentials.scayleCredentials(merchantKey);
    }

    @DELETE
    @Path("{merchantKey}/credentials/{username}")
    public Response revoke(@PathParam("merchantKey") String merchantKey, @PathParam("username") String username) {
        credentials.revokeScayleCredential(merchantKey, username, actor());
        return Response.noContent().build();
    }

    String actor() {
        return security.getUserPrincipal().getName();
    }

    MerchantCredentials view(IssuedScayleCredential issued) {
        return MerchantCredentials.of(issued, urls);
    }
}
