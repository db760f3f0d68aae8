package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The job queue as staff see it through the admin API: dead jobs are visible and can be retried. */
class JobsIT extends OrderGateIT {

    /** A job of a type no handler in this build runs, so the workers leave it where the test puts it. */
    static long deadJob(String dedupeKey) {
        var id = count(
                "INSERT INTO job (job_type, dedupe_key, payload, state, attempts, max_attempts, give_up_at, "
                        + "run_at, last_status, last_error, created_at, updated_at, finished_at) VALUES ('test.unhandled', ?, "
                        + "'{\"order\":1}', 'dead', 2, 2, now(), now(), 503, 'unavailable', now(), now(), now()) "
                        + "RETURNING job_id",
                dedupeKey);
        count(
                "INSERT INTO job_attempt (job_id, attempt, node, started_at, finished_at, outcome, http_status, error) "
                        + "SELECT ?, a, 'node-1', now(), now(), CASE a WHEN 2 THEN 'dead' ELSE 'retry' END, 503, 'unavailable' "
                        + "FROM generate_series(1, 2) a RETURNING 1",
                id);
        return id;
    }

    @Test
    void deadJobsAreListedWithTheirAttemptsAndCanBeRetried() {
        var id = deadJob(null);

        var dead = Json.object(
                get("api/admin/jobs?state=dead&type=test.unhandled", admin()).body());
        assertThat(dead.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(j -> j.getJsonNumber("id").longValue())
                .contains(id);
        var detail = Json.object(get("api/admin/jobs/" + id, admin()).body());
        assertThat(detail.getString("state")).isEqualTo("dead");
        assertThat(detail.getString("lastError")).isEqualTo("unavailable");
        assertThat(detail.getJsonArray("attemptHistory").getValuesAs(JsonObject.class))
                .extracting(a -> a.getInt("attempt") + ":" + a.getString("outcome"))
                .containsExactly("1:retry", "2:dead");

        var retried = post("api/admin/jobs/" + id + "/retry", admin(), null, new byte[0]);

        assertThat(retried.statusCode()).isEqualTo(200);
        var job = Json.object(retried.body());
        assertThat(job.getString("state")).isEqualTo("failing");
        // a fresh allowance of time; no attempt limit, as configured by default
        assertThat(java.time.Instant.parse(job.getString("giveUpAt")))
                .isAfter(java.time.Instant.now().plusSeconds(3600));
        assertThat(job.getInt("maxAttempts")).isZero();
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'job.retried' AND subject_key = ? "
                                + "AND actor = 'admin'",
                        String.valueOf(id)))
                .isEqualTo(1);
    }

    @Test
    void aRetryThatWouldDuplicateALiveJobIsRefused() {
        var id = deadJob("order-42");
        count("INSERT INTO job (job_type, dedupe_key, payload, state, max_attempts, give_up_at, run_at, created_at, "
                + "updated_at) VALUES ('test.unhandled', 'order-42', '{}', 'pending', 5, now() + interval '1 day', "
                + "now(), now(), now()) RETURNING 1");

        var refused = post("api/admin/jobs/" + id + "/retry", admin(), null, new byte[0]);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void badRequestsGetProblems() {
        assertThat(get("api/admin/jobs?state=sleeping", admin()).statusCode()).isEqualTo(400);
        assertThat(get("api/admin/jobs/999999999", admin()).statusCode()).isEqualTo(404);
        assertThat(get("api/admin/jobs/abc", admin()).statusCode()).isEqualTo(404);
        assertThat(post("api/admin/jobs/999999999/retry", admin(), null, new byte[0])
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("api/admin/jobs", null).statusCode()).isEqualTo(401);
    }

    @Test
    void severalJobsAreRetriedAtOnceAndRefusalsAreReported() {
        var dead = deadJob(null);
        var succeeded = count("INSERT INTO job (job_type, payload, state, attempts, max_attempts, give_up_at, run_at, "
                + "created_at, updated_at, finished_at) VALUES ('test.unhandled', '{}', 'succeeded', 1, 5, now(), now(), "
                + "now(), now(), now()) RETURNING job_id");
        var before = Json.object(
                get("api/admin/jobs/summary?type=test.unhandled", admin()).body());

        var response = post(
                "api/admin/jobs/retry",
                admin(),
                "application/json",
                ("{\"ids\": [" + dead + ", " + succeeded + ", " + dead + "]}").getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        var result = Json.object(response.body());
        assertThat(result.getJsonArray("retried").getValuesAs(JsonNumber.class))
                .extracting(JsonNumber::longValue)
                .containsExactly(dead);
        var refused = result.getJsonArray("refused").getJsonObject(0);
        assertThat(refused.getJsonNumber("id").longValue()).isEqualTo(succeeded);
        assertThat(refused.getString("reason")).contains("succeeded");
        var after = Json.object(
                get("api/admin/jobs/summary?type=test.unhandled", admin()).body());
        assertThat(after.getJsonNumber("dead").longValue())
                .isEqualTo(before.getJsonNumber("dead").longValue() - 1);
        assertThat(after.getJsonNumber("failing").longValue())
                .isEqualTo(before.getJsonNumber("failing").longValue() + 1);
        assertThat(post(
                                "api/admin/jobs/retry",
                                admin(),
                                "application/json",
                                "{\"ids\": []}".getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(400);
    }
}
