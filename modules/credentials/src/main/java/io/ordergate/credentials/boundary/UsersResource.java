package io.ordergate.credentials.boundary;

import io.ordergate.platform.boundary.AdminApi;
import io.ordergate.platform.boundary.StrictJson;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Admin API: the people who use the console and this API, and their roles. Admins only. */
@AdminApi
@Path("admin/users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    UserAdministration users;

    @Context
    SecurityContext security;

    @GET
    public List<UserInfo> list() {
        return users.list();
    }

    /** Body: {@code {"username": "jane", "roles": ["staff"]}}; 201 with a generated password, shown once. */
    @POST
    public Response create(byte[] body) {
        var request = StrictJson.object(body);
        return Response.status(201)
                .entity(users.create(
                        StrictJson.requiredString(request, "username", "username"), roles(request), actor()))
                .build();
    }

    /** Body: {@code {"roles": ["staff", "auditor"]}}. */
    @PUT
    @Path("{username}/roles")
    public UserInfo roles(@PathParam("username") String username, byte[] body) {
        return users.changeRoles(username, roles(StrictJson.object(body)), actor());
    }

    /** A new generated password, shown once. */
    @POST
    @Path("{username}/password")
    public IssuedPassword resetPassword(@PathParam("username") String username) {
        return users.resetPassword(username, actor());
    }

    @POST
    @Path("{username}/disable")
    public UserInfo disable(@PathParam("username") String username) {
        return users.setEnabled(username, false, actor());
    }

    @POST
    @Path("{username}/enable")
    public UserInfo enable(@PathParam("username") String username) {
        return users.setEnabled(username, true, actor());
    }

    static Set<String> roles(JsonObject request) {
        if (!(request.get("roles") instanceof JsonArray array)
                || !array.stream().allMatch(value -> value instanceof JsonString)) {
            throw StrictJson.bad("'roles' must be an array of role names (admin, staff, auditor).");
        }
        var roles = new HashSet<String>();
        array.getValuesAs(JsonString.class).forEach(role -> roles.add(role.getString()));
        return roles;
    }

    String actor() {
        return security.getUserPrincipal().getName();
    }
}
