package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Users and roles, enforced where the work is done: the facades refuse a role that may not act
 * ({@code @RolesAllowed}), whatever the entry point. Staff work with orders and jobs but never
 * credentials; auditors read everything and the audit trail and change nothing; only admins
 * manage users. Disabling a user or resetting a password takes effect at once.
 */
class RolesIT extends OrderGateIT {

    record User(String name, String password) {
        String auth() {
            return basic(name, password);
        }
    }

    User newUser(String role) {
        var name = role + "-" + UUID.randomUUID().toString().substring(0, 6);
        var response = post(
                "api/admin/users",
                admin(),
                "application/json",
                ("{\"username\": \"" + name + "\", \"roles\": [\"" + role + "\"]}").getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(text(response)).isEqualTo(201);
        var json = Json.object(response.body());
        assertThat(json.getJsonObject("user").getJsonArray("roles").getString(0))
                .isEqualTo(role);
        return new User(name, json.getString("password"));
    }

    HttpResponse<byte[]> postJson(String path, String auth, String json) {
        return post(path, auth, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    static void assertForbidden(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(text(response)).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void staffWorkWithOrdersAndJobsButNeverCredentialsOrUsers() {
        var staff = newUser("staff");
        var dead = JobsIT.deadJob(null);

        assertThat(get("api/admin/scayle/delegations?size=1", staff.auth()).statusCode())
                .isEqualTo(200);
        assertThat(get("api/admin/jobs?state=dead", staff.auth()).statusCode()).isEqualTo(200);
        assertThat(post("api/admin/jobs/" + dead + "/retry", staff.auth(), null, new byte[0])
                        .statusCode())
                .isEqualTo(200);
        assertForbidden(postJson("api/admin/scayle/merchants", staff.auth(), "{\"merchantKey\": \"by-staff\"}"));
        assertForbidden(post("api/admin/scalepoint/webhook-clients", staff.auth(), null, new byte[0]));
        assertForbidden(get("api/admin/users", staff.auth()));
        assertForbidden(get("api/admin/audit", staff.auth()));
        assertThat(count("SELECT count(*) FROM cred_scayle_merchant WHERE merchant_key = 'by-staff'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM audit_record WHERE action = 'job.retried' AND actor = ?", staff.name()))
                .isEqualTo(1);
    }

    @Test
    void auditorsReadEverythingAndChangeNothing() {
        var auditor = newUser("auditor");
        var dead = JobsIT.deadJob(null);

        assertThat(get("api/admin/audit?size=5", auditor.auth()).statusCode()).isEqualTo(200);
        assertThat(get("api/admin/audit/export?format=json&actor=nobody", auditor.auth())
                        .statusCode())
                .isEqualTo(200);
        assertThat(post("api/admin/audit/verify", auditor.auth(), null, new byte[0])
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("api/admin/scayle/delegations?size=1", auditor.auth()).statusCode())
                .isEqualTo(200);
        assertThat(get("api/admin/scalepoint/orders?size=1", auditor.auth()).statusCode())
                .isEqualTo(200);
        assertForbidden(post("api/admin/jobs/" + dead + "/retry", auditor.auth(), null, new byte[0]));
        assertForbidden(post(
                "api/admin/scalepoint/orders/" + UUID.randomUUID() + "/refresh", auditor.auth(), null, new byte[0]));
        assertForbidden(postJson("api/admin/scayle/merchants", auditor.auth(), "{\"merchantKey\": \"by-auditor\"}"));
        assertForbidden(post("api/admin/scalepoint/connection/certificates", auditor.auth(), null, new byte[0]));
        assertThat(Json.object(get("api/admin/jobs/" + dead, admin()).body()).getString("state"))
                .isEqualTo("dead");
    }

    @Test
    void adminsManageUsersAndChangesTakeEffectAtOnce() {
        var staff = newUser("staff");
        assertThat(get("api/admin/jobs", staff.auth()).statusCode()).isEqualTo(200);

        var reset = Json.object(post("api/admin/users/" + staff.name() + "/password", admin(), null, new byte[0])
                .body());
        var renewed = new User(staff.name(), reset.getString("password"));
        assertThat(get("api/admin/jobs", staff.auth()).statusCode()).isEqualTo(401);
        assertThat(get("api/admin/jobs", renewed.auth()).statusCode()).isEqualTo(200);

        var changed = send(java.net.http.HttpRequest.newBuilder(uri("api/admin/users/" + staff.name() + "/roles"))
                .header("Authorization", admin())
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"roles\": [\"auditor\"]}"))
                .build());
        assertThat(changed.statusCode()).as(text(changed)).isEqualTo(200);
        assertForbidden(post("api/admin/jobs/" + JobsIT.deadJob(null) + "/retry", renewed.auth(), null, new byte[0]));

        assertThat(post("api/admin/users/" + staff.name() + "/disable", admin(), null, new byte[0])
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("api/admin/jobs", renewed.auth()).statusCode()).isEqualTo(401);

        var users = text(get("api/admin/users", admin()));
        assertThat(users)
                .contains(staff.name())
                .doesNotContain(renewed.password())
                .doesNotContain("pbkdf2");
        assertThat(post("api/admin/users/admin/disable", admin(), null, new byte[0])
                        .statusCode())
                .isEqualTo(409);
        assertThat(postJson("api/admin/users", admin(), "{\"username\": \"admin\", \"roles\": [\"staff\"]}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(postJson("api/admin/users", admin(), "{\"username\": \"Bad Name\", \"roles\": [\"staff\"]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(postJson("api/admin/users", admin(), "{\"username\": \"someone\", \"roles\": [\"root\"]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE subject_type = 'user' AND subject_key = ? AND "
                                + "actor = 'admin'",
                        staff.name()))
                .isEqualTo(4);
        assertThat(count("SELECT count(*) FROM audit_record WHERE detail::text LIKE ?", "%" + renewed.password() + "%"))
                .isZero();
    }
}
